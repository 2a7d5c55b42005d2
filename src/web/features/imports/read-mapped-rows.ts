import type { DateFormat, DecimalSeparator } from "./import-mappings-api";

type ReadOptions = {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Native column → header of the file. */
  columns: Readonly<Record<string, string>>;
  dateFormat: DateFormat;
  decimalSeparator: DecimalSeparator;
};

const DATE_PATTERNS: Record<Exclude<DateFormat, "auto">, RegExp> = {
  "YYYY-MM-DD": /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$/,
  "DD/MM/YYYY": /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})$/,
  "MM/DD/YYYY": /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})$/,
  "DD.MM.YYYY": /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$/,
  YYYYMMDD: /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
};

const AMOUNT_COLUMNS = new Set(["amount", "open_amount", "credit_limit", "debit", "credit"]);

/** `issue_date`, `due_date`, `date`: the columns read as dates. */
function isDateColumn(column: string): boolean {
  return column === "date" || column.endsWith("_date");
}

/**
 * A date as the import would read it with an explicit format (YYYY-MM-DD), or null when it does
 * not fit the format. With "auto" the value is shown as written: the server guesses from the whole file.
 */
export function readDate(value: string, format: DateFormat): string | null {
  const text = value.trim();
  if (format === "auto" || text === "") return text;
  const groups = DATE_PATTERNS[format].exec(text)?.groups;
  if (!groups?.y || !groups.m || !groups.d) return null;
  return `${groups.y}-${groups.m.padStart(2, "0")}-${groups.d.padStart(2, "0")}`;
}

/**
 * An amount written with the given decimal separator, as a plain decimal ("1 234,50" → "1234.50"),
 * or null when it is not a number. Spaces (also non-breaking) and the other separator group thousands, by three digits.
 */
export function readAmount(value: string, separator: DecimalSeparator): string | null {
  const text = value.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (separator === "auto" || text === "") return text;
  const [thousands, decimal] = separator === "," ? ["\\.", ","] : [",", "\\."];
  // The thousands separator only between groups of three digits: "12,5" is not an amount with a point.
  const pattern = new RegExp(`^-?(\\d+|\\d{1,3}(${thousands}\\d{3})+)(${decimal}\\d+)?$`);
  if (!pattern.test(text)) return null;
  return text.replace(new RegExp(thousands, "g"), "").replace(separator, ".");
}

/**
 * The first rows of a sample file as the import would read them through a mapping: per row, native
 * column → value (null when the value does not fit the chosen date format or decimal separator).
 * Columns not mapped, or mapped to a header missing from the file, are left out.
 */
export function readMappedRows(options: ReadOptions, limit = 5): Record<string, string | null>[] {
  const positions = Object.entries(options.columns)
    .map(([column, header]) => [column, options.header.indexOf(header)] as const)
    .filter(([, position]) => position >= 0);
  return options.rows.slice(0, limit).map((row) => {
    const read: Record<string, string | null> = {};
    for (const [column, position] of positions) {
      const value = row[position] ?? "";
      if (isDateColumn(column)) read[column] = readDate(value, options.dateFormat);
      else if (AMOUNT_COLUMNS.has(column)) read[column] = readAmount(value, options.decimalSeparator);
      else read[column] = value.trim();
    }
    return read;
  });
}
