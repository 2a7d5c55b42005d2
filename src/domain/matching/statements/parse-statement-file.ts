import { looksLikeXlsx } from "../../imports/csv/read-xlsx";
import { type BankCsvMapping, readBankCsv } from "./read-bank-csv";
import { readCamt } from "./read-camt";
import { readCfonb120 } from "./read-cfonb120";
import { readMt940 } from "./read-mt940";
import type { ParsedStatementFile, StatementFormat } from "./statement.types";
import { statementError } from "./statement-errors";

export type ParseStatementOptions = {
  /** The mapping of a bank's CSV/XLSX export: required for those, which carry no format of their own. */
  csvMapping?: BankCsvMapping;
  /** Skips the detection. */
  format?: StatementFormat;
};

/** The format a file's first bytes show, or null (a CSV, or anything else). */
export function detectStatementFormat(bytes: Uint8Array, fileName = ""): StatementFormat | null {
  if (looksLikeXlsx(bytes.subarray(0, 4), fileName)) return null;
  // A UTF-16 byte-order mark: only XML is written so.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "camt";
  const head = new TextDecoder("latin1")
    .decode(bytes.subarray(0, 8192))
    .replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, "")
    .replace(/^\s+/, "");
  if (head.startsWith("<")) return "camt";
  if (/(^|[\r\n{]|\{4:)\s*:(20|25|28C?|60[FM]|61):/.test(head)) return "mt940";
  const first = head.split(/\r\n|\r|\n/, 1)[0] ?? "";
  if (/^0[1457]\d{5}/.test(first) && /^.{16}[A-Z ]{3}\d/.test(first) && first.trimEnd().length >= 32)
    return "cfonb120";
  return null;
}

/**
 * Reads a bank statement file into statements and lines, without touching the database: camt.052/
 * 053/054 (XML), MT940/MT942, CFONB 120 found by their content, a CSV or XLSX export through the
 * mapping given. A broken file throws one DomainError (VALIDATION) naming the file, the line or
 * entry, and the field; nothing is returned half read.
 */
export async function parseStatementFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseStatementOptions = {},
): Promise<ParsedStatementFile> {
  const looksTabular = /\.(csv|xlsx|tsv)$/i.test(fileName) || looksLikeXlsx(bytes.subarray(0, 4), fileName);
  const format =
    options.format ??
    detectStatementFormat(bytes, fileName) ??
    (options.csvMapping || looksTabular ? "csv" : null);
  switch (format) {
    case "camt":
      return readCamt(bytes, fileName);
    case "mt940":
      return readMt940(bytes, fileName);
    case "cfonb120":
      return readCfonb120(bytes, fileName);
    case "csv":
      if (!options.csvMapping)
        throw statementError(
          { fileName, unit: "line" },
          {
            line: 0,
            field: "mapping",
            message: "a CSV or XLSX bank export needs a column mapping: choose a saved bank mapping",
          },
        );
      return readBankCsv(bytes, fileName, options.csvMapping);
    default:
      throw statementError(
        { fileName, unit: "line" },
        {
          line: 0,
          field: "format",
          message:
            "not a recognised bank statement (camt.052/053/054 XML, MT940, CFONB 120); a CSV or XLSX export needs a column mapping",
        },
      );
  }
}
