import { describe, expect, it } from "vitest";
import {
  COLUMNS_18,
  COLUMNS_22,
  COLUMNS_MONTANT_SENS,
  entry,
  fecText,
  latin1,
  row,
  utf8,
} from "../../../../test/fixtures/fec/fec-snippet";
import { parseDirection, parseFecAmount, parseFecDate } from "./fec-fields";
import { decodeFec, detectSeparator, readFec } from "./fec-reader";

const SALE = entry({ journal: "VE", num: "1", date: "20240115", piece: "F001" }, [
  ["411000", "C001", "1 200,00", "0,00"],
  ["706000", "", "0,00", "1000,00"],
  ["445710", "", "0,00", "200,00"],
]);

function read(bytes: Uint8Array) {
  return readFec({ bytes, fileName: "FEC.txt", currency: "EUR" });
}

describe("decodeFec", () => {
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeFec(utf8("Société", { bom: true }))).toEqual({ text: "Société", encoding: "utf-8" });
    expect(decodeFec(utf8("Société"))).toEqual({ text: "Société", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeFec(latin1("Société Générale"))).toEqual({
      text: "Société Générale",
      encoding: "windows-1252",
    });
    // 0x80 is the euro sign in Windows-1252 (not in ISO-8859-1).
    expect(decodeFec(Uint8Array.of(0x80, 0x20, 0x31)).text).toBe("€ 1");
  });
});

describe("detectSeparator", () => {
  it.each([
    ["JournalCode\tJournalLib\tEcritureNum", "\t"],
    ["JournalCode|JournalLib|EcritureNum", "|"],
    ["JournalCode|Journal\tLib|EcritureNum", "|"],
    ["JournalCode;JournalLib;EcritureNum", null],
  ])("%j → %j", (header, separator) => {
    expect(detectSeparator(header)).toBe(separator);
  });
});

describe("parseFecDate", () => {
  it.each([
    ["20240131", "2024-01-31"],
    ["2024-01-31", "2024-01-31"],
    ["31/01/2024", "2024-01-31"],
    [" 20240229 ", "2024-02-29"],
    ["20230229", null],
    ["20241301", null],
    ["2024013", null],
    ["31.01.2024", null],
  ])("%j → %j", (text, date) => {
    expect(parseFecDate(text)).toBe(date);
  });
});

describe("parseFecAmount and parseDirection", () => {
  it.each([
    ["1234,56", 123456],
    ["1234.56", 123456],
    ["1 234,56", 123456],
    ["1\u00a0234,56", 123456],
    ["-12,50", -1250],
    ["", 0],
    ["0,00", 0],
    ["12,345", null],
    ["douze", null],
    ["1200,5", 120050],
    ["1200,500", 120050],
    ["-0,00", 0],
    ["000120,00", 12000],
    ["1.234,56", 123456],
  ])("amount %j → %j", (text, minor) => {
    expect(parseFecAmount(text, "EUR")).toBe(minor);
  });

  it("follows the currency's decimals", () => {
    expect(parseFecAmount("1200", "JPY")).toBe(1200);
    expect(parseFecAmount("1200,5", "JPY")).toBeNull();
    expect(parseFecAmount("1,235", "KWD")).toBe(1235);
  });

  it.each([
    ["D", 1],
    ["c", -1],
    ["Débit", 1],
    ["Crédit", -1],
    ["+1", 1],
    ["-1", -1],
    ["X", null],
  ])("direction %j → %j", (text, direction) => {
    expect(parseDirection(text)).toBe(direction);
  });
});

