import { isCurrencyCode } from "../../../shared/currencies";
import { type IsoDate, parseDate } from "../../../shared/dates";
import { isDomainError } from "../../../shared/errors";
import { type ColumnMapping, mapHeader, toDecimalText, toIsoText } from "../../imports/csv/column-mapping";
import { BANK_CSV_COLUMNS, type BankCsvColumn, hasBankAmount } from "../../imports/csv/mappable-columns";
import { type CsvRow, normalizeHeader } from "../../imports/csv/read-csv";
import { readRows } from "../../imports/csv/read-rows";
import { ImportParseError } from "../../imports/imports.types";
import type { ParsedBankLine, ParsedStatementFile } from "./statement.types";
import { type StatementSource, statementError } from "./statement-errors";
import { clean, ibanOrNull, minorUnits } from "./statement-values";

export type BankCsvMapping = {
  name: string;
  /** Native column → header in the bank's file. booking_date, and amount or debit/credit, are required. */
  columns: Partial<Record<BankCsvColumn, string>>;
  dateFormat: ColumnMapping["dateFormat"];
  decimalSeparator: ColumnMapping["decimalSeparator"];
  /** The currency of the lines when the file has no currency column (or leaves it empty). */
  currency?: string;
  /** The account the export is about, when the file does not say. */
  accountIban?: string | null;
};

/** ISO 11649 creditor references (RF…) and Belgian structured communications (+++…+++ or ***…***). */
const STRUCTURED = /^(RF\d{2}[A-Z0-9]{1,21}|[+*]{3}\d{3}\/\d{4}\/\d{5}[+*]{3})$/i;

/**
 * "1 234,56", "1.234,56", "-12.5", "(12.50)", "+3", "12,50 €" → a sign and an unsigned decimal with a
 * dot. With the separator "auto", the last of "," and "." is the decimal one when both appear, and
 * a lone "," is decimal unless it repeats.
 */
function decimal(
  text: string,
  separator: ColumnMapping["decimalSeparator"],
): { negative: boolean; digits: string } {
  let t = text.replace(/[\s\u00a0\u202f'€$£]/g, "").replace(/(EUR|USD|GBP|CHF)$/i, "");
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith("-") || t.endsWith("-")) {
    negative = !negative;
    t = t.replace(/^-|-$/g, "");
  } else if (t.startsWith("+")) t = t.slice(1);
  if (separator !== "auto") return { negative, digits: toDecimalText(t, separator) };
  const comma = t.lastIndexOf(",");
  const dot = t.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) t = comma > dot ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
  else if (comma >= 0) t = t.split(",").length === 2 ? t.replace(",", ".") : t.replace(/,/g, "");
  else if (t.split(".").length > 2) t = t.replace(/\./g, "");
  return { negative, digits: t };
}

type Context = { source: StatementSource; mapping: BankCsvMapping };

function cell(row: CsvRow, mapping: BankCsvMapping, column: BankCsvColumn): string {
  const header = mapping.columns[column];
  return header === undefined ? "" : (row.values[normalizeHeader(header)] ?? "").trim();
}

function rowDate(row: CsvRow, column: BankCsvColumn, ctx: Context, required: boolean): IsoDate | null {
  const raw = cell(row, ctx.mapping, column);
  const field = ctx.mapping.columns[column] ?? column;
  if (raw === "") {
    if (!required) return null;
    throw statementError(ctx.source, {
      line: row.line,
      field,
      message: `the ${column.replace("_", " ")} is missing`,
    });
  }
  const header = ctx.mapping.columns[column] ?? "";
  const typed = row.typed?.has(normalizeHeader(header)) ?? false;
  const date = parseDate(typed ? raw : toIsoText(raw, ctx.mapping.dateFormat));
  if (date === null)
    throw statementError(ctx.source, {
      line: row.line,
      field,
      value: raw,
      message: `is not a date in the format ${ctx.mapping.dateFormat === "auto" ? "YYYY-MM-DD or DD/MM/YYYY" : ctx.mapping.dateFormat}`,
    });
  return date;
}

function rowAmount(row: CsvRow, column: BankCsvColumn, currency: string, ctx: Context): number | null {
  const raw = cell(row, ctx.mapping, column);
  if (raw === "") return null;
  const field = ctx.mapping.columns[column] ?? column;
  // A spreadsheet's number cell is already written with a dot.
  const typed = row.typed?.has(normalizeHeader(field)) ?? false;
  const { negative, digits } = decimal(raw, typed ? "." : ctx.mapping.decimalSeparator);
  if (!/^\d+(\.\d+)?$/.test(digits))
    throw statementError(ctx.source, {
      line: row.line,
      field,
      value: raw,
      message: "is not a decimal amount",
    });
  try {
    const minor = minorUnits(digits, currency, { source: ctx.source, line: row.line, field });
    return negative ? -minor : minor;
  } catch (error) {
    // The message shows the cell as written, not its normalised form.
    const issue = isDomainError(error) ? error.details.issues?.[0] : undefined;
    if (!issue) throw error;
    throw statementError(ctx.source, { line: row.line, field, value: raw, message: issue.message });
  }
}

