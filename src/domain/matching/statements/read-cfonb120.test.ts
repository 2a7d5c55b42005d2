import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frenchIban, readCfonb120 } from "./read-cfonb120";

const BANK = join(import.meta.dirname, "../../../../test/fixtures/bank");
const read = (path: string) => readCfonb120(readFileSync(join(BANK, path)), path.split("/").at(-1) as string);

describe("CFONB 120: pennylane-hq/cfonb samples", () => {
  it("example.txt: two accounts, 05 complements, old and new balances", () => {
    const { format, statements } = read("pennylane-cfonb/spec/files/example.txt");
    expect(format).toBe("cfonb120");
    expect(
      statements.map((s) => [
        s.accountNumber,
        s.openingBalanceMinor,
        s.closingBalanceMinor,
        s.fromDate,
        s.toDate,
      ]),
    ).toEqual([
      ["155890000098765432100", -19040, -24121, "2019-05-15", "2019-05-16"],
      ["187060000000123456789", -24121, -16372, "2019-05-16", "2019-05-17"],
    ]);
    // Each statement's lines add up to the move of its balance.
    for (const s of statements)
      expect(s.lines.reduce((sum, l) => sum + l.amountMinor, 0)).toBe(
        (s.closingBalanceMinor ?? 0) - (s.openingBalanceMinor ?? 0),
      );
    expect(statements[0]?.reference).toBe("155890000098765432100-2019-05-15");
    expect(statements[0]?.lines.map((l) => [l.line, l.amountMinor, l.transactionCode])).toEqual([
      [3, -3221, "B1"],
      [16, -1070, "B1"],
      [19, -790, "62"],
    ]);
    expect(statements[0]?.lines[0]).toMatchObject({
      bookingDate: "2019-05-16",
      valueDate: "2019-05-16",
      currency: "EUR",
      counterpartyName: "INTERNET SFR",
      remittanceText: "PRLV SEPA TEST CABINET MENSUEAUHTR13133 MENSUEAUHTR13DUP",
      bankReference: "REFERENCE",
      endToEndId: "OTHER REFERENCE",
      isReversal: false,
    });
    expect(statements[0]?.lines[1]).toMatchObject({
      counterpartyName: "ELEC ERDF",
      remittanceText: "VIR SEPA DEMONSTRATION",
    });
    expect(statements[1]?.lines.map((l) => [l.amountMinor, l.remittanceText])).toEqual([
      [9749, "PRLV SEPA GROUPAMA CEN P051928612 22793301700040"],
      [-1210, "F FRAIS PRLV IMP 97 49EUR"],
      [-790, "F COMMISSION D INTERVENTION"],
    ]);
  });

  it("operation.txt: movements without balances make a statement of their own", () => {
    const { statements } = read("pennylane-cfonb/spec/files/operation.txt");
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      accountNumber: "155890000098765432100",
      openingBalanceMinor: null,
      closingBalanceMinor: null,
      fromDate: "2019-05-16",
      toDate: "2019-05-16",
    });
    expect(statements[0]?.lines[0]).toMatchObject({
      amountMinor: -3221,
      counterpartyName: "INTERNET SFR",
      bankReference: "REFERENCE",
      endToEndId: "OTHER REFERENCE",
    });
  });
});

describe("CFONB 120: silarhi/cfonb-parser samples", () => {
  it("simple-test.txt: an old and a new balance, no movement", () => {
    const { statements } = read("silarhi-cfonb-parser/tests/fixtures/simple-test.txt");
    expect(statements).toEqual([
      {
        reference: "102780220400012345603-2020-04-03",
        accountIban: "FR7610278022040001234560307",
        accountNumber: "102780220400012345603",
        bic: null,
        currency: "EUR",
        openingBalanceMinor: 1669565,
        closingBalanceMinor: 1669565,
        fromDate: "2020-04-03",
        toDate: "2020-04-06",
        lines: [],
      },
    ]);
  });

  it("complex-test.txt: one statement per account and day", () => {
    const { statements } = read("silarhi-cfonb-parser/tests/fixtures/complex-test.txt");
    expect(statements).toHaveLength(8);
    expect(statements.map((s) => s.lines.length)).toEqual([1, 2, 0, 1, 0, 1, 0, 0]);
    for (const s of statements)
      expect(s.lines.reduce((sum, l) => sum + l.amountMinor, 0)).toBe(
        (s.closingBalanceMinor ?? 0) - (s.openingBalanceMinor ?? 0),
      );
    expect(statements[1]?.lines.map((l) => [l.amountMinor, l.remittanceText])).toEqual([
      [-2011, "PRLV SEPA FREE MOBILE"],
      [-500000, "VIR JOHNDOE / FOOBAR"],
    ]);
    expect(statements[3]?.lines[0]).toMatchObject({
      amountMinor: -11775,
      bookingDate: "2020-04-10",
      valueDate: "2020-04-01",
      remittanceText: "FACTURE SGT20022040001692 DONT TVA 11 39EUR",
    });
    expect(statements[5]?.lines[0]?.remittanceText).toBe(
      "PRLV SEPA OVH SAS PAYMENT ORDER 124359169 ERS INF ORDER 124359169",
    );
    expect(statements[7]?.openingBalanceMinor).toBe(58435302);
  });

  it("reads 120-character records without line breaks", () => {
    const text = readFileSync(join(BANK, "silarhi-cfonb-parser/tests/fixtures/complex-test.txt"), "latin1")
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "")
      .map((l) => l.padEnd(120, " "))
      .join("");
    const flat = readCfonb120(Buffer.from(text, "latin1"), "flat.txt");
    expect(flat.statements.flatMap((s) => s.lines.map((l) => l.amountMinor))).toEqual([
      -2279, -2011, -500000, -11775, -5025,
    ]);
  });
});