describe("readFec", () => {
  it("types every line, numbered from the header (line 1)", () => {
    const result = read(utf8(fecText(SALE)));
    expect(result.issues).toEqual([]);
    expect(result.lines.map((l) => l.line)).toEqual([2, 3, 4]);
    expect(result.lines[0]).toMatchObject({
      journalCode: "VE",
      journalLib: "Ventes",
      entryNumber: "1",
      entryDate: "2024-01-15",
      account: "411000",
      auxAccount: "C001",
      pieceRef: "F001",
      pieceDate: "2024-01-15",
      debitMinor: 120000,
      creditMinor: 0,
      letter: "",
      letterDate: null,
    });
  });

  it.each([
    ["tab, CRLF", "\t", "\r\n"],
    ["pipe, LF", "|", "\n"],
    ["tab, CR", "\t", "\r"],
  ])("reads %s", (_, separator, eol) => {
    const result = read(utf8(fecText(SALE, { separator, eol })));
    expect(result.issues).toEqual([]);
    expect(result.separator).toBe(separator);
    expect(result.lines.map((l) => [l.line, l.account])).toEqual([
      [2, "411000"],
      [3, "706000"],
      [4, "445710"],
    ]);
  });

  it("skips blank lines, the trailing ones most of all, and keeps counting them", () => {
    const [header, first, ...rest] = fecText(SALE, { eol: "\n" }).split("\n");
    const text = [header, "", first, ...rest, "", "", "  "].join("\n");
    const result = read(utf8(text));
    expect(result.issues).toEqual([]);
    expect(result.lines.map((l) => l.line)).toEqual([3, 4, 5]);
  });

  it("reads the 22-column cash-basis variant and ignores its extra columns", () => {
    const rows = SALE.map((r) => ({ ...r, DateRglt: "20240120", ModeRglt: "VIR", NatOp: "", IdClient: "" }));
    const result = read(utf8(fecText(rows, { columns: COLUMNS_22 })));
    expect(result.issues).toEqual([]);
    expect(result.lines).toHaveLength(3);
  });

  it("reads Montant + Sens in place of Debit + Credit", () => {
    const rows = [
      row({ EcritureNum: "1", EcritureDate: "20240115", CompteNum: "411000", Montant: "1200,00", Sens: "D" }),
      row({ EcritureNum: "1", EcritureDate: "20240115", CompteNum: "706000", Montant: "1000,00", Sens: "C" }),
      row({ EcritureNum: "1", EcritureDate: "20240115", CompteNum: "445710", Montant: "200,00", Sens: "-1" }),
    ];
    const result = read(utf8(fecText(rows, { columns: COLUMNS_MONTANT_SENS })));
    expect(result.issues).toEqual([]);
    expect(result.lines.map((l) => [l.debitMinor, l.creditMinor])).toEqual([
      [120000, 0],
      [0, 100000],
      [0, 20000],
    ]);
  });

  it("reads a file without the two currency columns, headers in any case", () => {
    const columns = COLUMNS_18.filter((c) => c !== "Montantdevise" && c !== "Idevise");
    const text = fecText(SALE, { columns }).replace(/^[^\r\n]+/, (h) => h.toUpperCase());
    expect(read(utf8(text)).issues).toEqual([]);
  });

  it("keeps the foreign-currency amount of a 22-column line", () => {
    const rows = SALE.map((r, i) => (i === 0 ? { ...r, Montantdevise: "1300,00", Idevise: "usd" } : r));
    const [first] = read(utf8(fecText(rows))).lines;
    expect(first).toMatchObject({ foreignAmount: "1300,00", foreignCurrency: "USD" });
  });

  it("reads Windows-1252 names", () => {
    const rows = SALE.map((r) => ({ ...r, CompAuxLib: "Société Générale" }));
    const result = read(latin1(fecText(rows)));
    expect(result.encoding).toBe("windows-1252");
    expect(result.lines[0]?.auxLabel).toBe("Société Générale");
  });

  it("accepts ISO and French dates and a trailing separator after the last field", () => {
    const rows = SALE.map((r) => ({ ...r, EcritureDate: "2024-01-15", PieceDate: "15/01/2024" }));
    const text = fecText(rows, { eol: "\n" }).replaceAll("\n", "\t\n");
    const result = read(utf8(text));
    expect(result.issues).toEqual([]);
    expect(result.lines[0]).toMatchObject({ entryDate: "2024-01-15", pieceDate: "2024-01-15" });
  });

  it("strips the double quotes some exports wrap fields in", () => {
    const text = fecText(SALE, { eol: "\n" })
      .split("\n")
      .map((line) =>
        line === ""
          ? line
          : line
              .split("\t")
              .map((f) => `"${f}"`)
              .join("\t"),
      )
      .join("\n");
    const result = read(utf8(text));
    expect(result.issues).toEqual([]);
    expect(result.lines[0]?.auxAccount).toBe("C001");
  });
});

describe("decodeFec with a BOM in a file that is not UTF-8 throughout", () => {
  it("drops the BOM all the same", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...latin1("JournalCode\tSociété")]);
    expect(decodeFec(bytes)).toEqual({ text: "JournalCode\tSociété", encoding: "windows-1252" });
  });
});
