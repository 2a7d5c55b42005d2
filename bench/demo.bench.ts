import { performance } from "node:perf_hooks";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../src/db/client";
import { applyMigrations } from "../src/db/migrate";
import { loadDemoData } from "../src/demo";
import { systemClock } from "../src/shared/clock";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";

const DATABASE = "encours_bench_demo";
const DEFAULT_CUSTOMERS = 100_000;

/** Benchmarks read their own settings: they are tools for developers, not part of the application. */
function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres"
  );
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database for this run: dropped first if a previous run left it, dropped again at the end. */
async function openBenchDatabase(
  embedded: boolean,
): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  if (embedded) {
    const handle = await openDatabase({});
    return { handle, dispose: () => handle.close() };
  }
  const admin = adminUrl();
  await onServer(admin, `drop database if exists ${DATABASE} with (force)`);
  await onServer(admin, `create database ${DATABASE}`);
  const url = new URL(admin);
  url.pathname = `/${DATABASE}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 8, applicationName: "encours-bench" });
  return {
    handle,
    async dispose() {
      await handle.close();
      await onServer(admin, `drop database if exists ${DATABASE} with (force)`);
    },
  };
}

/** `npm run bench -- demo [--customers N] [--embedded]`: the demo generator at scale. */
export async function runDemoBench(args: BenchArgs): Promise<void> {
  const customers = args.customers ?? args.size ?? DEFAULT_CUSTOMERS;
  // 3 is also loadDemoData's default; passed explicitly so that the figure printed is the one used.
  const concurrency = args.concurrency ?? 3;
  const rss = startRssSampler();
  const { handle, dispose } = await openBenchDatabase(args.embedded);
  let result: Record<string, unknown>;
  try {
    await applyMigrations(handle.db);
    console.log(
      `demo: ${customers} customers into ${handle.mode} ${handle.location} (concurrency ${concurrency})`,
    );
    const started = performance.now();
    let lastShown = 0;
    const summary = await loadDemoData(handle.db, {
      customers,
      seed: 1,
      clock: systemClock,
      concurrency,
      onProgress(done, total) {
        if (done < total && done - lastShown < total / 20) return;
        lastShown = done;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`demo: ${done}/${total} customers, ${seconds} s, rss ${rss.currentMb()} MB`);
      },
    });
    result = {
      bench: "demo",
      customers: summary.customers,
      invoices: summary.invoices,
      payments: summary.payments,
      seconds: summary.seconds,
      peakRssMb: rss.stop(),
      database: handle.mode === "embedded" ? "embedded" : "postgres",
      allocations: summary.allocations,
      contacts: summary.contacts,
      activities: summary.activities,
      concurrency,
    };
  } finally {
    rss.stop();
    await dispose();
  }
  console.log(JSON.stringify(result));
}
