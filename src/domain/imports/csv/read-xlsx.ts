import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { type ImportIssue, ImportParseError } from "../imports.types";
import { type CsvRow, normalizeHeader } from "./read-csv";

/** The text a person sees in a cell: dates as ISO dates, numbers without float noise. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(Math.round(value * 1e6) / 1e6);
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "object") {
    const cell = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (cell.richText)
      return cell.richText
        .map((part) => part.text)
        .join("")
        .trim();
    if ("result" in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
  }
  return "";
}

/**
 * Streams the first worksheet of an XLSX file as rows keyed by normalised header names, like
 * `readCsv`: the first row is the header, empty rows are skipped, line numbers are Excel's rows.
 */
export async function* readXlsx(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  onHeader: (header: string[], raw: string[]) => void = () => {},
): AsyncGenerator<CsvRow, void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      let header: string[] | null = null;
      for await (const row of sheet) {
        const raw = (row.values as unknown[]).slice(1);
        const cells = raw.map(cellText);
        if (!header) {
          header = cells.map(normalizeHeader);
          onHeader(header, cells);
          continue;
        }
        if (cells.every((cell) => cell === "")) continue;
        const values: Record<string, string> = {};
        const typed = new Set<string>();
        header.forEach((name, i) => {
          values[name] = cells[i] ?? "";
          if (isTyped(raw[i])) typed.add(name);
        });
        yield { line: row.number, values, typed };
      }
      return;
    }
  } catch (error) {
    if (error instanceof ImportParseError) throw error;
    const issue: ImportIssue = {
      line: 0,
      column: "*",
      field: "*",
      message: `${fileName} could not be read as an Excel (XLSX) workbook: ${(error as Error).message}`,
    };
    throw new ImportParseError([issue]);
  }
}

function isTyped(value: unknown): boolean {
  if (typeof value === "number" || value instanceof Date) return true;
  const result = (value as { result?: unknown } | null)?.result;
  return typeof result === "number" || result instanceof Date;
}

/** XLSX files are ZIP archives: they start with "PK\x03\x04". */
export function looksLikeXlsx(head: Uint8Array, fileName: string): boolean {
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  return zip || fileName.toLowerCase().endsWith(".xlsx");
}
