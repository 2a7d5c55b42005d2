import type { IsoDate } from "../../../shared/dates";
import { NATIVE_COLUMNS } from "../../../shared/native-columns";
import { blankToNull, normalizeCurrency, parseAmount, parseBoolean, parseIsoDate } from "../imports.rules";
import type {
  ContactRecord,
  CustomerRecord,
  ImportIssue,
  InvoiceRecord,
  PaymentRecord,
} from "../imports.types";
import type { CsvRow } from "./read-csv";

export type NativeKind = keyof typeof NATIVE_COLUMNS;

const KNOWN_CUSTOMER_COLUMNS: ReadonlySet<string> = new Set(NATIVE_COLUMNS.customers);
const KNOWN_INVOICE_COLUMNS: ReadonlySet<string> = new Set(NATIVE_COLUMNS.invoices);

export const REQUIRED_COLUMNS: Record<NativeKind, readonly string[]> = {
  customers: ["external_ref", "name"],
  contacts: ["customer_ref", "name"],
  invoices: ["customer_ref", "number", "issue_date", "due_date", "amount"],
  payments: ["date", "amount"],
};

const LANGUAGES = new Set(["fr", "en", "de", "es", "it", "nl"]);
const CHANNELS = new Set(["email", "sms", "letter", "phone"]);

export function missingColumns(kind: NativeKind, header: readonly string[]): ImportIssue[] {
  return REQUIRED_COLUMNS[kind]
    .filter((column) => !header.includes(column))
    .map((column) => ({
      line: 1,
      column,
      field: column,
      message: "required column is missing from the header",
    }));
}