describe("CFONB 120: encodings, returns, broken files", () => {
  /** A record with each field at its 1-based column. */
  const record = (code: string, fields: [number, string][]) => {
    const chars = " ".repeat(120).split("");
    for (const [column, text] of [
      [1, code],
      [3, "30004"],
      [12, "00001"],
      [17, "EUR2"],
      [22, "12345678901"],
      ...fields,
    ] as [number, string][])
      text.split("").forEach((c, i) => {
        chars[column - 1 + i] = c;
      });
    return chars.join("");
  };
  const opening = record("01", [
    [35, "010124"],
    [91, "0000000010000{"],
  ]);
  const movement = (amount: string, label = "VIR SEPA ACME", reject = "  ") =>
    record("04", [
      [8, "0502"],
      [33, "05"],
      [35, "020124"],
      [41, reject],
      [43, "020124"],
      [49, label],
      [91, amount],
      [105, "REF123"],
    ]);
  const complement = (qualifier: string, text: string) =>
    record("05", [
      [8, "0502"],
      [33, "05"],
      [35, "020124"],
      [46, qualifier],
      [49, text],
    ]);
  const closing = (amount: string) =>
    record("07", [
      [35, "020124"],
      [91, amount],
    ]);
  const file = (...records: string[]) => Buffer.from(`${records.join("\r\n")}\r\n`, "latin1");

  it("sign letters, decimals, Latin-1 text and complements", () => {
    const { statements } = readCfonb120(
      file(
        opening,
        movement("0000000012345E"),
        complement("NPY", "SOCIÉTÉ GÉNÉRALE"),
        complement("RCN", "FAC-2024-001"),
        complement("LCC", "Facture FAC-2024-001"),
        closing("0000000013579D"),
      ),
      "releve.txt",
    );
    expect(statements[0]).toMatchObject({
      accountIban: "FR7630004000011234567890173",
      openingBalanceMinor: 100000,
      closingBalanceMinor: 135794,
    });
    expect(statements[0]?.lines[0]).toMatchObject({
      amountMinor: 123455,
      counterpartyName: "SOCIÉTÉ GÉNÉRALE",
      endToEndId: "FAC-2024-001",
      remittanceText: "VIR SEPA ACME Facture FAC-2024-001",
      bankReference: "REF123",
      line: 2,
    });
  });

  it("the number of decimals of column 20, against the currency's", () => {
    const withDecimals = (decimals: string, amount: string) =>
      readCfonb120(file(movement(amount).replace("EUR2", `EUR${decimals}`)), "d.txt").statements[0]?.lines[0]
        ?.amountMinor;
    expect(withDecimals("0", "0000000000123E")).toBe(123500);
    expect(withDecimals("3", "0000000012345{")).toBe(12345);
    expect(() => withDecimals("3", "0000000012345E")).toThrow(
      'd.txt, line 1, 04 amount (91-104) ("0000000012345E"): cannot be converted to EUR minor units without rounding',
    );
  });

  it("a rejected direct debit: reject code, ISO reason in the text", () => {
    const { statements } = readCfonb120(
      file(opening, movement("0000000002000}", "IMPAYE PRLV SEPA", "AC"), complement("LIB", "MOTIF AC06")),
      "r.txt",
    );
    expect(statements[0]?.lines[0]).toMatchObject({
      amountMinor: -20000,
      isReversal: true,
      returnReason: "AC",
    });
    const unpaid = readCfonb120(
      file(opening, movement("0000000002000}", "IMPAYE PRLV SEPA"), complement("LIB", "MOTIF AC06")),
      "r.txt",
    );
    expect(unpaid.statements[0]?.lines[0]).toMatchObject({ isReversal: true, returnReason: "AC06" });
  });

  it("computes the French IBAN of a RIB", () => {
    expect(frenchIban("30004", "00001", "12345678901")).toBe("FR7630004000011234567890173");
    expect(frenchIban("20041", "01005", "0500013M026")).toBe("FR1420041010050500013M02606");
  });

  const error = (bytes: Uint8Array) => {
    try {
      readCfonb120(bytes, "releve.txt");
    } catch (e) {
      return (e as Error).message;
    }
    return "no error";
  };

  it("a truncated record", () => {
    expect(error(file(opening, movement("0000000012345E").slice(0, 80)))).toBe(
      'releve.txt, line 2, record 04 ("61"): truncated record: 61 characters where 120 are expected',
    );
  });

  it("an amount that does not parse", () => {
    expect(error(file(opening, movement("00000000123X5E")))).toBe(
      'releve.txt, line 2, 04 amount (91-104) ("00000000123X5E"): is not a CFONB amount (13 digits and a sign letter, decimals in column 20)',
    );
  });

  it("a missing booking date", () => {
    expect(error(file(opening, movement("0000000012345E").replace("05020124", "05      ")))).toBe(
      "releve.txt, line 2, 04 booking date (35-40): the date is missing (DDMMYY)",
    );
  });

  it("an unknown record and a lone complement", () => {
    expect(error(file(opening, record("99", [])))).toBe(
      'releve.txt, line 2, record code ("99"): unknown CFONB 120 record (01, 04, 05 or 07 expected)',
    );
    expect(error(file(opening, complement("LIB", "X")))).toBe(
      "releve.txt, line 2, record 05: a complement (05) must follow a movement (04)",
    );
  });
});
