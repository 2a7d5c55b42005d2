import { performance } from "node:perf_hooks";
import type { Database, Queryable, Tx } from "../db/client";
import { recordAudit } from "../domain/audit/audit.repo";
import { backfillKpiSnapshots } from "../domain/kpis/backfill-kpi-snapshots";
import { hashPassword } from "../domain/users/passwords";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import type { Clock } from "../shared/clock";
import { addMonths, toEpochDay } from "../shared/dates";
import { DomainError } from "../shared/errors";
import { findIdSequences, findUserIds, insertCompanies, insertUsersIfAbsent, isEmpty } from "./demo.repo";
import { BLOCK_SIZE, createChunkGenerator, type DemoChunk } from "./demo-chunk";
import { DEMO_COMPANIES } from "./demo-companies";
import { DEMO_PASSWORD, DEMO_USERS, type DemoCompanyCode } from "./demo-staff";
import { type DemoWorkCounts, seedDemoWork } from "./demo-workbench";
import { type WriteChunkOptions, writeChunk } from "./write-chunk";

export type LoadDemoDataOptions = {
  /** Number of customers; each gets 10 invoices on average. */
  customers?: number;
  seed?: number;
  clock: Clock;
  onProgress?: (done: number, total: number) => void;
  /**
   * Chunk transactions in flight at once (default 3). While chunks are written the next one is
   * generated, and on PostgreSQL several backends write in parallel. Each transaction uses only
   * its own connection, so an embedded database (one connection) simply queues them.
   */
  concurrency?: number;
  /**
   * Customers per chunk (and per transaction), rounded up to whole blocks of 100; memory use grows
   * with it, not with `customers`, and the data does not depend on it.
   */
  chunkSize?: number;
  /** Rebuild the KPI snapshots of the 18 months (default true), so that the dashboard shows trends. */
  kpiSnapshots?: boolean;
};

export type DemoSummary = {
  companies: number;
  users: number;
  customers: number;
  contacts: number;
  invoices: number;
  payments: number;
  allocations: number;
  activities: number;
  /** The collectors' recent work: departments, disputes, promises, calls and pinned notes. */
  work: DemoWorkCounts;
  seconds: number;
  /** The demo accounts created by this load, all with the shared demo password. */
  demoLogins: { email: string; role: string; password: string }[];
};

/** "Today" for the demo is the French company's date; both companies are on Central European Time. */
const DEMO_TIME_ZONE = "Europe/Paris";
const CURRENCY = "EUR";
const HISTORY_MONTHS = 18;

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new DomainError(
      "VALIDATION",
      `Demo data: ${name} must be a whole number of at least ${min}, got ${value}`,
      {
        issues: [{ field: name, value, message: `must be a whole number of at least ${min}` }],
      },
    );
  }
  return value;
}

type Setup = { companyIds: Record<DemoCompanyCode, number>; userIds: Map<string, number>; created: string[] };

async function setUp(tx: Tx, passwordHash: string): Promise<Setup> {
  const companies = await insertCompanies(tx, DEMO_COMPANIES);
  const companyIds = Object.fromEntries(companies.map((c) => [c.code, c.id])) as Record<
    DemoCompanyCode,
    number
  >;
  const created = await insertUsersIfAbsent(tx, DEMO_USERS, passwordHash);
  const userIds = await findUserIds(
    tx,
    DEMO_USERS.map((u) => u.email),
  );
  return { companyIds, userIds, created: created.map((u) => u.email.toLowerCase()) };
}

type ChunkRun = {
  total: number;
  chunkSize: number;
  concurrency: number;
  onProgress: LoadDemoDataOptions["onProgress"];
  write: WriteChunkOptions;
};
type ChunkCounts = { contacts: number; invoices: number; payments: number; allocations: number };

/**
 * Generates the next chunk while up to `concurrency` earlier ones are being written, each in its
 * own transaction. The first failure stops the generation and is thrown once the others settle.
 */
