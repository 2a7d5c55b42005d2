import type { Database, Tx } from "../../../db/client";
import type { ImportReport } from "../imports.schemas";
import type { ImportIssue, ParsedImport } from "../imports.types";
import { applyLettering, applyPayables, applySuppliers } from "./apply-accounting";
import { applyContacts } from "./apply-contacts";
import { applyCustomers } from "./apply-customers";
import { applyInvoices, closeAbsentInvoices } from "./apply-invoices";
import { applyAttachments, checkSeller } from "./apply-parsed";
import { applyPayments } from "./apply-payments";
import type { ApplyContext, ApplyResult } from "./staging";

class Rollback extends Error {}

export type Totals = {
  created: number;
  updated: number;
  unchanged: number;
  closed: number;
  details: ImportReport["details"];
};

/** Applies the staged rows in dependency order; the first entity with issues stops everything. */
async function applyAll(
  tx: Tx,
  ctx: ApplyContext,
  present: ReadonlySet<string>,
  parsed: ParsedImport | null,
  snapshot: boolean,
) {
  const details: ImportReport["details"] = {};
  const steps: [string, () => Promise<ApplyResult>][] = [
    ["customers", () => applyCustomers(tx, ctx, present)],
    ["suppliers", () => applySuppliers(tx, ctx)],
    ["contacts", () => applyContacts(tx, ctx, present)],
    ["invoices", () => applyInvoices(tx, ctx, present)],
    ["payables", () => applyPayables(tx, ctx)],
    ["payments", () => applyPayments(tx, ctx)],
    ["allocations", () => applyLettering(tx, ctx)],
  ];
  const totals: Totals = { created: 0, updated: 0, unchanged: 0, closed: 0, details };
  for (const [name, step] of steps) {
    const result = await step();
    if (result.issues.length > 0) return { totals, issues: result.issues };
    if (result.created + result.updated + result.unchanged === 0) continue;
    details[name] = { created: result.created, updated: result.updated, unchanged: result.unchanged };
    totals.created += result.created;
    totals.updated += result.updated;
    totals.unchanged += result.unchanged;
  }
  if (parsed) await applyAttachments(tx, ctx, parsed);
  if (snapshot) totals.closed = await closeAbsentInvoices(tx, ctx);
  return { totals, issues: [] as ImportIssue[] };
}

export type StagedOptions = {
  present: ReadonlySet<string>;
  parsed: ParsedImport | null;
  snapshot: boolean;
  dryRun: boolean;
};

/**
 * Applies a batch's staged rows in one transaction, after the e-invoice seller check. Issues found
 * while applying, or a dry run, roll everything back: nothing is ever half-written.
 */
export async function applyStaged(
  db: Database,
  applyCtx: ApplyContext,
  options: StagedOptions,
): Promise<{ totals: Totals; issues: ImportIssue[] }> {
  const { present, parsed } = options;
  let outcome: { totals: Totals; issues: ImportIssue[] } = {
    totals: { created: 0, updated: 0, unchanged: 0, closed: 0, details: {} },
    issues: [],
  };
  try {
    await db.transaction(async (tx) => {
      const sellerIssues = parsed ? await checkSeller(tx, applyCtx, parsed) : [];
      outcome =
        sellerIssues.length > 0
          ? { totals: outcome.totals, issues: sellerIssues }
          : await applyAll(tx, applyCtx, present, parsed, options.snapshot);
      if (outcome.issues.length > 0 || options.dryRun) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome;
}
