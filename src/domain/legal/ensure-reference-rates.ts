import type { Database } from "../../db/client";
import type { AppContext } from "../context";
import { selectActiveRates, upsertShippedRates } from "./reference-rates.repo";
import { type RateTable, rateTable } from "./reference-rates.rules";
import { shippedReferenceRates } from "./shipped-reference-rates";

/** One seeding per database handle and process; the statement itself is idempotent across processes. */
const seeded = new WeakMap<Database, Promise<void>>();

/**
 * Brings the release's reference rates into the database at first use: new rows added, rows still
 * as shipped refreshed, rows set or removed by an administrator kept (see reference_rate).
 */
export function ensureReferenceRates(db: Database): Promise<void> {
  let done = seeded.get(db);
  if (!done) {
    done = upsertShippedRates(db, shippedReferenceRates()).then(() => undefined);
    // A failed attempt (database down) is tried again by the next caller.
    done.catch(() => seeded.delete(db));
    seeded.set(db, done);
  }
  return done;
}

/** The rate table the interest engine reads, from the database. */
export async function loadRateTable(ctx: AppContext): Promise<RateTable> {
  await ensureReferenceRates(ctx.db);
  return rateTable(await selectActiveRates(ctx.db));
}
