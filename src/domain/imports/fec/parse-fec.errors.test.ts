import { describe, expect, it } from "vitest";
import { COLUMNS_18, entry, type FecRow, fecText, utf8 } from "../../../../test/fixtures/fec/fec-snippet";
import { type ImportIssue, ImportParseError } from "../imports.types";
import { parseFec } from "./parse-fec";

const SALE = entry({ journal: "VE", num: "1", date: "20240115", piece: "F001" }, [
  ["411000", "C001", "1200,00", "0,00"], // 2
  ["706000", "", "0,00", "1000,00"], // 3
  ["445710", "", "0,00", "200,00"], // 4
]);

/** Runs the parser and returns the issues it throws (fails when it does not throw). */
function issuesOf(text: string | Uint8Array): ImportIssue[] {
  const bytes = typeof text === "string" ? utf8(text) : text;
  try {
    parseFec({ bytes, fileName: "FEC.txt", currency: "EUR" });
  } catch (error) {
    if (error instanceof ImportParseError) return error.issues;
    throw error;
  }
  throw new Error("parseFec accepted a broken file");
}

const issue = (line: number, column: string, message: string, value?: unknown): ImportIssue =>
  value === undefined
    ? { line, column, field: column, message }
    : { line, column, field: column, value, message };

function withCell(rows: FecRow[], index: number, cells: FecRow): FecRow[] {
  return rows.map((r, i) => (i === index ? { ...r, ...cells } : r));
}

describe("parseFec refuses a broken header", () => {
  it("names every missing column", () => {
    const columns = COLUMNS_18.filter((c) => c !== "PieceDate" && c !== "Credit" && c !== "EcritureLet");
    expect(issuesOf(fecText(SALE, { columns }))).toEqual([
      issue(1, "PieceDate", "required FEC column is missing from the header"),
      issue(1, "EcritureLet", "required FEC column is missing from the header"),
      issue(1, "Credit", "required FEC column is missing from the header (Debit/Credit or Montant/Sens)"),
    ]);
  });

  it("names the other half of Montant/Sens", () => {
    const columns = COLUMNS_18.flatMap((c) => (c === "Debit" ? ["Montant"] : c === "Credit" ? [] : [c]));
    expect(issuesOf(fecText(SALE, { columns }))).toEqual([
      issue(1, "Sens", "required FEC column is missing from the header (Debit/Credit or Montant/Sens)"),
    ]);
  });

  it("refuses a repeated column", () => {
    expect(issuesOf(fecText(SALE, { columns: [...COLUMNS_18, "journalcode"] }))).toEqual([
      issue(1, "journalcode", "column appears twice in the header"),
    ]);
  });

  it("refuses separators other than tab and vertical bar, and an empty file", () => {
    expect(issuesOf(fecText(SALE, { separator: ";" }))).toEqual([
      issue(1, "*", "FEC.txt: the header is not separated by tabs or vertical bars (FEC, A47 A-1)"),
    ]);
    expect(issuesOf("")).toEqual([issue(1, "*", "FEC.txt is empty: a FEC starts with its header line")]);
  });
});

