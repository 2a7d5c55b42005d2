import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../../shared/errors";
import { detectStatementFormat, parseStatementFile } from "./parse-statement-file";
import { type BankCsvMapping, mapBankRows } from "./read-bank-csv";

const BANK = join(import.meta.dirname, "../../../../test/fixtures/bank");
const file = (path: string) => readFileSync(join(BANK, path));

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
  return "no error";
}

describe("parseStatementFile: the format from the content", () => {
  it.each([
    ["genkgo-camt/camt053.v2.minimal.xml", "camt"],
    ["genkgo-camt/camt052.v1.xml", "camt"],
    ["genkgo-camt/camt054.v8.xml", "camt"],
    ["oca-bank-statement-import/account_statement_import_camt/test_files/test-camt053", "camt"],
    ["wolph-mt940/mt940_tests/jejik/abnamro.sta", "mt940"],
    ["wolph-mt940/mt940_tests/jejik/ing.sta", "mt940"],
    ["wolph-mt940/mt940_tests/jejik/rabobank-iban.sta", "mt940"],
    ["wolph-mt940/mt940_tests/self-provided/february_30.sta", "mt940"],
    ["pennylane-cfonb/spec/files/example.txt", "cfonb120"],
    ["pennylane-cfonb/spec/files/operation.txt", "cfonb120"],
    ["silarhi-cfonb-parser/tests/fixtures/complex-test.txt", "cfonb120"],
  ])("%s is %s", async (path, format) => {
    expect(detectStatementFormat(file(path), path)).toBe(format);
    const parsed = await parseStatementFile(file(path), path);
    expect(parsed.format).toBe(format);
    expect(parsed.statements.length).toBeGreaterThan(0);
  });

  it("refuses what it does not recognise, and a CSV without a mapping", async () => {
    expect(
      await failure(parseStatementFile(Buffer.from("date;amount\n2024-01-02;12.50\n"), "export.csv")),
    ).toBe(
      "export.csv, mapping: a CSV or XLSX bank export needs a column mapping: choose a saved bank mapping",
    );
    expect(await failure(parseStatementFile(Buffer.from("hello world\n"), "releve.txt"))).toBe(
      "releve.txt, format: not a recognised bank statement (camt.052/053/054 XML, MT940, CFONB 120); a CSV or XLSX export needs a column mapping",
    );
  });
});

const mapping: BankCsvMapping = {
  name: "Banque X",
  columns: {
    booking_date: "Date opération",
    value_date: "Date valeur",
    debit: "Débit",
    credit: "Crédit",
    counterparty_name: "Tiers",
    counterparty_iban: "IBAN",
    reference: "Référence",
    text: "Libellé",
  },
  dateFormat: "DD/MM/YYYY",
  decimalSeparator: ",",
  currency: "EUR",
  accountIban: "FR76 3000 4000 0112 3456 7890 173",
};

const csv = (rows: string[]) =>
  Buffer.from(
    `Date opération;Date valeur;Libellé;Tiers;IBAN;Référence;Débit;Crédit\n${rows.join("\n")}\n`,
    "latin1",
  );

