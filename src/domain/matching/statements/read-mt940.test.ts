import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMt940 } from "./read-mt940";

const WOLPH = join(import.meta.dirname, "../../../../test/fixtures/bank/wolph-mt940/mt940_tests");

type Expected = {
  amount: string;
  date: string;
  entryDate: string | null;
  bankReference: string | null;
  code: string | null;
  id: string | null;
};

/** A date pickled by Python's date: two bytes of year, a month, a day, in base64. */
function pythonDate(base64: string): string {
  const b = Buffer.from(base64, "base64");
  const year = (b[0] ?? 0) * 256 + (b[1] ?? 0);
  return `${year}-${String(b[2]).padStart(2, "0")}-${String(b[3]).padStart(2, "0")}`;
}

/**
 * The few values of wolph/mt940's YAML dumps the tests compare, read with regular expressions:
 * each transaction's amount, value and entry dates, bank reference and codes.
 */
function readWolphYaml(text: string): Expected[] {
  const section = text.split(/^transactions:\n/m)[1] ?? "";
  const blocks = section
    .split(/^- !!python\/object:mt940\.models\.Transaction\n/m)
    .filter((b) => /data:/.test(b));
  return blocks.map((block) => {
    const scalar = (key: string) => {
      const m = new RegExp(`^    ${key}: (.*)$`, "m").exec(block);
      if (!m || m[1] === "null") return null;
      return (m[1] as string).replace(/^'(.*)'$/, "$1");
    };
    const date = (key: string) => {
      const m = new RegExp(
        `^    ${key}: !!python/object/apply:mt940\\.models\\.Date\\n(?:.*!!binary \\|\\n)?\\s+(\\S+)`,
        "m",
      ).exec(block);
      return m ? pythonDate(m[1] as string) : null;
    };
    const amount = /amount: !!python\/object\/apply:decimal\.Decimal\n\s+- '([^']+)'/.exec(block)?.[1];
    return {
      amount: amount ?? "",
      date: date("date") ?? "",
      entryDate: date("entry_date"),
      bankReference: scalar("bank_reference"),
      code: scalar("transaction_code"),
      id: scalar("id"),
    };
  });
}

/** Decimal text to cents, exactly. */
function cents(amount: string): number {
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  return amount.startsWith("-") ? -value : value;
}

const samples = ["cmxl", "jejik", "self-provided"].flatMap((dir) =>
  readdirSync(join(WOLPH, dir))
    .filter((f) => f.endsWith(".sta"))
    .map((f) => `${dir}/${f}`),
);

/** Samples that are not a statement (a lone tag, no opening balance) or use a withdrawn currency: refused, with the reason. */
const REFUSED: Record<string, RegExp> = {
  "cmxl/account_identification_iban.sta": /no opening balance \(:60F:\) nor statement line/,
  "cmxl/account_identification_legacy.sta": /no opening balance \(:60F:\) nor statement line/,
  "cmxl/available_balance.sta": /no opening balance \(:60F:\) nor statement line/,
  "cmxl/closing_balance.sta": /no opening balance \(:60F:\) nor statement line/,
  "cmxl/reference.sta": /no opening balance \(:60F:\) nor statement line/,
  "cmxl/statement_number.sta": /no opening balance \(:60F:\) nor statement line/,
  "cmxl/statement_line.sta": /line 1, :60F:: the statement line comes before any opening balance/,
  "cmxl/statement_details.sta": /line 1, :60F:: the statement line comes before any opening balance/,
  "self-provided/sparkassen.sta": /line 1, :60F:: the statement line comes before any opening balance/,
  "self-provided/account_identification.sta": /no opening balance \(:60F:\) nor statement line/,
  "self-provided/empty_non_swift.sta": /no opening balance \(:60F:\) nor statement line/,
  "self-provided/invalid_statement.sta": /no opening balance \(:60F:\) nor statement line/,
  // Deutsche Mark: not an ISO 4217 currency any more, so no exponent to trust.
  "cmxl/mt940.sta": /line 4, :60F: \("DEM"\): unknown currency code/,
  "self-provided/raphaelm.sta": /line 13, :60F: \("DEM"\): unknown currency code/,
};

