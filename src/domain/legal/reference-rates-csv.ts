import { type IsoDate, parseDate } from "../../shared/dates";
import { type FieldIssue, validationError } from "../../shared/errors";
import { RatePercent, RateSeries } from "./legal.schemas";
import { isProvisionalNote } from "./reference-rates.rules";

/** A row of a reference-rate file, checked. */
export type RateFileRow = {
  line: number;
  series: RateSeries;
  effectiveFrom: IsoDate;
  ratePercent: string;
  note: string | null;
  isProvisional: boolean;
};

const REQUIRED = ["series", "effective_from", "rate_percent"] as const;
const OPTIONAL = ["note", "provisional"] as const;
const MAX_ISSUES = 100;

/** Splits a line on the separator; double quotes protect separators, `""` is a quote. */
function splitFields(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === separator && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

function issue(line: number, column: string, value: unknown, message: string): FieldIssue {
  return { field: `line ${line}, ${column}`, line, column, value, message };
}

function readHeader(header: string): { separator: string; columns: string[]; issues: FieldIssue[] } {
  const separator = header.includes(";") && !header.includes(",") ? ";" : ",";
  const columns = splitFields(header, separator).map((c) => c.toLowerCase());
  const issues: FieldIssue[] = [];
  for (const name of REQUIRED) {
    if (!columns.includes(name)) issues.push(issue(1, name, header, `the header has no column ${name}`));
  }
  for (const name of columns) {
    if (![...REQUIRED, ...OPTIONAL].includes(name as never)) {
      issues.push(
        issue(1, name, name, `is not a column of a rate file (${[...REQUIRED, ...OPTIONAL].join(", ")})`),
      );
    }
  }
  return { separator, columns, issues };
}

/** The shipped file writes notes with commas and no quotes: the last column, note, takes the rest. */
function cellsOf(fields: string[], columns: string[], separator: string): Map<string, string> {
  const cells = new Map<string, string>();
  const lastIsNote = columns[columns.length - 1] === "note";
  columns.forEach((name, index) => {
    const isRest = lastIsNote && index === columns.length - 1;
    cells.set(name, isRest ? fields.slice(index).join(`${separator} `).trim() : (fields[index] ?? ""));
  });
  return cells;
}

function readProvisional(text: string, note: string | null): boolean | null {
  const value = text.trim().toLowerCase();
  if (value === "") return isProvisionalNote(note);
  if (["true", "yes", "1", "oui"].includes(value)) return true;
  if (["false", "no", "0", "non"].includes(value)) return false;
  return null;
}

function readRow(line: number, cells: Map<string, string>, issues: FieldIssue[]): RateFileRow | null {
  const before = issues.length;
  const seriesText = cells.get("series") ?? "";
  const series = RateSeries.safeParse(seriesText.toUpperCase());
  if (!series.success) issues.push(issue(line, "series", seriesText, series.error.issues[0]?.message ?? ""));
  const dateText = cells.get("effective_from") ?? "";
  const effectiveFrom = parseDate(dateText);
  if (!effectiveFrom) issues.push(issue(line, "effective_from", dateText, "must be a date YYYY-MM-DD"));
  const rateText = cells.get("rate_percent") ?? "";
  const rate = RatePercent.safeParse(rateText.replace(/^(-?\d+),(\d+)$/, "$1.$2"));
  if (!rate.success) issues.push(issue(line, "rate_percent", rateText, rate.error.issues[0]?.message ?? ""));
  const note = cells.get("note") || null;
  const isProvisional = readProvisional(cells.get("provisional") ?? "", note);
  if (isProvisional === null) {
    issues.push(issue(line, "provisional", cells.get("provisional"), "must be true or false (or empty)"));
  }
  if (issues.length > before || !series.success || !effectiveFrom || !rate.success) return null;
  return {
    line,
    series: series.data,
    effectiveFrom,
    ratePercent: rate.data,
    note,
    isProvisional: isProvisional === true,
  };
}

/**
 * Reads a reference-rate file (`series,effective_from,rate_percent,note`, the shipped format; `;`
 * separators and decimal commas accepted). All or nothing: any bad row throws one VALIDATION error
 * naming every line, column and value (up to 100).
 */
export function parseReferenceRatesCsv(text: string): RateFileRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0)
    throw validationError("The rate file is empty", [issue(1, "file", "", "has no header")]);
  const { separator, columns, issues } = readHeader(lines[headerIndex] ?? "");
  if (issues.length > 0) throw validationError("The rate file's header is not valid", issues);
  const rows: RateFileRow[] = [];
  const seen = new Map<string, number>();
  for (let index = headerIndex + 1; index < lines.length && issues.length < MAX_ISSUES; index += 1) {
    const text = lines[index] ?? "";
    if (text.trim() === "") continue;
    const row = readRow(index + 1, cellsOf(splitFields(text, separator), columns, separator), issues);
    if (!row) continue;
    const key = `${row.series}|${row.effectiveFrom}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        issue(
          row.line,
          "effective_from",
          row.effectiveFrom,
          `repeats the ${row.series} rate of line ${first}`,
        ),
      );
      continue;
    }
    seen.set(key, row.line);
    rows.push(row);
  }
  if (issues.length > 0)
    throw validationError(`The rate file has ${issues.length} error(s); nothing was imported`, issues);
  if (rows.length === 0)
    throw validationError("The rate file has no rates", [
      issue(headerIndex + 1, "file", "", "has a header and no rows"),
    ]);
  return rows;
}