async function writeChunks(
  db: Database,
  nextChunk: (count: number) => DemoChunk,
  run: ChunkRun,
): Promise<ChunkCounts> {
  const counts: ChunkCounts = { contacts: 0, invoices: 0, payments: 0, allocations: 0 };
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let done = 0;
  for (let from = 0; from < run.total && failure === null; from += run.chunkSize) {
    const chunk = nextChunk(Math.min(run.chunkSize, run.total - from));
    const size = chunk.customers.name.length;
    counts.contacts += chunk.contacts.name.length;
    counts.invoices += chunk.invoices.number.length;
    counts.payments += chunk.payments.externalRef.length;
    counts.allocations += chunk.allocations.paymentId.length;
    const task: Promise<void> = db
      .transaction((tx) => writeChunk(tx, chunk, run.write))
      .then(() => {
        done += size;
        run.onProgress?.(done, run.total);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= run.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  return counts;
}

/**
 * True when the database holds no company, no customer and no invoice. Users do not count: the
 * server creates the first administrator before it decides whether to load the demo data.
 */
export function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  return isEmpty(db);
}

/**
 * Loads deterministic demo data into an empty database: two companies, the demo staff, and
 * `customers` customers with 18 months of invoices, payments and allocations up to the clock's
 * today. Written chunk by chunk, each chunk in its own transaction, one statement per table.
 */
export async function loadDemoData(db: Database, options: LoadDemoDataOptions): Promise<DemoSummary> {
  const started = performance.now();
  const total = positiveInteger("customers", options.customers ?? 300, 1);
  const seed = positiveInteger("seed", options.seed ?? 1, 0);
  const concurrency = positiveInteger("concurrency", options.concurrency ?? 3, 1);
  // Whole blocks per chunk: that is what keeps the data independent of the chunk size.
  const chunkSize =
    Math.ceil(positiveInteger("chunkSize", options.chunkSize ?? 1000, 1) / BLOCK_SIZE) * BLOCK_SIZE;
  if (!(await isEmpty(db))) {
    throw new DomainError(
      "INVALID_STATE",
      "Demo data is loaded only into an empty database (no company, customer or invoice).",
    );
  }
  const today = options.clock.today(DEMO_TIME_ZONE);
  const importedAt = options.clock.now();
  // Argon2 takes ~90 ms: one hash shared by every demo account instead of one per account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const setup = await db.transaction((tx) => setUp(tx, passwordHash));

  const nextChunk = createChunkGenerator({
    seed,
    today: toEpochDay(today),
    firstDay: toEpochDay(addMonths(today, -HISTORY_MONTHS)),
    companyIds: setup.companyIds,
    userIds: setup.userIds,
  });
  const counts = await writeChunks(db, nextChunk, {
    total,
    chunkSize,
    concurrency,
    onProgress: options.onProgress,
    write: { currency: CURRENCY, importedAt, sequences: await findIdSequences(db) },
  });

  // The collectors' recent work, before the snapshots so that the KPIs count its disputes and promises.
  const work = await seedDemoWork(db, { today, companyIds: setup.companyIds, userIds: setup.userIds });
  const summary: DemoSummary = {
    companies: DEMO_COMPANIES.length,
    users: setup.created.length,
    customers: total,
    ...counts,
    activities: total + counts.payments,
    work,
    seconds: Math.round(performance.now() - started) / 1000,
    demoLogins: DEMO_USERS.filter((u) => setup.created.includes(u.email.toLowerCase())).map((u) => ({
      email: u.email,
      role: u.role,
      password: DEMO_PASSWORD,
    })),
  };
  const { demoLogins: _logins, ...figures } = summary;
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: "demo.load",
    entity: "database",
    entityId: null,
    after: { seed, today, ...figures },
  });
  if (options.kpiSnapshots ?? true) {
    // Month ends of the 18 months and the last week, day by day: what the dashboard's charts read.
    for (const companyId of Object.values(setup.companyIds)) {
      const ctx = { db, clock: options.clock };
      const from = addMonths(today, -HISTORY_MONTHS);
      await backfillKpiSnapshots(ctx, SYSTEM_ACTOR, { companyId, from, dailyDays: 7, source: "demo" });
    }
  }
  return summary;
}
