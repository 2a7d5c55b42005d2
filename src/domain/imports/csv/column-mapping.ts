import type { ImportIssue } from "../imports.types";
import type { CsvRow } from "./read-csv";
import { normalizeHeader } from "./read-csv";

export type ColumnMapping = {
  name: string;
  /** Native column → header of the user's file. */
  columns: Record<string, string>;
  dateFormat: "auto" | "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY" | "DD.MM.YYYY" | "YYYYMMDD";
  decimalSeparator: "auto" | "," | ".";
};

const DATE_COLUMNS = new Set(["issue_date", "due_date", "date"]);
const AMOUNT_COLUMNS = new Set(["amount", "open_amount", "credit_limit"]);

/** Rewrites a date written in the mapping's format as ISO; anything else is left for the row check to report. */
export function toIsoText(text: string, format: ColumnMapping["dateFormat"]): string {
  const t = text.trim();
  const pad = (n: string) => n.padStart(2, "0");
  let m: RegExpExecArray | null = null;
  if (format === "MM/DD/YYYY" && (m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)))
    return `${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}`;
  if (format === "DD.MM.YYYY" && (m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t)))
    return `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  if (format === "YYYYMMDD" && (m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return `${m[1]}-${m[2]}-${m[3]}`;
  return t;
}

/** With a declared decimal separator, the other one can only group thousands. */
export function toDecimalText(text: string, separator: ColumnMapping["decimalSeparator"]): string {
  if (separator === "auto") return text;
  const compact = text.replace(/[\s\u00a0\u202f']/g, "");
  return separator === "," ? compact.replace(/\./g, "").replace(",", ".") : compact.replace(/,/g, "");
}

/**
 * The header as the native importer sees it: each mapped column under its native name, the file's
 * other columns as they are (custom fields). A mapped header missing from the file is an error.
 */
export function mapHeader(
  header: readonly string[],
  mapping: ColumnMapping,
): { header: string[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const used = new Set<string>();
  const mapped: string[] = [];
  for (const [native, source] of Object.entries(mapping.columns)) {
    const key = normalizeHeader(source);
    if (!header.includes(key)) {
      issues.push({
        line: 1,
        column: source,
        field: native,
        message: `the column "${source}" of the mapping "${mapping.name}" (for ${native}) is not in the file`,
      });
      continue;
    }
    used.add(key);
    mapped.push(native);
  }
  return { header: [...mapped, ...header.filter((h) => !used.has(h) && !(h in mapping.columns))], issues };
}

export function mapRow(row: CsvRow, mapping: ColumnMapping): CsvRow {
  const values: Record<string, string> = {};
  const used = new Set<string>();
  for (const [native, source] of Object.entries(mapping.columns)) {
    const key = normalizeHeader(source);
    used.add(key);
    let value = row.values[key] ?? "";
    // A spreadsheet's number or date cell is already canonical; formats apply to text only.
    const typed = row.typed?.has(key) ?? false;
    if (DATE_COLUMNS.has(native) && !typed) value = toIsoText(value, mapping.dateFormat);
    if (AMOUNT_COLUMNS.has(native) && !typed) value = toDecimalText(value, mapping.decimalSeparator);
    values[native] = value;
  }
  for (const [key, value] of Object.entries(row.values)) {
    if (!used.has(key) && !(key in values)) values[key] = value;
  }
  return { line: row.line, values };
}