describe("MT940: every wolph/mt940 sample against its .yml", () => {
  it.each(samples)("%s", (sample) => {
    const bytes = readFileSync(join(WOLPH, sample));
    const refused = REFUSED[sample];
    if (refused) expect(() => readMt940(bytes, sample)).toThrow(refused);
    // The Deutsche Mark samples are still compared, read as euros (both have 2 decimals).
    const dem = sample === "cmxl/mt940.sta";
    if (refused && !dem) return;
    const readable = dem ? Buffer.from(bytes.toString("latin1").replaceAll("DEM", "EUR"), "latin1") : bytes;
    const expected = readWolphYaml(readFileSync(join(WOLPH, sample.replace(/\.sta$/, ".yml")), "utf8"));
    const lines = readMt940(readable, sample).statements.flatMap((s) => s.lines);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const want = expected[i] as Expected;
      expect(line.amountMinor, `amount of transaction ${i + 1}`).toBe(cents(want.amount));
      expect(line.valueDate).toBe(want.date);
      expect(line.bookingDate).toBe(want.entryDate ?? want.date);
      expect(line.bankReference).toBe(want.bankReference === "NONREF" ? null : want.bankReference);
      expect(line.transactionCode).toBe(want.code ?? want.id);
    });
  });
});

describe("MT940: statements, balances and :86: layouts", () => {
  const read = (sample: string) => readMt940(readFileSync(join(WOLPH, sample)), sample);

  it("ABN AMRO: two statements, :60F:/:60M: and :62F:/:62M: balances, free-text :86:", () => {
    const { statements } = read("jejik/abnamro.sta");
    expect(
      statements.map((s) => [s.reference, s.accountNumber, s.openingBalanceMinor, s.closingBalanceMinor]),
    ).toEqual([
      ["ABN AMRO BANK NV/19321/1", "517852257", 323628, 87684],
      ["ABN AMRO BANK NV/19322/1", "517852257", 287684, 184975],
    ]);
    expect(statements[0]?.fromDate).toBe("2011-05-22");
    expect(statements[0]?.toDate).toBe("2011-05-23");
    expect(statements[0]?.lines[0]).toMatchObject({
      line: 8,
      amountMinor: -900,
      remittanceText:
        "GIRO 428428 KPN - DIGITENNE BETALINGSKENM. 000000042188659 5314606715 BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW",
      transactionCode: "N192",
    });
  });

  it("German ?20–?29 subfields: GVC, SEPA keywords, name, IBAN", () => {
    const [line] = read("self-provided/details_60-63.sta").statements[0]?.lines ?? [];
    expect(line).toMatchObject({
      transactionCode: "105",
      endToEndId: "123/123/12345-----L110",
      counterpartyName: "Finanzamt Muenchen Abteilung Erhebung",
      counterpartyIban: "DE99700500000000012345",
    });
    const gv = read("self-provided/gv_codes.sta").statements[0]?.lines[0];
    expect(gv).toMatchObject({
      transactionCode: "835",
      endToEndId: "1234567890123 PAYPAL",
      mandateId: "12AB234CD6E7F",
      remittanceText: ". SPOTIFY, Ihr Einkaufbei SPOTIFY",
      counterpartyName: "PayPal (Europe) S.a.r.l. et",
    });
  });

  it("wrapped :86: lines that look like tags (:12:11, :26:37) stay in the details", () => {
    const [line] = read("self-provided/wrapped_timestamp.sta").statements[0]?.lines ?? [];
    expect(line?.endToEndId).toBe("VZ0000000000000000");
    expect(line?.mandateId).toBe("000000");
    expect(read("self-provided/transaction_details_wrapped.sta").statements[0]?.closingBalanceMinor).toBe(
      119400,
    );
  });

  it("Rabobank /TAG/ layout: end-to-end reference, name, remittance text", () => {
    const { statements } = read("jejik/rabobank-iban.sta");
    expect(statements).toHaveLength(2);
    expect(statements[0]?.accountIban).toBe("NL71RABO0123456789");
    expect(statements[0]?.lines[0]).toMatchObject({
      endToEndId: "01-01-2013 12:00 0030000987654321",
      counterpartyName: "CONTRA ACCOUNT HOLDER",
      counterpartyIban: "NL70ABNA0987654321",
    });
    expect(statements[0]?.lines[1]).toMatchObject({
      counterpartyName: "JOHN DOE",
      remittanceText: "Reference 201301234",
    });
  });

  it("30 February (a German quarterly closing) is the last day of February", () => {
    const [line] = read("self-provided/february_30.sta").statements[0]?.lines ?? [];
    expect(line?.valueDate).toBe("2016-02-29");
    expect(line?.bookingDate).toBe("2016-03-01");
  });

  it("entry date across New Year", () => {
    const text =
      ":20:X\n:25:NL71RABO0123456789\n:28C:1\n:60F:C191231EUR10,00\n:61:1912310102C5,00NTRFNONREF\n:61:2001021231D1,NTRFREF1//BANK1\n:62F:C200102EUR14,00\n";
    const [statement] = readMt940(Buffer.from(text), "x.sta").statements;
    expect(statement?.lines.map((l) => [l.valueDate, l.bookingDate, l.amountMinor])).toEqual([
      ["2019-12-31", "2020-01-02", 500],
      ["2020-01-02", "2019-12-31", -100],
    ]);
    expect(statement?.lines[1]).toMatchObject({ endToEndId: "REF1", bankReference: "BANK1" });
  });

  it("Latin-1 bytes, CRLF line ends and no final newline", () => {
    const text =
      ":20:X\r\n:25:FR7630006000011234567890189\r\n:28C:1\r\n:60F:C240101EUR0,\r\n:61:240102C12,5NTRFNONREF\r\n:86:/EREF/FAC-1/NAME/Société Générale/REMI/USTD//Facture n° 1\r\n:62F:C240102EUR12,50";
    const [statement] = readMt940(Buffer.from(text, "latin1"), "x.sta").statements;
    expect(statement?.accountIban).toBe("FR7630006000011234567890189");
    expect(statement?.lines[0]).toMatchObject({
      amountMinor: 1250,
      endToEndId: "FAC-1",
      counterpartyName: "Société Générale",
      remittanceText: "Facture n° 1",
    });
  });

  it("a returned direct debit: RC mark, /RTRN/ reason", () => {
    const text =
      ":20:X\n:25:NL71RABO0123456789\n:60F:C240101EUR100,\n:61:240105RC30,NDDTNONREF//B1\n:86:/RTRN/AC06/EREF/INV-42/MARF/M-1/NAME/ACME BV\n:62F:C240105EUR70,\n";
    const [line] = readMt940(Buffer.from(text), "x.sta").statements[0]?.lines ?? [];
    expect(line).toMatchObject({
      amountMinor: -3000,
      isReversal: true,
      returnReason: "AC06",
      endToEndId: "INV-42",
      mandateId: "M-1",
      counterpartyName: "ACME BV",
      transactionCode: "NDDT",
    });
  });
});

