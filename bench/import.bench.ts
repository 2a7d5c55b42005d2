import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";

import { applyMigrations } from "../src/db/migrate";
import type { ImportReport } from "../src/domain/imports/imports.schemas";
import { runImport } from "../src/domain/imports/run-import";
import { SYSTEM_ACTOR } from "../src/domain/users/users.types";
import { systemClock } from "../src/shared/clock";
import { openBenchTarget } from "./bench-database";
import type { FilesRequest, ImportFiles } from "./import-files";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";
import { timeRolledBack } from "./yardsticks";

const DEFAULT_LINES = 1_000_000;

/** Writes the files in a child process (see `import-files.ts`) and waits for their paths. */
function writeFiles(request: FilesRequest): Promise<ImportFiles> {
  const child = fork(fileURLToPath(new URL("./import-files.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (files) => resolve(files as ImportFiles));
    child.once("exit", (code) => reject(new Error(`the file writer stopped (exit code ${code})`)));
    child.send(request);
  });
}

async function* chunks(file: string) {
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) yield chunk as Uint8Array;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** As `encours import` does it: the file is hashed first, so that an unchanged extract is skipped unread. */
async function timedImport(
  ctx: Parameters<typeof runImport>[0],
  kind: "customers" | "invoices",
  file: string,
) {
  const started = performance.now();
  const fileHash = await sha256File(file);
  const report: ImportReport = await runImport(ctx, SYSTEM_ACTOR, {
    kind,
    company: { code: "BENCH" },
    fileName: path.basename(file),
    source: { format: "csv", chunks: chunks(file) },
    fileHash,
    snapshot: false,
    dryRun: false,
  });
  if (report.status === "failed") throw new Error(`${file}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return { seconds: (performance.now() - started) / 1000, report };
}

type Db = Parameters<typeof runImport>[0]["db"];

/** The yardstick: a plain COPY of the file into an unindexed table of text columns (`copy_probe`). */
async function timeCopy(db: Db, file: string): Promise<number> {
  await db.execute(sql`create table copy_probe (customer_ref text, number text, type text, issue_date text,
    due_date text, amount text, open_amount text, currency text, po_number text, external_ref text)`);
  const started = performance.now();
  await db.execute(sql.raw(`copy copy_probe from '${file}' with (format csv, header true, delimiter ';')`));
  const seconds = (performance.now() - started) / 1000;
  console.log(`import: plain COPY of the same file in ${seconds.toFixed(2)} s`);
  return seconds;
}

/**
 * A second yardstick, the floor of any import into the real table: the rows COPY read, already typed and
 * joined to their customers, inserted by one statement into a table with the invoice table's columns and
 * its ten indexes, but no foreign key, trigger, check or comparison with stored rows. Rolled back.
 */
async function timeIndexedFloor(db: Db): Promise<number> {
  const seconds = await timeRolledBack(db, async (tx) => {
    await tx.execute(
      sql`create table indexed_floor (like invoice including defaults including identity including indexes)`,
    );
    await tx.execute(sql`insert into indexed_floor (company_id, customer_id, external_ref, number, type, issue_date,
        due_date, amount_minor, open_amount_minor, currency, po_number, status)
      select cu.company_id, cu.id, p.external_ref, p.number, p.type::invoice_type, p.issue_date::date, p.due_date::date,
        (replace(p.amount, ',', '.')::numeric * 100)::bigint, (replace(p.open_amount, ',', '.')::numeric * 100)::bigint,
        p.currency, p.po_number, 'open'
      from copy_probe p join customer cu on cu.external_ref = p.customer_ref
      order by p.external_ref`);
  });
  console.log(`import: the same rows into a table with the invoice indexes in ${seconds.toFixed(1)} s`);
  return seconds;
}

/** `npm run bench -- import [--size N] [--embedded]`: a 1,000,000-line invoices CSV against a plain COPY. */
export async function runImportBench(args: BenchArgs): Promise<void> {
  const lines = args.size ?? (args.embedded ? 100_000 : DEFAULT_LINES);
  const dir = mkdtempSync(path.join(tmpdir(), "encours-bench-import-"));
  // The server-side COPY runs as the PostgreSQL server's user, who must be able to read the file.
  chmodSync(dir, 0o755);
  const { handle, dispose } = await openBenchTarget("encours_bench_import", args.embedded);
  try {
    await applyMigrations(handle.db);
    const files = await writeFiles({ dir, lines });
    // Measured from here: the imports, not the writing of the files.
    const rss = startRssSampler();
    console.log(`import: ${lines} invoice lines into ${handle.mode} ${handle.location}`);
    await handle.db.execute(
      sql`insert into company (code, name, country, currency, time_zone, default_language) values ('BENCH', 'Bench SAS', 'FR', 'EUR', 'Europe/Paris', 'fr')`,
    );
    const ctx = { db: handle.db, clock: systemClock };
    const customers = await timedImport(ctx, "customers", files.customersFile);
    console.log(`import: customers ${customers.report.rows} rows in ${customers.seconds.toFixed(1)} s`);
    const copySeconds = handle.mode === "postgres" ? await timeCopy(handle.db, files.invoicesFile) : null;
    const floorSeconds = handle.mode === "postgres" ? await timeIndexedFloor(handle.db) : null;
    const first = await timedImport(ctx, "invoices", files.invoicesFile);
    console.log(
      `import: first import ${first.seconds.toFixed(1)} s (${first.report.created} created), rss ${rss.currentMb()} MB`,
    );
    const same = await timedImport(ctx, "invoices", files.invoicesFile);
    console.log(`import: same file again ${same.seconds.toFixed(1)} s (${same.report.status})`);
    const oneChanged = await timedImport(ctx, "invoices", files.changedInvoicesFile);
    console.log(
      `import: one line changed ${oneChanged.seconds.toFixed(1)} s (${oneChanged.report.updated} updated, ${oneChanged.report.unchanged} unchanged)`,
    );
    const ratio = (seconds: number) => (copySeconds ? Number((seconds / copySeconds).toFixed(2)) : null);
    console.log(
      JSON.stringify({
        bench: "import",
        rows: lines,
        database: handle.mode === "embedded" ? "embedded" : "postgres",
        seconds: Number(first.seconds.toFixed(2)),
        copySeconds: copySeconds === null ? null : Number(copySeconds.toFixed(2)),
        ratio: ratio(first.seconds),
        indexedFloorSeconds: floorSeconds === null ? null : Number(floorSeconds.toFixed(2)),
        floorRatio: floorSeconds === null ? null : Number((first.seconds / floorSeconds).toFixed(2)),
        sameFileSeconds: Number(same.seconds.toFixed(2)),
        sameFileRatio: ratio(same.seconds),
        oneChangedSeconds: Number(oneChanged.seconds.toFixed(2)),
        oneChangedRatio: ratio(oneChanged.seconds),
        peakRssMb: rss.stop(),
      }),
    );
  } finally {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
