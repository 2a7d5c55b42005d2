import type { Tx } from "../../db/client";
import { closeKeptPromises } from "./promises.repo";

/**
 * Called by the modules that settle invoices (matching) in their own transaction: a promise whose
 * invoices have now received what was promised is kept at once, not only at its deadline.
 */
export function closePromisesPaidInFull(tx: Tx, customerIds: readonly number[], now: Date): Promise<number> {
  return closeKeptPromises(tx, [...new Set(customerIds)], now);
}
