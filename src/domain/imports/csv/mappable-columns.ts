import { NATIVE_COLUMNS } from "../../../shared/native-columns";
import type { MappableKind } from "../imports.schemas";
import { REQUIRED_COLUMNS } from "./native-records";

/** The columns of a bank's CSV/XLSX export that a mapping can feed (see docs/matching.md). */
export const BANK_CSV_COLUMNS = [
  "booking_date",
  "value_date",
  "amount",
  "debit",
  "credit",
  "currency",
  "counterparty_name",
  "counterparty_iban",
  "reference",
  "text",
  "bank_reference",
] as const;

export type BankCsvColumn = (typeof BANK_CSV_COLUMNS)[number];

type MappableColumns = { columns: readonly string[]; required: readonly string[] };

/**
 * What a mapping of each kind may feed, and must: the native CSV columns, and a bank export's
 * columns (where the amount is one signed column, or a debit and a credit column).
 */
export const MAPPABLE_COLUMNS: Record<MappableKind, MappableColumns> = {
  customers: { columns: NATIVE_COLUMNS.customers, required: REQUIRED_COLUMNS.customers },
  contacts: { columns: NATIVE_COLUMNS.contacts, required: REQUIRED_COLUMNS.contacts },
  invoices: { columns: NATIVE_COLUMNS.invoices, required: REQUIRED_COLUMNS.invoices },
  payments: { columns: NATIVE_COLUMNS.payments, required: REQUIRED_COLUMNS.payments },
  bank: { columns: BANK_CSV_COLUMNS, required: ["booking_date"] },
};

/** A bank mapping must say where the amount is: one signed column, or the debit and credit ones. */
export function hasBankAmount(columns: Partial<Record<string, string>>): boolean {
  return Boolean(columns.amount || columns.debit || columns.credit);
}
