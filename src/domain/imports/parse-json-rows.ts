import {
  contactFromRow,
  customerFromRow,
  invoiceFromRow,
  type NativeKind,
  paymentFromRow,
} from "./csv/native-records";
import { normalizeHeader } from "./csv/read-csv";
import { emptyImport, type ImportIssue, ImportParseError, type ParsedImport } from "./imports.types";

/**
 * The bulk API takes the native columns as JSON objects (`{ "customer_ref": "C1", "amount": 12.5 }`),
 * checked by the same rules as a CSV file; `line` in errors is the 1-based index in `rows`.
 */
export function parseJsonRows(
  kind: NativeKind,
  rows: readonly Record<string, unknown>[],
  options: { currency: string; companyCode: string },
): ParsedImport {
  const parsed = emptyImport();
  const issues: ImportIssue[] = [];
  rows.forEach((raw, index) => {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      values[normalizeHeader(key)] = value === null || value === undefined ? "" : String(value);
    }
    const row = { line: index + 1, values };
    const result =
      kind === "customers"
        ? customerFromRow(row, options)
        : kind === "contacts"
          ? contactFromRow(row)
          : kind === "invoices"
            ? invoiceFromRow(row, options)
            : paymentFromRow(row, options);
    issues.push(...result.issues);
    if (!result.record) return;
    if (kind === "customers") parsed.customers.push(result.record as ParsedImport["customers"][number]);
    if (kind === "contacts") parsed.contacts.push(result.record as ParsedImport["contacts"][number]);
    if (kind === "invoices") parsed.invoices.push(result.record as ParsedImport["invoices"][number]);
    if (kind === "payments") parsed.payments.push(result.record as ParsedImport["payments"][number]);
  });
  if (rows.length === 0) issues.push({ line: 0, column: "rows", field: "rows", message: "is empty" });
  if (issues.length > 0) throw new ImportParseError(issues);
  return parsed;
}