/** Reads one cell with a parser; a failure becomes an issue naming the line, column and value. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  constructor(private readonly row: CsvRow) {}

  text(column: string): string | null {
    return blankToNull(this.row.values[column]);
  }

  required(column: string): string {
    const value = this.text(column);
    if (value === null) this.fail(column, "", "is required");
    return value ?? "";
  }

  fail(column: string, value: unknown, message: string): void {
    this.issues.push({ line: this.row.line, column, field: column, value, message });
  }

  date(column: string, required: boolean): IsoDate | null {
    const raw = required ? this.required(column) : this.text(column);
    if (raw === null || raw === "") return null;
    const date = parseIsoDate(raw);
    if (!date) this.fail(column, raw, "is not a date (YYYY-MM-DD or DD/MM/YYYY)");
    return date;
  }

  amount(column: string, currency: string, required: boolean): number | null {
    const raw = required ? this.required(column) : this.text(column);
    if (raw === null || raw === "") return null;
    const minor = parseAmount(raw, currency);
    if (minor === null) this.fail(column, raw, `is not an amount in ${currency} (e.g. 1234.56 or 1 234,56)`);
    return minor;
  }

  currency(fallback: string): string {
    const raw = this.text("currency");
    if (raw === null) return fallback;
    const code = normalizeCurrency(raw);
    if (!code) this.fail("currency", raw, "is not an ISO 4217 currency code such as EUR");
    return code ?? fallback;
  }

  oneOf(column: string, allowed: Set<string>, label: string): string | null {
    const raw = this.text(column)?.toLowerCase() ?? null;
    if (raw !== null && !allowed.has(raw)) this.fail(column, raw, `must be one of ${label}`);
    return raw !== null && allowed.has(raw) ? raw : null;
  }

  custom(known: ReadonlySet<string>): Record<string, string> {
    const fields: Record<string, string> = {};
    const values = this.row.values;
    for (const name in values) {
      const value = values[name] as string;
      if (value !== "" && !known.has(name)) fields[name] = value;
    }
    return fields;
  }
}

export type NativeResult<T> = { record: T | null; issues: ImportIssue[] };

export function customerFromRow(
  row: CsvRow,
  options: { currency: string; companyCode: string },
): NativeResult<CustomerRecord> {
  const r = new RowReader(row);
  const company = r.text("company");
  if (company !== null && company !== options.companyCode) {
    r.fail("company", company, `does not match the company imported into (${options.companyCode})`);
  }
  const currency = r.currency(options.currency);
  const strategicRaw = r.text("strategic");
  const strategic = strategicRaw === null ? null : parseBoolean(strategicRaw);
  if (strategicRaw !== null && strategic === null)
    r.fail("strategic", strategicRaw, "must be yes/no, oui/non, true/false or 1/0");
  const country = r.text("country")?.toUpperCase() ?? null;
  if (country !== null && !/^[A-Z]{2}$/.test(country))
    r.fail("country", country, "must be a 2-letter ISO 3166 code such as FR");
  const record: CustomerRecord = {
    line: row.line,
    externalRef: r.required("external_ref"),
    name: r.required("name"),
    segment: r.text("segment"),
    language: r.oneOf("language", LANGUAGES, "fr, en, de, es, it, nl"),
    country,
    currency,
    email: r.text("email"),
    phone: r.text("phone"),
    paymentTerms: r.text("payment_terms"),
    creditLimitMinor: r.amount("credit_limit", currency, false),
    collectorEmail: r.text("collector_email")?.toLowerCase() ?? null,
    salesRepEmail: r.text("sales_rep_email")?.toLowerCase() ?? null,
    isStrategic: strategic,
    legalId: r.text("legal_id"),
    vatId: r.text("vat_id"),
    customFields: r.custom(KNOWN_CUSTOMER_COLUMNS),
  };
  return { record: r.issues.length ? null : record, issues: r.issues };
}

export function contactFromRow(row: CsvRow): NativeResult<ContactRecord> {
  const r = new RowReader(row);
  const email = r.text("email")?.toLowerCase() ?? null;
  const name = r.required("name");
  const record: ContactRecord = {
    line: row.line,
    customerRef: r.required("customer_ref"),
    // The key that finds this contact again at the next import; contacts created in Encours have none.
    externalRef: email ? `email:${email}` : `name:${name.toLowerCase()}`,
    name,
    role: r.text("role")?.toLowerCase().replace(/\s+/g, "_") ?? null,
    email,
    phone: r.text("phone"),
    language: r.oneOf("language", LANGUAGES, "fr, en, de, es, it, nl"),
    preferredChannel: r.oneOf(
      "preferred_channel",
      CHANNELS,
      "email, sms, letter, phone",
    ) as ContactRecord["preferredChannel"],
  };
  return { record: r.issues.length ? null : record, issues: r.issues };
}

export function invoiceFromRow(row: CsvRow, options: { currency: string }): NativeResult<InvoiceRecord> {
  const r = new RowReader(row);
  const currency = r.currency(options.currency);
  const typeRaw = r.text("type")?.toLowerCase() ?? "invoice";
  const type = ["credit_note", "credit note", "avoir", "credit"].includes(typeRaw)
    ? "credit_note"
    : typeRaw === "invoice" || typeRaw === "facture"
      ? "invoice"
      : null;
  if (type === null) r.fail("type", typeRaw, "must be invoice or credit_note");
  const issueDate = r.date("issue_date", true);
  const dueDate = r.date("due_date", true);
  let amount = r.amount("amount", currency, true);
  let open = r.amount("open_amount", currency, false);
  // ERPs export credit notes with positive or negative amounts; Encours stores them negative.
  const sign = type === "credit_note" ? -1 : 1;
  if (amount !== null) amount = sign * Math.abs(amount);
  if (open !== null) open = sign * Math.abs(open);
  if (amount !== null && open !== null && Math.abs(open) > Math.abs(amount)) {
    r.fail("open_amount", r.text("open_amount"), "is larger than the amount");
  }
  const number = r.required("number");
  const record: InvoiceRecord = {
    line: row.line,
    customerRef: r.required("customer_ref"),
    externalRef: r.text("external_ref") ?? number,
    number,
    type: type ?? "invoice",
    issueDate: issueDate as IsoDate,
    dueDate: dueDate as IsoDate,
    amountMinor: amount ?? 0,
    openAmountMinor: open,
    currency,
    poNumber: r.text("po_number"),
    customFields: r.custom(KNOWN_INVOICE_COLUMNS),
  };
  if (issueDate && dueDate && dueDate < issueDate)
    r.fail("due_date", dueDate, `is before the issue date ${issueDate}`);
  return { record: r.issues.length ? null : record, issues: r.issues };
}

export function paymentFromRow(row: CsvRow, options: { currency: string }): NativeResult<PaymentRecord> {
  const r = new RowReader(row);
  const currency = r.currency(options.currency);
  const date = r.date("date", true);
  const amount = r.amount("amount", currency, true);
  const customerRef = r.text("customer_ref");
  const reference = r.text("reference");
  const record: PaymentRecord = {
    line: row.line,
    customerRef,
    // Without a reference from the ERP, the payment's own facts identify it across re-imports.
    externalRef: r.text("external_ref") ?? `${date}|${customerRef ?? ""}|${amount}|${reference ?? ""}`,
    date: date as IsoDate,
    amountMinor: amount ?? 0,
    currency,
    reference,
    invoiceNumber: r.text("invoice_number"),
  };
  return { record: r.issues.length ? null : record, issues: r.issues };
}
