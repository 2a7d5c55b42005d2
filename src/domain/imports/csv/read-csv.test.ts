import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunksOf } from "../../../../test/helpers/imports";
import { ImportParseError } from "../imports.types";
import { detectSeparator, normalizeHeader, readCsv } from "./read-csv";

async function read(text: string, chunkSize: number) {
  const rows: unknown[] = [];
  try {
    for await (const row of readCsv(chunksOf(text, chunkSize), "f.csv")) rows.push(row);
  } catch (error) {
    rows.push({ error: error instanceof ImportParseError ? error.issues : String(error) });
  }
  return rows;
}

/** What csv-parse alone gives, with the reader's rules on top (header, blank rows, column counts). */
function reference(text: string) {
  const records = parse(text, {
    delimiter: detectSeparator(text.split(/\r\n|\r|\n/, 1)[0] ?? ""),
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [first, ...rest] = records;
  const header = first?.record.map(normalizeHeader) ?? [];
  const rows: unknown[] = [];
  for (const { record, info } of rest) {
    if (record.every((value) => value.trim() === "")) continue;
    if (record.length !== header.length) {
      rows.push({
        error: [
          {
            line: info.lines,
            column: "*",
            field: "*",
            value: record.length,
            message: `has ${record.length} fields where the header has ${header.length} (check the separator and quotes)`,
          },
        ],
      });
      return rows;
    }
    rows.push({ line: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i]?.trim()])) });
  }
  return rows;
}

const CELLS = [
  "a",
  "12,5",
  " x ",
  "",
  "2026-01-31",
  '"q"',
  '"q;r,s|t"',
  '"a ""b"""',
  'a"b',
  '"two\nlines"',
  "é€",
];

const csvFile = fc
  .record({
    separator: fc.constantFrom(";", ",", "\t", "|"),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    columns: fc.integer({ min: 1, max: 4 }),
    lines: fc.array(fc.array(fc.constantFrom(...CELLS), { minLength: 0, maxLength: 5 }), { maxLength: 12 }),
    trailingEol: fc.boolean(),
    chunkSize: fc.constantFrom(1, 3, 16, 4096),
  })
  .map(({ separator, eol, columns, lines, trailingEol, chunkSize }) => {
    const header = Array.from({ length: columns }, (_, i) => `col${i}`).join(separator);
    const body = lines.map((cells) => cells.join(separator));
    return { chunkSize, text: [header, ...body].join(eol) + (trailingEol ? eol : "") };
  });

describe("readCsv", () => {
  it("reads every file as csv-parse does, quoted lines or not, whatever the chunks", async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async ({ chunkSize, text }) => {
        expect(await read(text, chunkSize)).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    // A record over several lines is numbered by its last line, as csv-parse counts.
    ["a quoted line after plain ones", 'h1;h2\nx;1\n"y\nz";2\nw;3\n', [2, 4, 5]],
    ["empty lines, CRLF", "h1;h2\r\n\r\nx;1\r\n\r\ny;2\r\n", [3, 5]],
    ["CR line ends, a quote late", 'h1;h2\rx;1\ry;"2"\r', [2, 3]],
  ])("numbers the lines of the file: %s", async (_case, text, lines) => {
    const rows = (await read(text, 5)) as { line: number }[];
    expect(rows.map((r) => r.line)).toEqual(lines);
  });

  it.each([0, 1])("keeps characters outside the BMP whole in large files (shift %i)", async (shift) => {
    const smiles = "😀".repeat(50);
    const lines = Array.from({ length: 2000 }, (_, i) => `${"x".repeat(shift)}${i};${smiles}`);
    // A quoted line first: csv-parse reads the rest, in the pieces the reader cuts.
    const text = `h1;h2\n"q";${smiles}\n${lines.join("\n")}\n`;
    const rows = (await read(text, 1 << 20)) as { values: { h2: string } }[];
    expect(rows).toHaveLength(2001);
    expect(rows.every((r) => r.values.h2 === smiles)).toBe(true);
  });

  it("names the line of a broken row after a quoted field that spans lines", async () => {
    const rows = await read('h1;h2\nx;"a\nb"\ny;1;extra\n', 64);
    expect(rows.at(-1)).toEqual({
      error: [expect.objectContaining({ line: 4, value: 3 })],
    });
  });
});