describe("parseFec refuses broken lines", () => {
  it.each<[string, FecRow, ImportIssue]>([
    [
      "an impossible date",
      { EcritureDate: "20240231" },
      issue(2, "EcritureDate", "is not a date (YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY)", "20240231"),
    ],
    [
      "a bad piece date",
      { PieceDate: "15.01.2024" },
      issue(2, "PieceDate", "is not a date (YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY)", "15.01.2024"),
    ],
    [
      "a bad letter date",
      { DateLet: "2024" },
      issue(2, "DateLet", "is not a date (YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY)", "2024"),
    ],
    [
      "an empty entry date",
      { EcritureDate: "" },
      issue(2, "EcritureDate", "is empty; the FEC requires it", ""),
    ],
    ["an empty journal", { JournalCode: " " }, issue(2, "JournalCode", "is empty; the FEC requires it", "")],
    ["an empty account", { CompteNum: "" }, issue(2, "CompteNum", "is empty; the FEC requires it", "")],
    [
      "an empty entry number",
      { EcritureNum: "" },
      issue(2, "EcritureNum", "is empty; the FEC requires it", ""),
    ],
    [
      "three decimals",
      { Debit: "1200,005" },
      issue(2, "Debit", "is not an amount in EUR (e.g. 1234,56)", "1200,005"),
    ],
    [
      "words for an amount",
      { Debit: "mille" },
      issue(2, "Debit", "is not an amount in EUR (e.g. 1234,56)", "mille"),
    ],
    [
      "a bad foreign amount",
      { Montantdevise: "USD 12" },
      issue(2, "Montantdevise", "is not an amount", "USD 12"),
    ],
    [
      "a bad currency code",
      { Idevise: "dollars" },
      issue(2, "Idevise", "is not a currency code (ISO 4217, e.g. USD)", "DOLLARS"),
    ],
  ])("%s", (_, cells, expected) => {
    expect(issuesOf(fecText(withCell(SALE, 0, cells)))).toEqual([expected]);
  });

  it("refuses a line with missing fields (without also calling its entry unbalanced)", () => {
    const text = fecText(SALE, { eol: "\n" }).replace(/\t0,00\t\t\t20240115\t\t\n/, "\t0,00\t\t\t20240115\n");
    expect(issuesOf(text)).toEqual([
      issue(2, "*", "has 16 fields where the header has 18 (check the separator)", 16),
    ]);
  });

  it("refuses a direction that is neither debit nor credit", () => {
    const columns = COLUMNS_18.flatMap((c) =>
      c === "Debit" ? ["Montant"] : c === "Credit" ? ["Sens"] : [c],
    );
    const rows = SALE.map((r, i) => ({
      ...r,
      Montant: ["1200,00", "1000,00", "200,00"][i],
      Sens: ["D", "X", "C"][i],
    }));
    expect(issuesOf(fecText(rows, { columns }))).toEqual([
      issue(3, "Sens", "is not a direction (D or C, +1 or -1)", "X"),
    ]);
  });

  it("refuses an entry whose debits and credits differ", () => {
    expect(issuesOf(fecText(withCell(SALE, 2, { Credit: "190,00" })))).toEqual([
      issue(2, "EcritureNum", "entry VE 1 does not balance: debit 1200.00, credit 1190.00 (lines 2–4)", "1"),
    ]);
  });

  it("collects every problem of the file, in line order, under the file's own column names", () => {
    const rows = [
      ...withCell(SALE, 1, { Credit: "1 000,0O" }),
      ...entry({ journal: "BQ", num: "1", date: "20240201" }, [
        ["512000", "", "1200,00", "0,00"], // 5
        ["411000", "C001", "0,00", "1100,00"], // 6
      ]),
      ...withCell(
        entry({ journal: "VE", num: "2", date: "20240301" }, [
          ["411000", "C002", "100,00", "0,00"], // 7
          ["706000", "", "0,00", "100,00"], // 8
        ]),
        1,
        { EcritureDate: "31/02/2024" },
      ),
    ];
    const text = fecText(rows).replace("Debit\tCredit", "debit\tcredit");
    expect(issuesOf(text)).toEqual([
      issue(3, "credit", "is not an amount in EUR (e.g. 1234,56)", "1 000,0O"),
      issue(5, "EcritureNum", "entry BQ 1 does not balance: debit 1200.00, credit 1100.00 (lines 5–6)", "1"),
      issue(8, "EcritureDate", "is not a date (YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY)", "31/02/2024"),
    ]);
  });

  it("treats an unknown company currency as a programming error", () => {
    expect(() => parseFec({ bytes: utf8(fecText(SALE)), fileName: "FEC.txt", currency: "XXX" })).toThrow(
      RangeError,
    );
  });
});
