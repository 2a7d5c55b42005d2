import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../shared/dates";
import type { ParsedImport } from "../imports.types";
import { parseEInvoice } from "./parse-einvoice";

const FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/einvoice", import.meta.url));
const ZUGFERD = "zugferd-corpus/XML-Rechnung";

function bytesOf(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, file)));
}

function parse(file: string): Promise<ParsedImport> {
  return parseEInvoice({ bytes: bytesOf(file), fileName: path.basename(file) });
}

/** The same invoice in three syntaxes must give the same records (only the provenance differs). */
function withoutProvenance(parsed: ParsedImport) {
  return {
    customers: parsed.customers,
    invoices: parsed.invoices.map(({ customFields: _ignored, ...invoice }) => invoice),
    seller: parsed.seller,
  };
}

describe("parseEInvoice on the ZUGFeRD corpus", () => {
  it.each([
    "EN16931_Einfach",
    "EN16931_1_Teilrechnung",
    "EN16931_Einfach_negativePaymentDue",
    "EN16931_Rechnungskorrektur",
  ])("%s gives the same records as CII, as UBL and as Factur-X PDF", async (name) => {
    const cii = await parse(`${ZUGFERD}/CII/${name}.cii.xml`);
    const ubl = await parse(`${ZUGFERD}/UBL/${name}.ubl.xml`);
    const pdf = await parse(`${ZUGFERD}/FX/${name}.pdf`);
    expect(withoutProvenance(ubl)).toEqual(withoutProvenance(cii));
    expect(withoutProvenance(pdf)).toEqual(withoutProvenance(cii));
  });

  it("EN16931_Einfach: the due date comes from the free-text terms, the buyer from BG-7", async () => {
    const parsed = await parse(`${ZUGFERD}/CII/EN16931_Einfach.cii.xml`);
    expect(parsed.invoices).toEqual([
      {
        line: 1,
        customerRef: "GE2020211",
        externalRef: "471102",
        number: "471102",
        type: "invoice",
        issueDate: "2018-03-05",
        // "Zahlbar innerhalb 30 Tagen netto bis 04.04.2018, 3% Skonto innerhalb 10 Tagen bis 15.03.2018"
        dueDate: "2018-04-04",
        amountMinor: 52987,
        openAmountMinor: 52987,
        currency: "EUR",
        poNumber: null,
        paymentReference: null,
        customFields: {
          einvoice_syntax: "CII",
          type_code: "380",
          specification: "urn:cen.eu:en16931:2017",
          prepaid_amount: "0.00",
        },
      },
    ]);
    expect(parsed.customers).toEqual([
      {
        line: 1,
        externalRef: "GE2020211",
        name: "Kunden AG Mitte",
        country: "DE",
        addressLine1: "Kundenstraße 15",
        postalCode: "69876",
        city: "Frankfurt",
      },
    ]);
    expect(parsed.seller).toEqual({ name: "Lieferant GmbH", vatId: "DE123456789", legalId: null });
    expect(parsed.attachments).toEqual([
      {
        invoiceRef: "471102",
        fileName: "EN16931_Einfach.cii.xml",
        mediaType: "application/xml",
        content: bytesOf(`${ZUGFERD}/CII/EN16931_Einfach.cii.xml`),
      },
    ]);
  });

  it("EN16931_1_Teilrechnung: a prepaid amount (BT-113) leaves the amount due (BT-115) open", async () => {
    const { invoices } = await parse(`${ZUGFERD}/UBL/EN16931_1_Teilrechnung.ubl.xml`);
    expect(invoices[0]).toMatchObject({
      issueDate: "2018-06-05",
      dueDate: "2018-07-04",
      amountMinor: 19765,
      openAmountMinor: 14765,
      poNumber: "2018-471331",
      customFields: { prepaid_amount: "50.00", einvoice_syntax: "UBL" },
    });
  });

  it("EN16931_2_Teilrechnung: the date the terms state wins over 30 days from the issue date", async () => {
    const { invoices } = await parse(`${ZUGFERD}/CII/EN16931_2_Teilrechnung.cii.xml`);
    expect(invoices[0]).toMatchObject({ number: "471113", issueDate: "2018-06-13", dueDate: "2018-07-04" });
  });

  it("a negative amount due (overpaid invoice): open amount negative, nothing to collect, due at issue", async () => {
    const { invoices } = await parse(`${ZUGFERD}/FX/EN16931_Einfach_negativePaymentDue.pdf`);
    expect(invoices[0]).toMatchObject({
      type: "invoice",
      amountMinor: 52987,
      openAmountMinor: -52987,
      dueDate: "2018-03-05",
      customFields: { prepaid_amount: "1059.74", einvoice_xml: "factur-x.xml" },
    });
  });

  it("a corrected invoice (384) with a negative total is a credit note", async () => {
    const parsed = await parse(`${ZUGFERD}/CII/EN16931_Rechnungskorrektur.cii.xml`);
    expect(parsed.invoices[0]).toMatchObject({
      number: "RK21012345",
      type: "credit_note",
      amountMinor: -879,
      openAmountMinor: -879,
      dueDate: "2018-09-16",
      poNumber: "B123456789",
      customFields: { type_code: "384" },
    });
    expect(parsed.customers[0]).toMatchObject({ externalRef: "009420", name: "MUSTER-KUNDE GMBH" });
  });

  it("a UBL CreditNote (381) is a negative credit note, usable from its issue date", async () => {
    const parsed = await parse(`${ZUGFERD}/UBL/ubl-tc434-creditnote1.xml`);
    expect(parsed.invoices[0]).toMatchObject({
      number: "018304 / 28865",
      type: "credit_note",
      issueDate: "2019-09-23",
      dueDate: "2019-09-23",
      amountMinor: -10011,
      openAmountMinor: -10011,
      paymentReference: "010676609538",
      poNumber: null,
      customFields: { buyer_reference: "018304 / 28865" },
    });
    // No BT-46: the legal registration id (BT-47) is the reference.
    expect(parsed.customers[0]).toMatchObject({
      externalRef: "0000000295",
      legalId: "0000000295",
      vatId: "BE0000000295",
      email: "pete.smith@mycustomercompany.be",
    });
  });

  it.each([
    [`${ZUGFERD}/CII/EN16931_Elektron.cii.xml`, "181301674", "2018-04-25", "2018-04-25", 30000], // "Zahlbar sofort rein netto", type 204
    [`${ZUGFERD}/UBL/EN16931_SEPA_Prenotification.ubl.xml`, "471102", "2018-03-05", "2018-03-20", 52987], // direct debit "am 20.03.2018"
    [`${ZUGFERD}/UBL/EN16931_Physiotherapeut.ubl.xml`, "R18-31", "2018-10-03", "2018-11-21", 38000], // BT-9
    [
      `${ZUGFERD}/CII/EN16931_Betriebskostenabrechnung.cii.xml`,
      "471102",
      "2018-03-05",
      "2018-04-04",
      1831063,
    ],
    [
      `${ZUGFERD}/UBL/EN16931_Haftpflichtversicherung_Versicherungssteuer.ubl.xml`,
      "01.234.567.8-2018-1",
      "2018-12-06",
      "2018-12-06",
      5000,
    ], // "zu der Fälligkeit 06.12.2018", type 575
    [`${ZUGFERD}/CII/XRECHNUNG_Einfach.cii.xml`, "471102", "2024-11-15", "2024-12-15", 52987],
  ])("%s: %s issued %s due %s, %i cents", async (file, number, issueDate, dueDate, amountMinor) => {
    const { invoices } = await parse(file);
    expect(invoices[0]).toMatchObject({ number, issueDate, dueDate, amountMinor, type: "invoice" });
  });

  it("keeps the buyer reference (BT-10, XRechnung's Leitweg-ID) apart from the order number", async () => {
    const parsed = await parse(`${ZUGFERD}/CII/XRECHNUNG_Einfach.cii.xml`);
    expect(parsed.invoices[0]?.poNumber).toBeNull();
    expect(parsed.invoices[0]?.customFields?.buyer_reference).toBe("04011000-12345-34");
    expect(parsed.customers[0]?.email).toBe("info@kunde.de");
  });

  it("Betriebskostenabrechnung: a buyer without identifiers gets a reference made from its name", async () => {
    const { customers, invoices } = await parse(`${ZUGFERD}/CII/EN16931_Betriebskostenabrechnung.cii.xml`);
    expect(customers[0]).toMatchObject({
      externalRef: "name:beispielmieter-gmbh",
      name: "Beispielmieter GmbH",
    });
    expect(invoices[0]).toMatchObject({
      openAmountMinor: 50263,
      customFields: { prepaid_amount: "17808.00" },
    });
  });

  it.each([
    // 389 is a self-billed invoice (UNTDID 1001): still a claim, and its terms give no date.
    `${ZUGFERD}/CII/EN16931_Gutschrift.cii.xml`,
    `${ZUGFERD}/UBL/EN16931_Gutschrift.ubl.xml`,
    `${ZUGFERD}/CII/EN16931_Miete.cii.xml`,
    // Two instalment dates: no single due date, so the statutory default applies.
    `${ZUGFERD}/CII/EN16931_Kraftfahrversicherung_Bruttopreise.cii.xml`,
  ])("%s: no BT-9 and terms that state no single date → the statutory 30 days", async (file) => {
    const { invoices } = await parse(file);
    const invoice = invoices[0]!;
    expect(invoice.dueDate).toBe(addDays(invoice.issueDate, 30));
  });
});
