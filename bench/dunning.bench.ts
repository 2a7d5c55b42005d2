import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../src/db/client";
import { applyMigrations } from "../src/db/migrate";
import { getCustomerDunning } from "../src/domain/dunning/customer-dunning";
import { runDunning } from "../src/domain/dunning/run-dunning";
import { SYSTEM_ACTOR } from "../src/domain/users/users.types";
import { fixedClock } from "../src/shared/clock";
import { openBenchTarget } from "./bench-database";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";
import { timeOpenAmountScan, timeRolledBack } from "./yardsticks";

const DATABASE = "encours_bench_dunning";
/** A Monday: a working day in France. */
const RUN_DATE = "2026-03-09";
const NEXT_DATE = "2026-03-10";

/**
 * `npm run bench -- dunning [--size INVOICES] [--customers N] [--embedded]`: a full daily run over
 * open invoices whose due dates spread from 69 days ago to 10 days ahead (so every step of the three
 * shipped scenarios is due somewhere; one customer in ten is strategic), timed against a plain
 * aggregate scan of the invoice table, then a second run for the same date.
 */
export async function runDunningBench(args: BenchArgs): Promise<void> {
  const invoices = args.size ?? (args.embedded ? 100_000 : 1_000_000);
  const customers = args.customers ?? Math.max(1, Math.round(invoices / 10));
  const rss = startRssSampler();
  const { handle, dispose } = await openBenchTarget(DATABASE, args.embedded);
  let result: Record<string, unknown>;
  try {
    await applyMigrations(handle.db);
    console.log(
      `dunning: ${invoices} open invoices, ${customers} customers into ${handle.mode} ${handle.location}`,
    );
    const loadStarted = performance.now();
    const companyId = await generate(handle, invoices, customers);
    console.log(`dunning: data generated in ${seconds(loadStarted)} s`);

    const scan = await timeOpenAmountScan(handle.db);
    console.log(`dunning: plain aggregate scan ${scan.toFixed(3)} s`);
    const ctx = { db: handle.db, clock: fixedClock(`${RUN_DATE}T05:00:00Z`) };
    const run = async (date = RUN_DATE, clock = ctx) => {
      const started = performance.now();
      await runDunning(clock, SYSTEM_ACTOR, {
        companyId,
        date: date as never,
        trigger: "cli",
        collectActions: false,
      });
      return seconds(started);
    };
    const first = await run();
    const counts = await countWritten(handle);
    console.log(`dunning: first run ${first} s, ${counts.actions} actions, ${counts.items} items advanced`);
    const second = await run();
    const after = await countWritten(handle);
    console.log(`dunning: second run ${second} s, ${after.actions - counts.actions} new actions`);
    // The steady state: the next day's run only advances the invoices that reach a step that day.
    const nextDay = await run(NEXT_DATE, { db: handle.db, clock: fixedClock(`${NEXT_DATE}T05:00:00Z`) });
    const steady = await countWritten(handle);
    console.log(`dunning: next day's run ${nextDay} s, ${steady.actions - after.actions} actions`);
    // The customer page simulates up to 60 days for one customer to find its next action.
    const pageStarted = performance.now();
    const page = await getCustomerDunning(ctx, SYSTEM_ACTOR, await someCustomer(handle, companyId));
    const customerPage = seconds(pageStarted);
    console.log(`dunning: customer page ${customerPage} s (next action ${page.nextAction?.date ?? "none"})`);
    const floor = handle.mode === "postgres" ? await timeWriteFloor(handle) : null;
    result = {
      bench: "dunning",
      invoices,
      customers,
      database: handle.mode === "embedded" ? "embedded" : "postgres",
      seconds: first,
      scanSeconds: Number(scan.toFixed(3)),
      ratio: Number((first / scan).toFixed(2)),
      writeFloorSeconds: floor,
      writeFloorRatio: floor === null ? null : Number((floor / scan).toFixed(2)),
      actions: counts.actions,
      itemsAdvanced: counts.items,
      outbox: counts.outbox,
      secondRunSeconds: second,
      secondRunActions: after.actions - counts.actions,
      secondRunRatio: Number((second / first).toFixed(2)),
      nextDaySeconds: nextDay,
      nextDayActions: steady.actions - after.actions,
      nextDayRatio: Number((nextDay / scan).toFixed(2)),
      customerPageSeconds: customerPage,
      peakRssMb: rss.stop(),
    };
  } finally {
    rss.stop();
    await dispose();
  }
  console.log(JSON.stringify(result));
}

