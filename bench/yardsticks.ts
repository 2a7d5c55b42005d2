import { performance } from "node:perf_hooks";
import { type SQL, sql, TransactionRollbackError } from "drizzle-orm";
import type { Database, Tx } from "../src/db/client";

/** The best of `rounds` timings of one statement, in seconds: the yardsticks are small, and noisy. */
export async function bestTime(db: Database, statement: SQL, rounds = 2): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await db.execute(statement);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

/**
 * The issues' yardstick: the sum of open amounts per customer over the whole invoice table (best of two).
 * The outer sum reads the per-customer sums: under a bare count(*), PostgreSQL drops them and only groups.
 */
export function timeOpenAmountScan(db: Database): Promise<number> {
  return bestTime(
    db,
    sql`select count(*), sum(open) from (
      select customer_id, sum(open_amount_minor) as open from invoice group by customer_id) x`,
  );
}

/** How long `work` takes in a transaction that is then rolled back (a floor leaves nothing behind), in seconds. */
export async function timeRolledBack(db: Database, work: (tx: Tx) => Promise<void>): Promise<number> {
  const started = performance.now();
  await db
    .transaction(async (tx) => {
      await work(tx);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  return (performance.now() - started) / 1000;
}
