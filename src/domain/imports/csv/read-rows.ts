import { type CsvRow, readCsvBatches } from "./read-csv";
import { looksLikeXlsx, readXlsx } from "./read-xlsx";

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  while (true) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

export type RowFormat = "csv" | "xlsx";

/** A spreadsheet or a delimited text file, told apart by their first bytes, read as the same rows, in batches. */
export async function* readRowBatches(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  onHeader: (header: string[], raw: string[], format: RowFormat) => void = () => {},
): AsyncGenerator<CsvRow[], void> {
  const chunks = source[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) {
    yield* readCsvBatches((async function* () {})(), fileName, (h, raw) => onHeader(h, raw, "csv"));
    return;
  }
  const stream = prepend(first.value, chunks);
  if (looksLikeXlsx(first.value, fileName)) {
    for await (const row of readXlsx(stream, fileName, (h, raw) => onHeader(h, raw, "xlsx"))) yield [row];
  } else {
    yield* readCsvBatches(stream, fileName, (h, raw) => onHeader(h, raw, "csv"));
  }
}

/** Row by row. */
export async function* readRows(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  onHeader: (header: string[], raw: string[], format: RowFormat) => void = () => {},
): AsyncGenerator<CsvRow, void> {
  for await (const rows of readRowBatches(source, fileName, onHeader)) yield* rows;
}
