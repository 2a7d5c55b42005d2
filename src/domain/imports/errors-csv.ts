import type { ImportError } from "./imports.schemas";

/** A spreadsheet would run a cell starting with = + - @ as a formula: such text gets a leading quote. */
function cell(value: unknown): string {
  let text =
    value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The error report as a CSV that Excel opens in French and English locales (`;`, UTF-8 BOM). */
export function errorsCsv(errors: readonly ImportError[]): string {
  const lines = [
    "line;column;value;message",
    ...errors.map((e) => [e.line, e.column, e.value, e.message].map(cell).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
