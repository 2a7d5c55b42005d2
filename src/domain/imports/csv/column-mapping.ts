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

/** Where year, month and day sit in each written form (capture group numbers). */
const DATE_PATTERNS: Partial<
  Record<ColumnMapping["dateFormat"], { regex: RegExp; order: [number, number, number] }>
> = {
  "MM/DD/YYYY": { regex: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  "DD.MM.YYYY": { regex: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  YYYYMMDD: { regex: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
};

/** Rewrites a date written in the mapping's format as ISO; anything else is left for the row check to report. */
export function toIsoText(text: string, format: ColumnMapping["dateFormat"]): string {
  const t = text.trim();
  const pattern = DATE_PATTERNS[format];
  const m = pattern ? pattern.regex.exec(t) : null;
  if (!pattern || !m) return t;
  const [year, month, day] = pattern.order.map((i) => m[i] ?? "");
  return `${year}-${month?.padStart(2, "0")}-${day?.padStart(2, "0")}`;
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
