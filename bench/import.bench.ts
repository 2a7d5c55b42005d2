import { createHash } from "node:crypto";
import { once } from "node:events";
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";

import { applyMigrations } from "../src/db/migrate";
import type { ImportReport } from "../src/domain/imports/imports.schemas";
import { runImport } from "../src/domain/imports/run-import";
import { SYSTEM_ACTOR } from "../src/domain/users/users.types";
import { systemClock } from "../src/shared/clock";
import { openBenchTarget } from "./bench-database";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";

const DEFAULT_LINES = 1_000_000;

async function writeLines(
  file: string,
  header: string,
  count: number,
  line: (i: number) => string,
): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${line(i)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Invoices spread over `customers`, deterministic; `variant` changes one line for the "changed" re-import. */
async function writeFiles(dir: string, lines: number, variant = 0) {
  const customers = Math.max(1, Math.round(lines / 10));
  const customersFile = path.join(dir, "customers.csv");
  const invoicesFile = path.join(dir, `invoices-${variant}.csv`);
  await writeLines(
    customersFile,
    "external_ref;name;segment;country",
    customers,
    (i) => `C${i};Client ${i} SAS;smes;FR`,
  );
  await writeLines(
    invoicesFile,
    "customer_ref;number;type;issue_date;due_date;amount;open_amount;currency;po_number;external_ref",
    lines,
    (i) => {
      const day = String((i % 28) + 1).padStart(2, "0");
      const cents = ((i * 7919) % 900_000) + 10_000 + (variant && i === 0 ? 1 : 0);
      const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
      return `C${i % customers};FA-${i};invoice;2026-01-${day};2026-02-${day};${amount};${amount};EUR;PO-${i % 1000};INV-${i}`;
    },
  );
  return { customersFile, invoicesFile };
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

/** `npm run bench -- import [--size N] [--embedded]`: a 1,000,000-line invoices CSV against a plain COPY. */
export async function runImportBench(args: BenchArgs): Promise<void> {
  const lines = args.size ?? (args.embedded ? 100_000 : DEFAULT_LINES);
  const dir = mkdtempSync(path.join(tmpdir(), "encours-bench-import-"));
  // The server-side COPY runs as the PostgreSQL server's user, who must be able to read the file.
  chmodSync(dir, 0o755);
  const rss = startRssSampler();
  const { handle, dispose } = await openBenchTarget("encours_bench_import", args.embedded);
  try {
    await applyMigrations(handle.db);
    const files = await writeFiles(dir, lines);
    const changed = await writeFiles(dir, lines, 1);
    console.log(`import: ${lines} invoice lines into ${handle.mode} ${handle.location}`);
    await handle.db.execute(
      sql`insert into company (code, name, country, currency, time_zone, default_language) values ('BENCH', 'Bench SAS', 'FR', 'EUR', 'Europe/Paris', 'fr')`,
    );
    const ctx = { db: handle.db, clock: systemClock };
    const customers = await timedImport(ctx, "customers", files.customersFile);
    console.log(`import: customers ${customers.report.rows} rows in ${customers.seconds.toFixed(1)} s`);
    let copySeconds: number | null = null;
    if (handle.mode === "postgres") {
      await handle.db.execute(sql`create table copy_probe (customer_ref text, number text, type text, issue_date text,
        due_date text, amount text, open_amount text, currency text, po_number text, external_ref text)`);
      const started = performance.now();
      await handle.db.execute(
        sql.raw(`copy copy_probe from '${files.invoicesFile}' with (format csv, header true, delimiter ';')`),
      );
      copySeconds = (performance.now() - started) / 1000;
      console.log(`import: plain COPY of the same file in ${copySeconds.toFixed(2)} s`);
    }
    const first = await timedImport(ctx, "invoices", files.invoicesFile);
    console.log(
      `import: first import ${first.seconds.toFixed(1)} s (${first.report.created} created), rss ${rss.currentMb()} MB`,
    );
    const same = await timedImport(ctx, "invoices", files.invoicesFile);
    console.log(`import: same file again ${same.seconds.toFixed(1)} s (${same.report.status})`);
    const oneChanged = await timedImport(ctx, "invoices", changed.invoicesFile);
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
        sameFileSeconds: Number(same.seconds.toFixed(2)),
        sameFileRatio: ratio(same.seconds),
        oneChangedSeconds: Number(oneChanged.seconds.toFixed(2)),
        oneChangedRatio: ratio(oneChanged.seconds),
        peakRssMb: rss.stop(),
      }),
    );
  } finally {
    rss.stop();
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