function bankLine(row: CsvRow, ctx: Context): ParsedBankLine {
  const { mapping } = ctx;
  const currency = (cell(row, mapping, "currency") || mapping.currency || "").toUpperCase();
  if (!isCurrencyCode(currency))
    throw statementError(ctx.source, {
      line: row.line,
      field: mapping.columns.currency ?? "currency",
      value: currency,
      message:
        currency === ""
          ? "no currency: map a currency column or give the mapping a currency"
          : "unknown currency code (ISO 4217 expected)",
    });
  let amountMinor: number;
  if (mapping.columns.amount !== undefined) {
    const amount = rowAmount(row, "amount", currency, ctx);
    if (amount === null)
      throw statementError(ctx.source, {
        line: row.line,
        field: mapping.columns.amount,
        message: "the amount is missing",
      });
    amountMinor = amount;
  } else {
    // Debits are written positive (or negative) in their own column: either way they reduce the balance.
    const debit = rowAmount(row, "debit", currency, ctx);
    const credit = rowAmount(row, "credit", currency, ctx);
    if ((debit ?? 0) !== 0 && (credit ?? 0) !== 0)
      throw statementError(ctx.source, {
        line: row.line,
        field: `${mapping.columns.debit}/${mapping.columns.credit}`,
        message: "both the debit and the credit are filled in",
      });
    if (debit === null && credit === null)
      throw statementError(ctx.source, {
        line: row.line,
        field: `${mapping.columns.debit ?? mapping.columns.credit}`,
        message: "the amount is missing (neither debit nor credit)",
      });
    amountMinor = (credit ? Math.abs(credit) : 0) - Math.abs(debit ?? 0);
  }
  const reference = clean(cell(row, mapping, "reference"));
  const structured = reference !== null && STRUCTURED.test(reference.replace(/\s/g, ""));
  return {
    line: row.line,
    bookingDate: rowDate(row, "booking_date", ctx, true) as IsoDate,
    valueDate: rowDate(row, "value_date", ctx, false),
    amountMinor,
    currency,
    counterpartyName: clean(cell(row, mapping, "counterparty_name")),
    counterpartyIban: ibanOrNull(cell(row, mapping, "counterparty_iban")),
    structuredReference: structured ? (reference as string).replace(/\s/g, "").toUpperCase() : null,
    remittanceText: clean(cell(row, mapping, "text")),
    bankReference: clean(cell(row, mapping, "bank_reference")),
    endToEndId: structured ? null : reference,
    mandateId: null,
    isReversal: false,
    returnReason: null,
    transactionCode: null,
  };
}

function checkMapping(mapping: BankCsvMapping, source: StatementSource): void {
  const problem = (field: string, message: string) => statementError(source, { line: 0, field, message });
  if (!mapping.columns.booking_date)
    throw problem("booking_date", `the mapping "${mapping.name}" has no booking_date column`);
  if (!hasBankAmount(mapping.columns))
    throw problem("amount", `the mapping "${mapping.name}" has no amount column (nor debit/credit columns)`);
  for (const key of Object.keys(mapping.columns))
    if (!(BANK_CSV_COLUMNS as readonly string[]).includes(key))
      throw problem(
        key,
        `the mapping "${mapping.name}" maps an unknown column (one of ${BANK_CSV_COLUMNS.join(", ")})`,
      );
}

/**
 * A bank export's rows (from `readRows`: CSV or XLSX) as one statement, through a mapping of the
 * bank's columns. The header must hold every mapped column.
 */
export async function mapBankRows(
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
  header: readonly string[],
  mapping: BankCsvMapping,
  fileName: string,
): Promise<ParsedStatementFile> {
  const source: StatementSource = { fileName, unit: "line" };
  checkMapping(mapping, source);
  const { issues } = mapHeader(header, {
    name: mapping.name,
    columns: mapping.columns as Record<string, string>,
    dateFormat: mapping.dateFormat,
    decimalSeparator: mapping.decimalSeparator,
  });
  const missing = issues[0];
  if (missing) throw statementError(source, { line: 1, field: missing.column, message: missing.message });
  const ctx: Context = { source, mapping };
  const lines: ParsedBankLine[] = [];
  for await (const row of rows) lines.push(bankLine(row, ctx));
  const dates = lines.map((l) => l.bookingDate).sort();
  const currency = lines[0]?.currency ?? mapping.currency ?? null;
  if (currency === null)
    throw statementError(source, {
      line: 0,
      field: "currency",
      message: "the file has no lines and the mapping no currency",
    });
  return {
    format: "csv",
    statements: [
      {
        reference: fileName,
        accountIban: ibanOrNull(mapping.accountIban),
        accountNumber: clean(mapping.accountIban),
        bic: null,
        currency,
        openingBalanceMinor: null,
        closingBalanceMinor: null,
        fromDate: dates[0] ?? null,
        toDate: dates.at(-1) ?? null,
        lines,
      },
    ],
  };
}

/** Reads a bank's CSV or XLSX export with `readRows` and maps it. */
export async function readBankCsv(
  bytes: Uint8Array,
  fileName: string,
  mapping: BankCsvMapping,
): Promise<ParsedStatementFile> {
  const source: StatementSource = { fileName, unit: "line" };
  let header: string[] = [];
  const rows: CsvRow[] = [];
  try {
    for await (const row of readRows(
      (async function* () {
        yield bytes;
      })(),
      fileName,
      (h) => {
        header = h;
      },
    ))
      rows.push(row);
  } catch (error) {
    if (!(error instanceof ImportParseError)) throw error;
    const issue = error.issues[0];
    throw statementError(source, {
      line: issue?.line ?? 0,
      field: issue?.column ?? "*",
      value: issue?.value,
      message: issue?.message ?? error.message,
    });
  }
  return mapBankRows(rows, header, mapping, fileName);
}
