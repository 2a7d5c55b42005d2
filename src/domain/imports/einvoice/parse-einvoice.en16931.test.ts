import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../shared/dates";
import type { ParsedImport } from "../imports.types";
import { parseEInvoice } from "./parse-einvoice";

const FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/einvoice", import.meta.url));
/** Peppol's examples have no licence statement: read in place, never copied into the repository. */
const PEPPOL = "/work/shared/samples/peppol-bis-billing3/rules/examples";
const CEN = "cen-en16931";
const KOSIT = "xrechnung-testsuite/src/test/business-cases/standard";

function parseFile(file: string): Promise<ParsedImport> {
  const bytes = new Uint8Array(readFileSync(path.isAbsolute(file) ? file : path.join(FIXTURES, file)));
  return parseEInvoice({ bytes, fileName: path.basename(file) });
}

describe("parseEInvoice on the CEN EN 16931 examples", () => {
  it("Invoice-Max_content (UBL): every mapped business term", async () => {
    const parsed = await parseFile(`${CEN}/test/testfiles/Invoice-Max_content.xml`);
    expect(parsed.invoices[0]).toMatchObject({
      customerRef: "7350000001228",
      number: "2018210",
      type: "invoice",
      issueDate: "2018-02-08",
      dueDate: "2018-03-07",
      amountMinor: 1250000,
      openAmountMinor: 1250000,
      currency: "SEK",
      poNumber: "20180117",
      paymentReference: "1800355",
      customFields: { buyer_reference: "Buyer reference", preceding_invoice: "Preceding invoice no.1" },
    });
    expect(parsed.customers[0]).toEqual({
      line: 1,
      externalRef: "7350000001228",
      name: "Project services AB",
      country: "SE",
      email: "B.E.Stallman@projekttjanst.se",
      phone: "070123456",
      addressLine1: "Gata (rad1)",
      addressLine2: "Box 8 (rad2), Building 4 (rad3)",
      postalCode: "10203",
      city: "Motown",
      legalId: "1234512345",
      vatId: "SE123451234501",
    });
    expect(parsed.seller).toEqual({
      name: "The Global Chain Sweden AB",
      vatId: "SE123456789001",
      legalId: "1234567890",
    });
  });

  it("CreditNote-Max_content: 381 negated; the due date from '30 days net. Penalty rate 12 %'", async () => {
    const { invoices } = await parseFile(`${CEN}/test/testfiles/CreditNote-Max_content.xml`);
    expect(invoices[0]).toMatchObject({
      type: "credit_note",
      issueDate: "2018-02-08",
      dueDate: "2018-03-10",
      amountMinor: -1250000,
      openAmountMinor: -1250000,
    });
  });

  it("CreditNote-Min_content: unreadable terms do not matter on a credit note", async () => {
    const { invoices, customers } = await parseFile(
      `${CEN}/test/testfiles/CreditNote-Min_content_with_VAT.xml`,
    );
    expect(invoices[0]).toMatchObject({
      number: "2018-112",
      type: "credit_note",
      amountMinor: -50000,
      dueDate: "2018-07-31",
    });
    expect(customers[0]).toMatchObject({
      externalRef: "name:centrala-inkops-handelsbolag",
      name: "Centrala Inköps Handelsbolag",
    });
  });

  it("Invoice-Min_content: 'As per contract clasuse X.123' states no period → the statutory 30 days", async () => {
    const { invoices } = await parseFile(`${CEN}/test/testfiles/Invoice-Min_content_with_VAT.xml`);
    const invoice = invoices[0]!;
    expect(invoice.dueDate).toBe(addDays(invoice.issueDate, 30));
  });

  it("CII_example5 and ubl-tc434-example5: the same DKK invoice, half prepaid, in both syntaxes", async () => {
    const cii = await parseFile(`${CEN}/cii/examples/CII_example5.xml`);
    const ubl = await parseFile(`${CEN}/ubl/examples/ubl-tc434-example5.xml`);
    const expected = {
      number: "TOSL110",
      issueDate: "2013-04-10",
      dueDate: "2013-05-10",
      amountMinor: 467500,
      openAmountMinor: 233750,
      currency: "DKK",
      poNumber: "PO4711",
      paymentReference: "Payref1",
    };
    expect(cii.invoices[0]).toMatchObject(expected);
    expect(ubl.invoices[0]).toMatchObject(expected);
    expect(ubl.customers).toEqual(cii.customers);
  });

  it.each<[string, Record<string, unknown>]>([
    [
      `${CEN}/cii/examples/CII_example2.xml`,
      {
        customerRef: "3456789012098",
        currency: "NOK",
        amountMinor: 180178,
        openAmountMinor: 80178,
        dueDate: "2013-07-20",
        paymentReference: "0003434323213231",
      },
    ],
    // No BT-9: "Payment within 30 days" from 2013-05-13.
    [
      `${CEN}/cii/examples/CII_example7.xml`,
      { currency: "SEK", amountMinor: 320000, dueDate: "2013-06-12", poNumber: "Order_9988_x" },
    ],
    [
      `${CEN}/cii/examples/huf_example_cii.xml`,
      { customerRef: "843312", currency: "HUF", amountMinor: 8785900, dueDate: "2021-11-01" },
    ],
    [
      `${CEN}/cii/examples/CII-BR-CO-10-RoundingIssue.xml`,
      { type: "invoice", amountMinor: 0, openAmountMinor: 0, dueDate: "2021-03-26" },
    ],
    // A negative 380 is a credit note.
    [
      `${CEN}/ubl/examples/BIS3_Invoice_negativ.XML`,
      {
        customerRef: "DK87654321",
        type: "credit_note",
        amountMinor: -78217943,
        openAmountMinor: -78217943,
        dueDate: "2019-02-24",
      },
    ],
  ])("%s", async (file, expected) => {
    const { invoices } = await parseFile(file);
    expect(invoices[0]).toMatchObject(expected);
  });
});