describe("MT940: broken files", () => {
  it("a balance without its currency (raphaelm.sta, read as euros)", () => {
    const text = readFileSync(join(WOLPH, "self-provided/raphaelm.sta"), "latin1").replaceAll("DEM", "EUR");
    expect(() => readMt940(Buffer.from(text, "latin1"), "raphaelm.sta")).toThrow(
      'raphaelm.sta, line 27, :62M: ("C020315105000,00"): is not a balance (D/C, date YYMMDD, currency, amount)',
    );
  });

  const header = ":20:X\n:25:NL71RABO0123456789\n:28C:1\n:60F:C240101EUR100,00\n";
  const error = (text: string) => {
    try {
      readMt940(Buffer.from(text), "bank.sta");
    } catch (e) {
      return (e as Error).message;
    }
    return "no error";
  };

  it("an amount that does not parse", () => {
    expect(error(`${header}:61:240102C12,5,0NTRFNONREF\n`)).toBe(
      'bank.sta, line 5, :61: amount ("12,5,0"): is not a decimal amount',
    );
  });

  it("a statement line that is not one", () => {
    expect(error(`${header}:61:2401XXC12,50NTRF\n`)).toMatch(
      /^bank\.sta, line 5, :61: \("2401XXC12,50NTRF"\): is not a statement line/,
    );
  });

  it("a date that does not exist", () => {
    expect(error(`${header}:61:241302C12,50NTRF\n`)).toBe(
      'bank.sta, line 5, :61: value date ("241302"): is not a valid date (YYMMDD)',
    );
  });

  it("a balance that does not parse", () => {
    expect(error(":20:X\n:60F:C2401EUR100,00\n")).toBe(
      'bank.sta, line 2, :60F: ("C2401EUR100,00"): is not a balance (D/C, date YYMMDD, currency, amount)',
    );
  });
});
