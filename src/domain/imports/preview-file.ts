import { MAPPABLE_COLUMNS } from "./csv/mappable-columns";
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
    Object.entries(MAPPABLE_COLUMNS).map(([kind, { columns, required }]) => [
      kind,
      { columns: [...columns], required: [...required] },
    ]),
  );
  return { fileName, format, encoding: null, separator: null, header: rawHeader, rows, nativeColumns };
}