describe("parseEInvoice on the XRechnung test suite", () => {
  it.each(["01.10a-INVOICE_ubl.xml", "01.10a-INVOICE_uncefact.xml"])(
    "%s: #SKONTO# lines are discounts; the 0 %% one after 30 days is the net term",
    async (file) => {
      const { invoices } = await parseFile(`${KOSIT}/${file}`);
      expect(invoices[0]).toMatchObject({
        issueDate: "2016-06-27",
        dueDate: "2016-07-27",
        amountMinor: 259420,
      });
    },
  );

  it("01.01a: 'Zahlbar sofort ohne Abzug.' is due on the issue date", async () => {
    const { invoices } = await parseFile(`${KOSIT}/01.01a-INVOICE_uncefact.xml`);
    expect(invoices[0]).toMatchObject({
      number: "123456XX",
      issueDate: "2016-04-04",
      dueDate: "2016-04-04",
      amountMinor: 33690,
    });
  });

  it("01.07a: BT-9 wins over the terms text", async () => {
    const { invoices, customers } = await parseFile(`${KOSIT}/01.07a-INVOICE_ubl.xml`);
    expect(invoices[0]).toMatchObject({ number: "R1234567", dueDate: "2016-08-14", amountMinor: 4522 });
    expect(customers[0]).toMatchObject({ externalRef: "B123456789", email: "buyer@info.de" });
  });
});

describe.skipIf(!existsSync(PEPPOL))("parseEInvoice on the Peppol BIS Billing 3 examples", () => {
  it.each<[string, Record<string, unknown>]>([
    ["base-example.xml", { number: "Snippet1", type: "invoice", amountMinor: 165625, dueDate: "2017-12-01" }],
    // A CreditNote without BT-9: "Payment within 10 days, 2% discount" from 2017-11-13.
    ["base-creditnote-correction.xml", { type: "credit_note", amountMinor: -165625, dueDate: "2017-11-23" }],
    [
      "base-negative-inv-correction.xml",
      { number: "Correction1", type: "credit_note", amountMinor: -165625 },
    ],
    ["Allowance-example.xml", { amountMinor: 712500, openAmountMinor: 612500 }],
  ])("%s", async (file, expected) => {
    const { invoices } = await parseFile(path.join(PEPPOL, file));
    expect(invoices[0]).toMatchObject({ currency: "EUR", customerRef: expect.any(String), ...expected });
  });
});
