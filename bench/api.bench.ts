import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../src/db/client";
import { applyMigrations } from "../src/db/migrate";
import { createUser } from "../src/domain/users/create-user";
import { SYSTEM_ACTOR } from "../src/domain/users/users.types";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { fixedClock } from "../src/shared/clock";
import type { LoadRequest, LoadResult, Sample } from "./api-load";
import { openBenchTarget } from "./bench-database";
import type { BenchArgs } from "./main";
import { startRssSampler } from "./rss-sampler";

const DATABASE = "encours_bench_api";
const TODAY = "2026-03-09";
const PASSWORD = "bench-password-1";
const CUSTOMERS_PER_COLLECTOR = 2000;
/** Bounded load: this many requests in all, or this many seconds, whichever comes first. */
const MAX_REQUESTS = 6000;
const MAX_SECONDS = 60;

/**
 * `npm run bench -- api [--size INVOICES] [--concurrency USERS] [--embedded]`: the HTTP server on loopback
 * over 1,000,000 invoices (100,000 customers), with one collector of 2,000 customers per concurrent user,
 * each user asking in turn for their agenda, a customer file (header) and its open items, from a load
 * generator in its own process. Prints latency percentiles per request kind and overall, and the throughput.
 */
export async function runApiBench(args: BenchArgs): Promise<void> {
  const invoices = args.size ?? (args.embedded ? 100_000 : 1_000_000);
  const users = args.concurrency ?? 20;
  const customers = Math.max(users * CUSTOMERS_PER_COLLECTOR, args.customers ?? Math.round(invoices / 10));
  const rss = startRssSampler();
  const { handle, dispose } = await openBenchTarget(DATABASE, args.embedded);
  let result: Record<string, unknown>;
  try {
    await applyMigrations(handle.db);
    console.log(`api: ${invoices} invoices, ${customers} customers, ${users} collectors into ${handle.mode}`);
    const started = performance.now();
    const collectors = await generateApiData(handle, { invoices, customers, users });
    console.log(`api: data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const app = await buildApp({
      config: loadConfig({ VITEST: "true", LOGIN_MAX_FAILURES: "100" }),
      db: handle.db,
      clock: fixedClock(`${TODAY}T08:00:00Z`),
      webRoot: "/nonexistent",
    });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const clients = await Promise.all(collectors.map((c) => signIn(address, c)));
      // Each collector's first agenda of the day computes their worklist; autovacuum then goes over the rows
      // it wrote, as it does in service after the morning's first agendas: done here before measuring.
      await Promise.all(
        clients.map(async (c) => {
          const response = await fetch(`${c.base}/api/agenda`, { headers: { cookie: c.cookie } });
          await response.arrayBuffer();
        }),
      );
      await handle.db.execute(sql`vacuum analyze agenda_customer, agenda_entry`);
      const load = await runLoad(clients);
      const agendaSizes = await Promise.all(
        clients.slice(0, 3).map(async (c) => {
          const response = await fetch(`${c.base}/api/agenda`, { headers: { cookie: c.cookie } });
          return (await response.json()).items.length as number;
        }),
      );
      result = {
        bench: "api",
        invoices,
        customers,
        customersPerCollector: CUSTOMERS_PER_COLLECTOR,
        users,
        database: handle.mode === "embedded" ? "embedded" : "postgres",
        requests: load.samples.length,
        errors: load.samples.filter((s) => s.status !== 200).length,
        seconds: Number(load.seconds.toFixed(2)),
        throughput: Number((load.samples.length / load.seconds).toFixed(1)),
        ...percentiles(load.samples),
        agenda: percentiles(load.samples.filter((s) => s.kind === "agenda")),
        customerFile: percentiles(load.samples.filter((s) => s.kind === "customer")),
        openItems: percentiles(load.samples.filter((s) => s.kind === "invoices")),
        agendaItems: agendaSizes,
        peakRssMb: rss.stop(),
      };
    } finally {
      await app.close();
    }
  } finally {
    rss.stop();
    await dispose();
  }
  console.log(JSON.stringify(result));
}

type Collector = { id: number; email: string; customerIds: number[] };
type Client = Collector & { base: string; cookie: string };

async function signIn(base: string, collector: Collector): Promise<Client> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: collector.email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login failed for ${collector.email}: ${response.status}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { ...collector, base, cookie };
}

/** Runs the load in a child process (see `api-load.ts`) and waits for its samples. */
function runLoad(clients: Client[]): Promise<LoadResult> {
  const child = fork(fileURLToPath(new URL("./api-load.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const request: LoadRequest = {
    users: clients.map((c) => ({ base: c.base, cookie: c.cookie, customerIds: c.customerIds })),
    maxRequests: MAX_REQUESTS,
    maxSeconds: MAX_SECONDS,
  };
  return new Promise((resolve, reject) => {
    child.once("message", (result) => resolve(result as LoadResult));
    child.once("exit", (code) => reject(new Error(`the load generator stopped (exit code ${code})`)));
    child.send(request);
  });
}

function percentiles(samples: Sample[]): { p50: number; p95: number; p99: number; count: number } {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), count: sorted.length };
}

/**
 * Set-based generation: `users` collectors of 2,000 customers each (the rest of the customers belong to
 * five other collectors), 30% of the invoices open, and for the bench collectors' customers: a task for one
 * in four, a promise for one in twenty (open or broken), a dispute for one in twenty (half past their
 * deadline), a credit limit for one in seven, a group for one in ten, and failed messages.
 */
export async function generateApiData(
  handle: DatabaseHandle,
  size: { invoices: number; customers: number; users: number },
): Promise<Collector[]> {
  const db = handle.db;
  const ctx = { db, clock: fixedClock(`${TODAY}T06:00:00Z`) };
  const company = await db.execute<{ id: number }>(sql`
    insert into company (code, name, country, currency, time_zone, default_language)
    values ('BENCH', 'Bench SAS', 'FR', 'EUR', 'Europe/Paris', 'fr') returning id`);
  const companyId = Number(company.rows[0]?.id);
  const makeCollector = async (n: number, prefix: string) =>
    (
      await createUser(ctx, SYSTEM_ACTOR, {
        email: `${prefix}${n}@bench.example`,
        name: `${prefix} ${n}`,
        role: "collector",
        language: "fr",
        password: PASSWORD,
      })
    ).id;
  const bench: number[] = [];
  for (let n = 1; n <= size.users; n++) bench.push(await makeCollector(n, "collector"));
  const others: number[] = [];
  for (let n = 1; n <= 5; n++) others.push(await makeCollector(n, "other"));
  const inBench = size.users * CUSTOMERS_PER_COLLECTOR;
  await db.execute(sql`
    insert into customer (company_id, external_ref, name, currency, segment, risk_class, is_strategic,
      credit_limit_minor, group_key, collector_id)
    select ${companyId}, 'C' || lpad(g::text, 7, '0'), 'Customer ' || g, 'EUR',
      case when g % 5 = 0 then 'public' else 'sme' end, (array['A', 'B', 'C', 'D'])[1 + g % 4], g % 10 = 0,
      case when g % 7 = 0 then 500000 end, case when g % 10 = 3 then 'G' || (g % 500) end,
      case when g <= ${inBench}::int then (${`{${bench.join(",")}}`}::bigint[])[1 + (g - 1) % ${size.users}::int]
        else (${`{${others.join(",")}}`}::bigint[])[1 + g % 5] end
    from generate_series(1, ${size.customers}::int) g`);
  await db.execute(sql`
    insert into customer_group (company_id, key, name, credit_limit_minor, currency)
    select ${companyId}, 'G' || g, 'Group ' || g, 2000000, 'EUR' from generate_series(0, 499) g`);
  const first = await db.execute<{ id: number }>(
    sql`select min(id) as id from customer where company_id = ${companyId}`,
  );
  const base = Number(first.rows[0]?.id);
  for (let from = 1; from <= size.invoices; from += 250_000) {
    const to = Math.min(size.invoices, from + 249_999);
    await db.execute(sql`
      insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date,
        amount_minor, open_amount_minor, currency, status)
      select ${companyId}, ${base}::bigint + (g % ${size.customers}::int), 'I' || g, 'FA-' || g, 'invoice',
        ${TODAY}::date + 30 - ((g::bigint * 7919) % 150)::int - 30, ${TODAY}::date + 30 - ((g::bigint * 7919) % 150)::int,
        10000 + (g * 37) % 900000,
        case when (g / ${size.customers}::int) % 10 < 3 then 10000 + (g * 37) % 900000 else 0 end, 'EUR',
        (case when (g / ${size.customers}::int) % 10 < 3 then 'open' else 'paid' end)::invoice_status
      from generate_series(${from}::int, ${to}::int) g`);
  }
  const benchCustomers = sql`(select id, (row_number() over (order by id) - 1) / ${size.users}::int as n from customer
    where collector_id in (select unnest(${`{${bench.join(",")}}`}::bigint[])))`;
  await db.execute(sql`
    insert into task (company_id, customer_id, type, title, assignee_id, due_date, priority)
    select ${companyId}, c.id, 'call', 'Rappeler ' || c.id, cu.collector_id, ${TODAY}::date - 10 + (c.n % 30)::int, 'normal'
    from ${benchCustomers} c join customer cu on cu.id = c.id where c.n % 4 = 0`);
  await db.execute(sql`
    insert into promise_to_pay (company_id, customer_id, amount_minor, currency, promised_date, status, channel)
    select ${companyId}, c.id, 100000, 'EUR', ${TODAY}::date - 10 + (c.n % 20)::int,
      (case when c.n % 40 = 0 then 'broken' else 'open' end)::promise_status, 'phone'
    from ${benchCustomers} c where c.n % 20 = 0`);
  await db.execute(sql`
    insert into dispute (company_id, customer_id, invoice_id, amount_minor, currency, reason, deadline, created_at)
    select ${companyId}, i.customer_id, min(i.id), 50000, 'EUR', 'price', ${TODAY}::date - 5 + (c.n % 10)::int,
      ${`${TODAY}T08:00:00Z`}::timestamptz - make_interval(days => (c.n % 60)::int)
    from ${benchCustomers} c join invoice i on i.customer_id = c.id and i.status = 'open'
    where c.n % 20 = 10 group by i.customer_id, c.n`);
  await db.execute(sql`
    insert into outbox (company_id, customer_id, channel, recipient, status, not_before, last_error)
    select ${companyId}, c.id, 'email', 'ap' || c.id || '@bench.example', 'failed',
      ${`${TODAY}T06:00:00Z`}::timestamptz - make_interval(days => (c.n % 20)::int), '550 mailbox unavailable'
    from ${benchCustomers} c where c.n % 80 = 0`);
  // A database in service has been vacuumed since its rows were written: without it, the first minutes of
  // load would measure autovacuum working through a million new invoices.
  await db.execute(sql`vacuum analyze`);
  const owned = await db.execute<{ collector_id: number; ids: number[] }>(sql`
    select collector_id, array_agg(id order by id) as ids from customer
    where collector_id in (select unnest(${`{${bench.join(",")}}`}::bigint[])) group by collector_id`);
  const byCollector = new Map(owned.rows.map((r) => [Number(r.collector_id), r.ids.map(Number)]));
  return bench.map((id, index) => ({
    id,
    email: `collector${index + 1}@bench.example`,
    customerIds: byCollector.get(id) ?? [],
  }));
}
