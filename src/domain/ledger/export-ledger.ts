import { NATIVE_COLUMNS } from "../../shared/native-columns";
import type { AppContext } from "../context";
import { decimal } from "./ledger.rules";
import { selectInvoicesForExport, selectPaymentsForExport } from "./ledger-export.repo";

export type LedgerExportRow = Record<string, string | null>;

export const INVOICE_EXPORT_COLUMNS = [...NATIVE_COLUMNS.invoices, "status"] as const;

export const PAYMENT_EXPORT_COLUMNS = [...NATIVE_COLUMNS.payments, "status"] as const;

/** `encours export invoices`: the native invoice columns (with `open_amount`), plus `status`. */
export async function exportInvoices(
  ctx: AppContext,
  query: { companyId?: number },
): Promise<LedgerExportRow[]> {
  const rows = await selectInvoicesForExport(ctx.db, query.companyId);
  return rows.map(({ amount_minor, open_amount_minor, ...row }) => ({
    ...row,
    amount: decimal(amount_minor, row.currency),
    open_amount: decimal(open_amount_minor, row.currency),
  }));
}

/** `encours export payments`: the native payment columns, plus `status` (allocated, partial or unapplied). */
export async function exportPayments(
  ctx: AppContext,
  query: { companyId?: number },
): Promise<LedgerExportRow[]> {
  const rows = await selectPaymentsForExport(ctx.db, query.companyId);
  return rows.map(({ amount_minor, unapplied_minor, ...row }) => ({
    ...row,
    amount: decimal(amount_minor, row.currency),
    status:
      Number(unapplied_minor) === 0
        ? "allocated"
        : unapplied_minor === amount_minor
          ? "unapplied"
          : "partial",
  }));
}
