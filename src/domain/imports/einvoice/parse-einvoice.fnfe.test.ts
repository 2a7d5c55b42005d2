import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../shared/dates";
import type { ParsedImport } from "../imports.types";
import { parseEInvoice } from "./parse-einvoice";

/** The French FNFE-MPE Factur-X examples, as shipped in the ZUGFeRD corpus. */
const FNFE = fileURLToPath(
  new URL(
    "../../../../test/fixtures/einvoice/zugferd-corpus/ZUGFeRDv2/correct/FNFE-factur-x-examples",
    import.meta.url,
  ),
);

function bytesOf(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FNFE, file)));
}

function parse(file: string): Promise<ParsedImport> {
  return parseEInvoice({ bytes: bytesOf(file), fileName: file });
}

describe("parseEInvoice on the FNFE Factur-X examples", () => {
  it("FA-2017-0010: deposit 201.00 deducted, 470.15 due on 2017-12-13", async () => {
    const parsed = await parse(`Facture_FR_BASICWL.pdf`);
    expect(parsed.invoices).toEqual([
      {
        line: 1,
        customerRef: "78787878400035",
        externalRef: "FA-2017-0010",
        number: "FA-2017-0010",
        type: "invoice",
        issueDate: "2017-11-13",
        dueDate: "2017-12-13",
        amountMinor: 67115,
        openAmountMinor: 47015,
        currency: "EUR",
        poNumber: "PO445",
        paymentReference: "FA-2017-0010",
        customFields: {
          einvoice_syntax: "CII",
          einvoice_xml: "factur-x.xml",
          type_code: "380",
          specification: "urn:factur-x.eu:1p0:basicwl",
          prepaid_amount: "201.00",
        },
      },
    ]);
    expect(parsed.customers).toEqual([
      {
        line: 1,
        externalRef: "78787878400035",
        name: "Ma jolie boutique",
        country: "FR",
        addressLine1: "35 rue de la République",
        postalCode: "69001",
        city: "Lyon",
        legalId: "78787878400035",
        vatId: "FR19787878784",
      },
    ]);
    expect(parsed.seller).toEqual({
      name: "Au bon moulin",
      vatId: "FR11999999998",
      legalId: "99999999800010",
    });
    expect(parsed.attachments[0]).toMatchObject({
      invoiceRef: "FA-2017-0010",
      fileName: "Facture_FR_BASICWL.pdf",
      mediaType: "application/pdf",
    });
    expect(parsed.attachments[0]?.content).toEqual(bytesOf("Facture_FR_BASICWL.pdf"));
  });

  it("AV-2017-0005: a credit note (381) of 233.47 for the same customer, referring to FA-2017-0010", async () => {
    const parsed = await parse(`Avoir_FR_type381_BASIC.pdf`);
    expect(parsed.invoices[0]).toMatchObject({
      customerRef: "78787878400035",
      number: "AV-2017-0005",
      type: "credit_note",
      issueDate: "2017-11-16",
      dueDate: "2017-11-16",
      amountMinor: -23347,
      openAmountMinor: -23347,
      paymentReference: "AV-2017-0005",
      customFields: { type_code: "381", preceding_invoice: "FA-2017-0010" },
    });
  });

  it("FA-2017-0008: a Spanish buyer known by its VAT id only", async () => {
    const parsed = await parse(`Facture_UE_BASICWL.pdf`);
    expect(parsed.customers[0]).toMatchObject({
      externalRef: "ESA12345674",
      country: "ES",
      name: "Me gusta olive",
    });
    expect(parsed.invoices[0]).toMatchObject({
      amountMinor: 207676,
      openAmountMinor: 145376,
      dueDate: "2017-12-03",
    });
  });

  it("a MINIMUM profile invoice has neither due date nor terms: the statutory 30 days", async () => {
    const { invoices } = await parse("Facture_FR_MINIMUM.pdf");
    const invoice = invoices[0]!;
    expect(invoice.dueDate).toBe(addDays(invoice.issueDate, 30));
  });
});
