import { parse } from "csv-parse";
import { fixWindows1252 } from "../../../shared/windows-1252";
import { type ImportIssue, ImportParseError } from "../imports.types";

export type CsvRow = {
  line: number;
  values: Record<string, string>;
  /** Columns whose value came typed (a spreadsheet's number or date cell), already in canonical form. */
  typed?: ReadonlySet<string>;
};

const SAMPLE_BYTES = 64 * 1024;
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

async function write(parser: Parser, text: string): Promise<void> {
  if (text && !parser.write(text)) await new Promise((resolve) => parser.once("drain", resolve));
}

/**
 * Streams a delimited text file as rows keyed by normalised header names, whatever its encoding,
 * separator (`;` `,` tab `|`) and line ends (CRLF, LF, CR). Memory holds one chunk, not the file.
 */
export async function* readCsv(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  onHeader: (header: string[], raw: string[]) => void = () => {},
): AsyncGenerator<CsvRow, void> {
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
  const decoder = {
    decode: (bytes?: Uint8Array, options?: { stream: boolean }) => {
      const text = textDecoder.decode(bytes, options);
      return encoding === "windows-1252" ? fixWindows1252(text) : text;
    },
  };
  const first = decoder.decode(Buffer.concat(head), { stream: true }).replace(/^\uFEFF/, "");
  const separator = detectSeparator(first.split(/\r\n|\r|\n/, 1)[0] ?? "");
  const parser = parse({
    delimiter: separator,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  void (async () => {
    try {
      await write(parser, first);
      while (!ended) {
        const next = await chunks.next();
        if (next.done) break;
        await write(parser, decoder.decode(next.value, { stream: true }));
      }
      await write(parser, decoder.decode());
      parser.end();
    } catch (error) {
      parser.destroy(encodingError(error, fileName));
    }
  })();
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record.map(normalizeHeader);
        onHeader(
          header,
          record.map((name) => name.trim().replace(/^\uFEFF/, "")),
        );
        continue;
      }
      if (record.every((value) => value.trim() === "")) continue;
      if (record.length !== header.length) {
        throw new ImportParseError([
          {
            line: info.lines,
            column: "*",
            field: "*",
            value: record.length,
            message: `has ${record.length} fields where the header has ${header.length} (check the separator and quotes)`,
          },
        ]);
      }
      const values: Record<string, string> = {};
      header.forEach((name, i) => {
        values[name] = (record[i] ?? "").trim();
      });
      yield { line: info.lines, values };
    }
  } catch (error) {
    throw error instanceof ImportParseError ? error : encodingError(error, fileName);
  }
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
