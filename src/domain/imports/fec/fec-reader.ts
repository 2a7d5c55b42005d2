import { fixWindows1252 } from "../../../shared/windows-1252";
import type { ImportIssue } from "../imports.types";
import { type FecColumn, type FecHeader, readHeader } from "./fec-columns";
import { entryKey } from "./fec-entries";
import { type FecLine, toFecLine } from "./fec-fields";

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252: French accounting
 * software writes either UTF-8 or, older, an 8-bit Latin set (ISO-8859-1/-15, Windows-1252), whose
 * letters ("Société Générale") Windows-1252 reads the same. Valid UTF-8 is almost never 8-bit
 * Latin text by accident, so the strict attempt decides.
 */
export function decodeFec(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  let text: string;
  let encoding: "utf-8" | "windows-1252" = "utf-8";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    encoding = "windows-1252";
    text = fixWindows1252(new TextDecoder("windows-1252").decode(bytes));
  }
  // A UTF-8 BOM survives in a file that is not UTF-8 throughout, read as Windows-1252 "ï»¿".
  return { text: text.replace(/^(\uFEFF|ï»¿)/, ""), encoding };
}

/** A47 A-1 separates fields by a tabulation or a vertical bar; whichever the header uses most wins. */
export function detectSeparator(headerLine: string): "\t" | "|" | null {
  const tabs = headerLine.split("\t").length - 1;
  const pipes = headerLine.split("|").length - 1;
  if (tabs === 0 && pipes === 0) return null;
  return tabs >= pipes ? "\t" : "|";
}

/** The FEC has no quoting rule; a few exports still wrap every field in double quotes. */
function unquote(field: string): string {
  if (!field.includes('"')) return field;
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"') : field;
}

export type FecRead = {
  lines: FecLine[];
  issues: ImportIssue[];
  /** Entries with a broken line are not checked for balance: the check would only echo the issue. */
  brokenEntries: ReadonlySet<string>;
  encoding: "utf-8" | "windows-1252";
  separator: "\t" | "|" | null;
};

/**
 * Decodes and splits a FEC into typed lines. Line ends may be CRLF, LF or CR; blank lines (the
 * trailing ones most of all) are skipped but still counted, so that line numbers match an editor's.
 */
export function readFec(input: { bytes: Uint8Array; fileName: string; currency: string }): FecRead {
  const { text, encoding } = decodeFec(input.bytes);
  const physical = text.split(/\r\n|\r|\n/);
  const headerLine = physical[0] ?? "";
  const result: FecRead = { lines: [], issues: [], brokenEntries: new Set(), encoding, separator: null };
  if (headerLine.trim() === "") {
    result.issues.push(fileIssue(`${input.fileName} is empty: a FEC starts with its header line`));
    return result;
  }
  const separator = detectSeparator(headerLine);
  result.separator = separator;
  if (separator === null) {
    result.issues.push(
      fileIssue(`${input.fileName}: the header is not separated by tabs or vertical bars (FEC, A47 A-1)`),
    );
    return result;
  }
  const { header, issues } = readHeader(headerLine.split(separator).map(unquote));
  if (!header) {
    result.issues.push(...issues);
    return result;
  }
  const rows = readRows({ header, separator, physical, currency: input.currency });
  return { ...result, ...rows };
}

/**
 * Entries with a broken line are not checked for balance: the check would only echo the issue.
 * A line that lacks its journal or entry number belongs, as far as we can tell, to the entry of
 * the line before or after it (an entry's lines are contiguous in every export we know).
 */
class BrokenEntries {
  readonly keys = new Set<string>();
  private previous: string | null = null;
  private isNextBroken = false;

  see(key: string | null, isBroken: boolean): void {
    if (key !== null && this.isNextBroken) {
      this.keys.add(key);
      this.isNextBroken = false;
    }
    if (isBroken && key !== null) this.keys.add(key);
    if (isBroken && key === null) {
      if (this.previous !== null) this.keys.add(this.previous);
      this.isNextBroken = true;
    }
    if (key !== null) this.previous = key;
  }
}

function readRows(input: {
  header: FecHeader;
  separator: string;
  physical: readonly string[];
  currency: string;
}): Pick<FecRead, "lines" | "issues" | "brokenEntries"> {
  const { header, separator } = input;
  const lines: FecLine[] = [];
  const issues: ImportIssue[] = [];
  const broken = new BrokenEntries();
  const positions = new Map<string, number>();
  // Nothing but spaces and separators: an empty line, some exports end with a few.
  const blank = separator === "|" ? /^[\s|]*$/ : /^\s*$/;
  const cellAt = (cells: readonly string[], column: FecColumn) =>
    (cells[header.columns.get(column)?.index ?? -1] ?? "").trim();
  input.physical.forEach((raw, i) => {
    const line = i + 1;
    if (line === 1 || blank.test(raw)) return;
    const cells = raw.split(separator).map(unquote);
    const journal = cellAt(cells, "JournalCode");
    const number = cellAt(cells, "EcritureNum");
    const key = journal !== "" && number !== "" ? entryKey(journal, number) : null;
    // A trailing separator after the last field is common and harmless; missing fields are not.
    const extra = cells.slice(header.width);
    if (cells.length < header.width || extra.some((cell) => cell.trim() !== "")) {
      issues.push({
        line,
        column: "*",
        field: "*",
        value: cells.length,
        message: `has ${cells.length} fields where the header has ${header.width} (check the separator)`,
      });
      broken.see(key, true);
      return;
    }
    const index = (positions.get(key ?? "") ?? 0) + 1;
    positions.set(key ?? "", index);
    const parsed = toFecLine({ header, cells, line, index, currency: input.currency });
    if (parsed.line) lines.push(parsed.line);
    else issues.push(...parsed.issues);
    broken.see(key, parsed.line === null);
  });
  return { lines, issues, brokenEntries: broken.keys };
}

function fileIssue(message: string): ImportIssue {
  return { line: 1, column: "*", field: "*", message };
}
