import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../src/db/client";
import { applyMigrations } from "../src/db/migrate";
import { loadDemoData } from "../src/demo";
import { DEMO_PASSWORD, DEMO_USERS } from "../src/demo/demo-staff";
import { listCompanies } from "../src/domain/companies/list-companies";
import type { App } from "../src/domain/context";
import { backfillKpiSnapshots } from "../src/domain/kpis/backfill-kpi-snapshots";
import { takeKpiSnapshot } from "../src/domain/kpis/take-kpi-snapshot";
import { SYSTEM_ACTOR } from "../src/domain/users/users.types";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { systemClock } from "../src/shared/clock";
import { addDays, addMonths } from "../src/shared/dates";
import { openBenchTarget } from "./bench-database";
import { timeAsOfFloor, timeDailyFloor } from "./kpi-floors";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";
import { timeOpenAmountScan } from "./yardsticks";

const DATABASE = "encours_bench_kpi";
const REQUESTS = 200;

/**
 * `npm run bench -- kpi [--size INVOICES] [--embedded]`: the demo generator's 18 months of history
 * (10 invoices per customer), then one day's KPI snapshot of every company timed against a plain
 * aggregate scan of the invoice table and beside two floors (`kpi-floors.ts`: the open amounts as of the
 * date, and the daily snapshot's four reads from today's open amounts), the full 18-month backfill (month
 * ends + the last 60 days), and the dashboard API served from the snapshots (p95 over 200 requests with
 * varied filters).
 */
export async function runKpiBench(args: BenchArgs): Promise<void> {
  const invoices = args.size ?? (args.embedded ? 20_000 : 1_000_000);
  const customers = args.customers ?? Math.max(1, Math.round(invoices / 10));
  const rss = startRssSampler();
  const { handle, dispose } = await openBenchTarget(DATABASE, args.embedded);
  let result: Record<string, unknown>;
  try {
    await applyMigrations(handle.db);
    console.log(`kpi: ${customers} customers (~${invoices} invoices) into ${handle.mode} ${handle.location}`);
    const loadStarted = performance.now();
    const demo = await loadDemoData(handle.db, {
      customers,
      seed: 1,
      clock: systemClock,
      concurrency: args.concurrency ?? 3,
      kpiSnapshots: false,
    });
    await handle.db.execute(sql`analyze`);
    console.log(
      `kpi: ${demo.invoices} invoices, ${demo.payments} payments generated in ${seconds(loadStarted)} s`,
    );
    const ctx = { db: handle.db, clock: systemClock };
    const companies = (await listCompanies(ctx)).items;
    const yesterday = (timeZone: string) => addDays(systemClock.today(timeZone), -1);

    const scan = await timeOpenAmountScan(handle.db);
    console.log(`kpi: plain aggregate scan ${scan.toFixed(3)} s`);
    const floor = await timeAsOfFloor(handle.db, yesterday("Europe/Paris"));
    console.log(`kpi: open amounts per customer as of a date ${floor.toFixed(3)} s`);
    const dailyFloor = await timeDailyFloor(handle.db, yesterday("Europe/Paris"));
    console.log(`kpi: the daily snapshot's four reads from today's open amounts ${dailyFloor.toFixed(3)} s`);
    const snapshotStarted = performance.now();
    for (const company of companies) {
      await takeKpiSnapshot(ctx, SYSTEM_ACTOR, {
        companyId: company.id,
        date: yesterday(company.timeZone),
        source: "cli",
      });
    }
    const snapshot = seconds(snapshotStarted);
    console.log(`kpi: one day's snapshot of ${companies.length} companies ${snapshot} s`);

    const backfillStarted = performance.now();
    let created = 0;
    for (const company of companies) {
      const from = addMonths(systemClock.today(company.timeZone), -18);
      created += (await backfillKpiSnapshots(ctx, SYSTEM_ACTOR, { companyId: company.id, from })).created;
    }
    const backfill = seconds(backfillStarted);
    console.log(`kpi: 18-month backfill ${backfill} s (${created} snapshots)`);

    const api = await timeDashboard(
      handle,
      companies.map((c) => c.id),
    );
    console.log(`kpi: dashboard API p50 ${api.p50} ms, p95 ${api.p95} ms over ${REQUESTS} requests`);
    result = {
      bench: "kpi",
      invoices: demo.invoices,
      customers,
      database: handle.mode === "embedded" ? "embedded" : "postgres",
      snapshotSeconds: snapshot,
      scanSeconds: Number(scan.toFixed(3)),
      ratio: Number((snapshot / scan).toFixed(2)),
      asOfFloorSeconds: Number(floor.toFixed(3)),
      asOfFloorRatio: Number((floor / scan).toFixed(2)),
      dailyFloorSeconds: Number(dailyFloor.toFixed(3)),
      dailyFloorRatio: Number((dailyFloor / scan).toFixed(2)),
      backfillSeconds: backfill,
      backfillSnapshots: created,
      snapshotRows: await countRows(handle),
      dashboardP50Ms: api.p50,
      dashboardP95Ms: api.p95,
      peakRssMb: rss.stop(),
    };
  } finally {
    rss.stop();
    await dispose();
  }
  console.log(JSON.stringify(result));
}

function seconds(started: number): number {
  return Number(((performance.now() - started) / 1000).toFixed(3));
}

async function countRows(handle: DatabaseHandle): Promise<number> {
  const result = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from kpi_snapshot`);
  return result.rows[0]?.n ?? 0;
}

/** 200 dashboard requests through the HTTP stack (routing, auth, validation, serialisation), filters varied. */
async function timeDashboard(
  handle: DatabaseHandle,
  companyIds: number[],
): Promise<{ p50: number; p95: number }> {
  const app: App = await buildApp({
    config: loadConfig({}),
    db: handle.db,
    clock: systemClock,
    webRoot: "/nonexistent",
  });
  try {
    const manager = DEMO_USERS.find((u) => u.role === "credit_manager")!;
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: manager.email, password: DEMO_PASSWORD },
    });
    const cookie = `encours_session=${login.cookies.find((c) => c.name === "encours_session")?.value}`;
    const get = (url: string) => app.inject({ method: "GET", url, headers: { cookie } });
    const variants: string[] = [];
    for (const companyId of companyIds) {
      const first = (await get(`/api/kpis/dashboard?companyId=${companyId}`)).json();
      variants.push(`companyId=${companyId}`);
      for (const segment of first.segments ?? [])
        variants.push(`companyId=${companyId}&segment=${encodeURIComponent(segment)}`);
      for (const collector of first.collectors ?? [])
        variants.push(`companyId=${companyId}&collectorId=${collector.id}`);
      if (first.date) variants.push(`companyId=${companyId}&date=${addMonths(first.date, -6)}`);
    }
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await get(`/api/kpis/dashboard?${variants[i % variants.length]}`);
      times.push(performance.now() - started);
      if (response.statusCode !== 200)
        throw new Error(`dashboard answered ${response.statusCode}: ${response.body}`);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1));
    return { p50: at(0.5), p95: at(0.95) };
  } finally {
    await app.close();
  }
}
