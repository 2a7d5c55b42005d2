import { performance } from "node:perf_hooks";

import { applyMigrations } from "../src/db/migrate";
import { loadDemoData } from "../src/demo";
import { systemClock } from "../src/shared/clock";
import { openBenchTarget } from "./bench-database";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";

const DATABASE = "encours_bench_demo";
const DEFAULT_CUSTOMERS = 100_000;

/** `npm run bench -- demo [--customers N] [--embedded]`: the demo generator at scale. */
export async function runDemoBench(args: BenchArgs): Promise<void> {
  const customers = args.customers ?? args.size ?? DEFAULT_CUSTOMERS;
  // 3 is also loadDemoData's default; passed explicitly so that the figure printed is the one used.
  const concurrency = args.concurrency ?? 3;
  const rss = startRssSampler();
  const { handle, dispose } = await openBenchTarget(DATABASE, args.embedded);
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
