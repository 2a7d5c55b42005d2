import { parse } from "csv-parse";
import { fixWindows1252 } from "../../../shared/windows-1252";
import { type ImportIssue, ImportParseError } from "../imports.types";
import { QuoteFreeLines, type RecordDelimiter } from "./quote-free-lines";

export type CsvRow = {
  line: number;
  values: Record<string, string>;
  /** Columns whose value came typed (a spreadsheet's number or date cell), already in canonical form. */
  typed?: ReadonlySet<string>;
};

const SAMPLE_BYTES = 64 * 1024;
const SLICE = 32 * 1024;
const PIECE = 32 * 1024;
const SEPARATORS = [";", ",", "\t", "|"] as const;

/**
 * UTF-8 (with or without BOM) when the sample decodes strictly, else Windows-1252 — the superset of
 * ISO-8859-1 that French ERPs and Excel write ("Société", "€").
 */
export function detectEncoding(sample: Uint8Array): "utf-8" | "windows-1252" {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The separator that splits the header line into the most fields, quotes respected. */
export function detectSeparator(headerLine: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ",";
  let max = 0;
  for (const [separator, n] of counts) {
    if (n > max) {
      best = separator;
      max = n;
    }
  }
  return best;
}

export function normalizeHeader(name: string): string {
  return name
    .trim()
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/\s+/g, "_");
}

type Parser = ReturnType<typeof parse>;
type OnHeader = (header: string[], raw: string[]) => void;

async function write(parser: Parser, text: string): Promise<void> {
  if (text && !parser.write(text)) await new Promise((resolve) => parser.once("drain", resolve));
}

/** Header, blank lines and column counts, the same whichever splitter read the fields. */
function rowMaker(onHeader: OnHeader): (fields: string[], line: number) => CsvRow | null {
  let header: string[] | null = null;
  return (fields, line) => {
    if (!header) {
      header = fields.map(normalizeHeader);
      onHeader(
        header,
        fields.map((name) => name.trim().replace(/^\uFEFF/, "")),
      );
      return null;
    }
    if (fields.every((value) => value.trim() === "")) return null;
    if (fields.length !== header.length) {
      throw new ImportParseError([
        {
          line,
          column: "*",
          field: "*",
          value: fields.length,
          message: `has ${fields.length} fields where the header has ${header.length} (check the separator and quotes)`,
        },
      ]);
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) values[header[i] as string] = (fields[i] ?? "").trim();
    return { line, values };
  };
}

/**
 * Pieces of at most 32K characters, never splitting a surrogate pair: rows are made and dropped a
 * few hundred at a time, so that they die young and the heap stays small.
 */
function* slices(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > SLICE) {
    let end = start + SLICE;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
  if (start < text.length) yield text.slice(start);
}

/** The file as text: encoding detected on the first 64 KB, BOM dropped, separator from the header line. */
async function decodedText(source: AsyncIterable<Uint8Array>) {
  const chunks = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < SAMPLE_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const encoding = detectEncoding(Buffer.concat(head));
  const textDecoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  const decode = (bytes?: Uint8Array, options?: { stream: boolean }) => {
    const text = textDecoder.decode(bytes, options);
    return encoding === "windows-1252" ? fixWindows1252(text) : text;
  };
  const first = decode(Buffer.concat(head), { stream: true }).replace(/^\uFEFF/, "");
  const separator = detectSeparator(first.split(/\r\n|\r|\n/, 1)[0] ?? "");
  // Decoded 32 KB at a time: short strings die young, where a chunk-sized one would be a large
  // object that only a full collection frees.
  async function* texts(): AsyncGenerator<{ text: string; isLast: boolean }> {
    for (const text of slices(first)) yield { text, isLast: false };
    while (!ended) {
      const next = await chunks.next();
      if (next.done) break;
      for (let i = 0; i < next.value.length; i += PIECE) {
        yield { text: decode(next.value.subarray(i, i + PIECE), { stream: true }), isLast: false };
      }
    }
    yield { text: decode(), isLast: true };
  }
  return { separator, texts: texts() };
}

/**
 * What the quick splitter could not read, through csv-parse. The lines already read are fed again
 * as empty lines, which csv-parse skips but counts, so that its line numbers (and those in its
 * error messages) are the file's.
 */
async function* fullParse(
  start: string,
  rest: AsyncIterator<{ text: string }>,
  options: { separator: string; delimiter: RecordDelimiter | null; linesRead: number },
): AsyncGenerator<{ fields: string[]; line: number }> {
  const { delimiter, linesRead } = options;
  const parser = parse({
    delimiter: options.separator,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    ...(delimiter ? { record_delimiter: delimiter } : {}),
  });
  void (async () => {
    try {
      for (let done = 0; delimiter && done < linesRead; done += 65_536) {
        await write(parser, delimiter.repeat(Math.min(65_536, linesRead - done)));
      }
      await write(parser, start);
      for (let next = await rest.next(); !next.done; next = await rest.next()) {
        await write(parser, next.value.text);
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    yield { fields: record, line: info.lines };
  }
}

/**
 * Streams a delimited text file as batches of rows keyed by normalised header names, whatever its
 * encoding, separator (`;` `,` tab `|`) and line ends (CRLF, LF, CR). Lines without quotes are
 * split directly; from the first quoted line on, csv-parse reads the rest. Memory holds one chunk.
 */
export async function* readCsvBatches(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  onHeader: OnHeader = () => {},
): AsyncGenerator<CsvRow[], void> {
  const { separator, texts } = await decodedText(source);
  const makeRow = rowMaker(onHeader);
  const splitter = new QuoteFreeLines(separator);
  try {
    for (let next = await texts.next(); !next.done; next = await texts.next()) {
      const { lines, rest } = splitter.push(next.value.text, next.value.isLast);
      const rows: CsvRow[] = [];
      let failure: unknown = null;
      try {
        for (const { fields, line } of lines) {
          const row = makeRow(fields, line);
          if (row) rows.push(row);
        }
      } catch (error) {
        failure = error;
      }
      // The rows before a broken line are read, as they would be one by one.
      if (rows.length > 0) yield rows;
      if (failure) throw failure;
      if (rest === null) continue;
      // The delimiter found on a first line without quotes is the one csv-parse would find.
      const quoted = fullParse(rest, texts, {
        separator,
        delimiter: splitter.lines > 0 ? splitter.delimiter : null,
        linesRead: splitter.lines,
      });
      for await (const { fields, line } of quoted) {
        const row = makeRow(fields, line);
        if (row) yield [row];
      }
      return;
    }
  } catch (error) {
    throw error instanceof ImportParseError ? error : encodingError(error, fileName);
  }
}

/** Row by row, for readers that need no speed. */
export async function* readCsv(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  onHeader: OnHeader = () => {},
): AsyncGenerator<CsvRow, void> {
  for await (const rows of readCsvBatches(source, fileName, onHeader)) yield* rows;
}

function encodingError(error: unknown, fileName: string): ImportParseError {
  if (error instanceof ImportParseError) return error;
  const issue: ImportIssue = {
    line: 0,
    column: "*",
    field: "*",
    message:
      error instanceof TypeError
        ? `${fileName} is not valid UTF-8 after the first 64 KB; save it as UTF-8 (or Windows-1252 throughout)`
        : `${fileName} could not be read as CSV: ${(error as Error).message}`,
  };
  return new ImportParseError([issue]);
}
