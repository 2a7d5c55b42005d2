import type { Queryable } from "../../db/client";
import { insertShippedScenarios } from "./scenarios.repo";

/**
 * Gives a company the shipped scenarios (Standard, Key accounts, Small invoices) and their rules, once:
 * a company that has any scenario is left as it is. Runs in the caller's transaction.
 */
export async function ensureShippedScenarios(db: Queryable, companyId: number): Promise<boolean> {
  return insertShippedScenarios(db, companyId);
}