/** The tables a run writes to, the bulk ones first. */
const WRITTEN = ["dunning_item_step", "dunning_action", "outbox", "activity", "task", "alert"] as const;

/**
 * The floor of any first run that keeps the same records: every row the runs wrote, copied as it is into
 * empty twins of its tables with their keys and indexes, but no foreign key, trigger or planning at all.
 * Rolled back.
 */
async function timeWriteFloor(handle: DatabaseHandle): Promise<number> {
  const floor = await timeRolledBack(handle.db, async (tx) => {
    for (const table of WRITTEN) {
      await tx.execute(sql.raw(`create table floor_${table} (like ${table} including all)`));
      await tx.execute(sql.raw(`insert into floor_${table} overriding system value select * from ${table}`));
    }
  });
  console.log(`dunning: the rows written, copied into twins of their tables, ${floor.toFixed(3)} s`);
  return Number(floor.toFixed(3));
}

function seconds(started: number): number {
  return Number(((performance.now() - started) / 1000).toFixed(3));
}

/** Set-based generation: customers, one accounts-payable contact each, open invoices spread over the steps. */
async function generate(handle: DatabaseHandle, invoices: number, customers: number): Promise<number> {
  const db = handle.db;
  const company = await db.execute<{ id: number }>(sql`
    insert into company (code, name, country, currency, time_zone, default_language, collection_email)
    values ('BENCH', 'Bench SAS', 'FR', 'EUR', 'Europe/Paris', 'fr', 'recouvrement@bench.example') returning id`);
  const companyId = Number(company.rows[0]?.id);
  await db.execute(sql`
    insert into customer (company_id, external_ref, name, currency, segment, is_strategic, email)
    select ${companyId}, 'C' || lpad(g::text, 7, '0'), 'Customer ' || g, 'EUR',
      case when g % 5 = 0 then 'public' else 'sme' end, g % 10 = 0, 'ap' || g || '@bench.example'
    from generate_series(1, ${customers}::int) g`);
  await db.execute(sql`
    insert into contact (customer_id, name, role, email, is_primary)
    select id, 'Accounts payable', 'accounts_payable', email, true from customer where company_id = ${companyId}`);
  const first = await db.execute<{ id: number }>(
    sql`select min(id) as id from customer where company_id = ${companyId}`,
  );
  const base = Number(first.rows[0]?.id);
  const batch = 250_000;
  for (let from = 1; from <= invoices; from += batch) {
    const to = Math.min(invoices, from + batch - 1);
    await db.execute(sql`
      insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date,
        amount_minor, open_amount_minor, currency)
      select ${companyId}, ${base}::bigint + (g % ${customers}::int), 'I' || g, 'FA-' || g, 'invoice',
        ${RUN_DATE}::date + 10 - ((g::bigint * 7919) % 80)::int - 30, ${RUN_DATE}::date + 10 - ((g::bigint * 7919) % 80)::int,
        10000 + (g * 37) % 900000, 10000 + (g * 37) % 900000, 'EUR'
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`analyze`);
  return companyId;
}

async function countWritten(handle: DatabaseHandle) {
  const result = await handle.db.execute<{ actions: number; items: number; outbox: number }>(sql`
    select (select count(*) from dunning_action)::int as actions, (select count(*) from dunning_item_step)::int as items,
      (select count(*) from outbox)::int as outbox`);
  return result.rows[0] ?? { actions: 0, items: 0, outbox: 0 };
}

async function someCustomer(handle: DatabaseHandle, companyId: number): Promise<number> {
  const result = await handle.db.execute<{ id: number }>(sql`
    select customer_id as id from invoice where company_id = ${companyId} and due_date > ${NEXT_DATE}::date limit 1`);
  return Number(result.rows[0]?.id);
}
