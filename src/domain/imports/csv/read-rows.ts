import { type CsvRow, readCsv } from "./read-csv";
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

/** A spreadsheet or a delimited text file, told apart by their first bytes, read as the same rows. */
export async function* readRows(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
  onHeader: (header: string[], raw: string[], format: RowFormat) => void = () => {},
): AsyncGenerator<CsvRow, void> {
  const chunks = source[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) {
    yield* readCsv((async function* () {})(), fileName, (h, raw) => onHeader(h, raw, "csv"));
    return;
  }
  const stream = prepend(first.value, chunks);
  if (looksLikeXlsx(first.value, fileName)) {
    yield* readXlsx(stream, fileName, (h, raw) => onHeader(h, raw, "xlsx"));
  } else {
    yield* readCsv(stream, fileName, (h, raw) => onHeader(h, raw, "csv"));
  }
}
