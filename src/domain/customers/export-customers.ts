import { NATIVE_COLUMNS } from "../../shared/native-columns";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { selectCustomersForExport } from "./customers-export.repo";

export const CUSTOMER_EXPORT_COLUMNS = [...NATIVE_COLUMNS.customers, "status", "balance"] as const;

export type ExportRow = Record<string, string | boolean | null>;

/** `encours export customers`: the native customer columns, plus `status` and `balance` (amounts in major units). */
export async function exportCustomers(ctx: AppContext, query: { companyId?: number }): Promise<ExportRow[]> {
  const rows = await selectCustomersForExport(ctx.db, query.companyId);
  return rows.map(({ credit_limit_minor, balance_minor, ...row }) => ({
    ...row,
    credit_limit: credit_limit_minor === null ? null : decimal(credit_limit_minor, row.currency),
    balance: decimal(balance_minor, row.currency),
  }));
}
