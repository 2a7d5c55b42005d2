import ExcelJS from "exceljs";

/** A cell of an exported table: text, a count, an exact amount (decimal string in major units), or empty. */
export type Cell = string | number | { amount: string } | null;
export type Sheet = { name: string; headers: string[]; rows: Cell[][] };

/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would run as a formula gets a leading quote; numbers stay numbers. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell, separator: string): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "object") return cell.amount;
  const text = neutralise(cell);
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with a byte-order mark (so that Excel reads UTF-8), CRLF line ends, ';' for French
 * spreadsheets and ',' otherwise; amounts keep their exact decimal string.
 */
export function toCsv(sheet: Sheet, separator: ";" | ","): string {
  const lines = [
    sheet.headers.map((h) => csvField(h, separator)),
    ...sheet.rows.map((r) => r.map((c) => csvField(c, separator))),
  ];
  return `\uFEFF${lines.map((l) => l.join(separator)).join("\r\n")}\r\n`;
}

/** One XLSX worksheet: a bold header row, amounts as numbers with two decimals, text neutralised. */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Encours";
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
  worksheet.addRow(sheet.headers.map(neutralise)).font = { bold: true };
  for (const row of sheet.rows) {
    const added = worksheet.addRow(
      row.map((cell) =>
        cell === null
          ? null
          : typeof cell === "string"
            ? neutralise(cell)
            : typeof cell === "number"
              ? cell
              : Number(cell.amount),
      ),
    );
    row.forEach((cell, i) => {
      if (cell !== null && typeof cell === "object") added.getCell(i + 1).numFmt = "#,##0.00";
    });
  }
  worksheet.columns.forEach((column) => {
    column.width = Math.min(
      40,
      Math.max(10, ...(column.values ?? []).map((v) => String(v ?? "").length + 2)),
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
