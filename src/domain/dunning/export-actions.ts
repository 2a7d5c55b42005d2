import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { selectActionsForExport } from "./dunning-export.repo";

export const ACTION_EXPORT_COLUMNS = [
  "type",
  "customer_ref",
  "scenario",
  "step",
  "recipient",
  "due_date",
  "status",
  "channel",
  "invoice_numbers",
  "amount",
  "currency",
  "reason",
] as const;

/** `encours export actions`: the dunning actions planned, with the scenario and step that planned them. */
export async function exportActions(
  ctx: AppContext,
  query: { companyId?: number },
): Promise<Record<string, string | null>[]> {
  const rows = await selectActionsForExport(ctx.db, query.companyId);
  return rows.map(({ amount_minor, ...row }) => ({ ...row, amount: decimal(amount_minor, row.currency) }));
}