describe("bank CSV through a mapping", () => {
  it("debit and credit columns, French dates and decimals, Windows-1252 text, references", async () => {
    const parsed = await parseStatementFile(
      csv([
        "02/01/2024;03/01/2024;VIR SEPA ACME FACTURE F-1;ACME SAS;FR76 1234 5123 4512 3451 2345 123;F-1;;1 234,56",
        "05/01/2024;05/01/2024;PRLV URSSAF;URSSAF;;RF18539007547034;-250,00;",
        '06/01/2024;06/01/2024;"Frais ; tenue de compte";;;;3,5;',
      ]),
      "releve.csv",
      { csvMapping: mapping },
    );
    expect(parsed.format).toBe("csv");
    const [statement] = parsed.statements;
    expect(statement).toMatchObject({
      reference: "releve.csv",
      accountIban: "FR7630004000011234567890173",
      currency: "EUR",
      fromDate: "2024-01-02",
      toDate: "2024-01-06",
      openingBalanceMinor: null,
    });
    expect(statement?.lines.map((l) => [l.line, l.bookingDate, l.valueDate, l.amountMinor])).toEqual([
      [2, "2024-01-02", "2024-01-03", 123456],
      [3, "2024-01-05", "2024-01-05", -25000],
      [4, "2024-01-06", "2024-01-06", -350],
    ]);
    expect(statement?.lines[0]).toMatchObject({
      counterpartyName: "ACME SAS",
      counterpartyIban: "FR7612345123451234512345123",
      endToEndId: "F-1",
      structuredReference: null,
      remittanceText: "VIR SEPA ACME FACTURE F-1",
    });
    expect(statement?.lines[1]).toMatchObject({ structuredReference: "RF18539007547034", endToEndId: null });
    expect(statement?.lines[2]?.remittanceText).toBe("Frais ; tenue de compte");
  });

  it("a signed amount column, auto separators, a currency column", async () => {
    const rows = [
      { line: 2, values: { booked: "2024-03-01", amount: "-1.234,50", ccy: "CHF" } },
      { line: 3, values: { booked: "2024-03-02", amount: "(12.30)", ccy: "" } },
      { line: 4, values: { booked: "2024-03-03", amount: "1,234.5", ccy: "USD" } },
    ];
    const parsed = await mapBankRows(
      rows,
      ["booked", "amount", "ccy"],
      {
        name: "m",
        columns: { booking_date: "booked", amount: "amount", currency: "ccy" },
        dateFormat: "auto",
        decimalSeparator: "auto",
        currency: "EUR",
      },
      "x.csv",
    );
    expect(parsed.statements[0]?.lines.map((l) => [l.amountMinor, l.currency])).toEqual([
      [-123450, "CHF"],
      [-1230, "EUR"],
      [123450, "USD"],
    ]);
  });

  it("an XLSX export: typed date and number cells whatever the mapping's formats", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Relevé");
    sheet.addRow([
      "Date opération",
      "Date valeur",
      "Libellé",
      "Tiers",
      "IBAN",
      "Référence",
      "Débit",
      "Crédit",
    ]);
    sheet.addRow([new Date(Date.UTC(2024, 0, 2)), "03/01/2024", "VIR ACME", "ACME", "", "F-9", null, 1234.5]);
    sheet.addRow([new Date(Date.UTC(2024, 0, 4)), "", "FRAIS", "", "", "", 12.3, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseStatementFile(bytes, "releve.xlsx", { csvMapping: mapping });
    expect(
      parsed.statements[0]?.lines.map((l) => [l.line, l.bookingDate, l.valueDate, l.amountMinor]),
    ).toEqual([
      [2, "2024-01-02", "2024-01-03", 123450],
      [3, "2024-01-04", null, -1230],
    ]);
  });

  it("broken rows name the file, the line and the column", async () => {
    const parse = (rows: string[]) => parseStatementFile(csv(rows), "releve.csv", { csvMapping: mapping });
    expect(await failure(parse(["02/01/2024;;x;;;;;12,3,4"]))).toBe(
      'releve.csv, line 2, Crédit ("12,3,4"): is not a decimal amount',
    );
    expect(await failure(parse(["02/01/2024;;x;;;;;1,234"]))).toBe(
      'releve.csv, line 2, Crédit ("1,234"): cannot be converted to EUR minor units without rounding ("1.234" has more than 2 decimals for EUR)',
    );
    expect(await failure(parse([";;x;;;;;1,00"]))).toBe(
      "releve.csv, line 2, Date opération: the booking date is missing",
    );
    expect(await failure(parse(["31/02/2024;;x;;;;;1,00"]))).toBe(
      'releve.csv, line 2, Date opération ("31/02/2024"): is not a date in the format DD/MM/YYYY',
    );
    expect(await failure(parse(["02/01/2024;;x;;;;;"]))).toBe(
      "releve.csv, line 2, Débit: the amount is missing (neither debit nor credit)",
    );
    expect(await failure(parse(["02/01/2024;;x;;;;1,00;2,00"]))).toBe(
      "releve.csv, line 2, Débit/Crédit: both the debit and the credit are filled in",
    );
  });

  it("a mapped column missing from the file, an incomplete mapping", async () => {
    const missing = await failure(
      parseStatementFile(Buffer.from("Date;Montant\n2024-01-02;1\n"), "b.csv", {
        csvMapping: { ...mapping, columns: { booking_date: "Date", amount: "Amount" } },
      }),
    );
    expect(missing).toBe(
      'b.csv, line 1, Amount: the column "Amount" of the mapping "Banque X" (for amount) is not in the file',
    );
    const incomplete = await failure(
      parseStatementFile(Buffer.from("Date;Montant\n2024-01-02;1\n"), "b.csv", {
        csvMapping: { ...mapping, columns: { booking_date: "Date" } },
      }),
    );
    expect(incomplete).toBe(
      'b.csv, amount: the mapping "Banque X" has no amount column (nor debit/credit columns)',
    );
  });
});
