import { NATIVE_COLUMNS, REQUIRED_COLUMNS } from "./csv/native-records";
import { type RowFormat, readRows } from "./csv/read-rows";
import type { ImportPreview } from "./imports.schemas";

const PREVIEW_ROWS = 10;

/** The header and first rows of a CSV or XLSX file, as the user wrote them, to build a mapping. */
export async function previewFile(
  source: AsyncIterable<Uint8Array>,
  fileName: string,
): Promise<ImportPreview> {
  let rawHeader: string[] = [];
  let keys: string[] = [];
  let format: RowFormat = "csv";
  const rows: string[][] = [];
  const onHeader = (header: string[], raw: string[], detected: RowFormat) => {
    keys = header;
    rawHeader = raw;
    format = detected;
  };
  for await (const row of readRows(source, fileName, onHeader)) {
    rows.push(keys.map((key) => row.values[key] ?? ""));
    if (rows.length >= PREVIEW_ROWS) break;
  }
  const nativeColumns = Object.fromEntries(
    Object.entries(NATIVE_COLUMNS).map(([kind, columns]) => [
      kind,
      { columns: [...columns], required: [...REQUIRED_COLUMNS[kind as keyof typeof NATIVE_COLUMNS]] },
    ]),
  );
  return { fileName, format, encoding: null, separator: null, header: rawHeader, rows, nativeColumns };
}
