import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { ImportParseError } from "../imports.types";
import { parseEInvoice } from "./parse-einvoice";

const FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/einvoice", import.meta.url));
const ZUGFERD = "zugferd-corpus/XML-Rechnung";
const FNFE = "zugferd-corpus/ZUGFeRDv2/correct/FNFE-factur-x-examples";

function bytesOf(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, file)));
}

async function issuesOf(promise: Promise<unknown>): Promise<ImportParseError["issues"]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportParseError);
  return (error as ImportParseError).issues;
}

describe("parseEInvoice on broken files", () => {
  const einfach = readFileSync(path.join(FIXTURES, `${ZUGFERD}/CII/EN16931_Einfach.cii.xml`), "utf8");
  const xml = (text: string) =>
    parseEInvoice({ bytes: new TextEncoder().encode(text), fileName: "broken.xml" });

  it("refuses truncated XML", async () => {
    const issues = await issuesOf(xml(einfach.slice(0, einfach.length / 2)));
    expect(issues).toEqual([
      expect.objectContaining({ line: 1, column: "XML", message: expect.stringMatching(/not well-formed/) }),
    ]);
  });

  it("refuses a file that is not XML", async () => {
    const issues = await issuesOf(xml("number;amount\n471102;529.87\n"));
    expect(issues[0]?.message).toBe("the file is not an XML document");
  });

  it("refuses an XML document that is not an invoice, naming its root", async () => {
    const issues = await issuesOf(
      xml(
        '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>',
      ),
    );
    expect(issues[0]).toMatchObject({
      column: "/Document",
      message: expect.stringMatching(/^not an e-invoice: the root element is Document/),
    });
  });

  it("refuses a CrossIndustryInvoice in a foreign namespace", async () => {
    const issues = await issuesOf(
      xml(einfach.replace(/CrossIndustryInvoice:100/g, "CrossIndustryInvoice:999")),
    );
    expect(issues[0]?.message).toMatch(
      /in namespace urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:999/,
    );
  });

  it("refuses a PDF without embedded XML", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    await document.attach(new TextEncoder().encode("notes"), "notes.txt", { mimeType: "text/plain" });
    const bytes = await document.save();
    const issues = await issuesOf(parseEInvoice({ bytes, fileName: "scan.pdf" }));
    expect(issues).toEqual([
      expect.objectContaining({
        column: "PDF",
        message: expect.stringMatching(
          /^the PDF has no embedded Factur-X\/ZUGFeRD XML .*embedded files: notes\.txt\)$/,
        ),
      }),
    ]);
  });

  it("reads a factur-x.xml attached by other software (pdf-lib) to a PDF", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    await document.attach(new TextEncoder().encode(einfach), "factur-x.xml", { mimeType: "text/xml" });
    const parsed = await parseEInvoice({ bytes: await document.save(), fileName: "invoice.pdf" });
    expect(parsed.invoices[0]).toMatchObject({ number: "471102", amountMinor: 52987, dueDate: "2018-04-04" });
  });

  it("refuses a damaged PDF", async () => {
    const pdf = bytesOf(`${FNFE}/Facture_FR_MINIMUM.pdf`).slice(0, 2000);
    const issues = await issuesOf(parseEInvoice({ bytes: pdf, fileName: "damaged.pdf" }));
    expect(issues[0]?.column).toBe("PDF");
  });

  it("collects every problem of a document before failing", async () => {
    const broken = einfach
      .replace("<ram:ID>471102</ram:ID>", "<ram:ID></ram:ID>")
      .replace(
        'format="102">20180305</udt:DateTimeString>\n    </ram:IssueDateTime>',
        'format="102">20180231</udt:DateTimeString>\n    </ram:IssueDateTime>',
      )
      .replace(
        "<ram:GrandTotalAmount>529.87</ram:GrandTotalAmount>",
        "<ram:GrandTotalAmount>529.875</ram:GrandTotalAmount>",
      )
      .replace(
        "<ram:DuePayableAmount>529.87</ram:DuePayableAmount>",
        "<ram:DuePayableAmount>12,5 EUR</ram:DuePayableAmount>",
      )
      .replace(/<ram:BuyerTradeParty>[\s\S]*<\/ram:BuyerTradeParty>/, "");
    const issues = await issuesOf(xml(broken));
    expect(issues.map((i) => [i.field, i.value])).toEqual([
      ["BT-1", undefined],
      ["BT-2", "20180231"],
      ["BT-112", "529.875"],
      ["BT-115", "12,5 EUR"],
      ["BG-7", undefined],
    ]);
    expect(issues.every((i) => i.line === 1)).toBe(true);
    expect(issues[0]?.column).toBe("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID");
    expect(issues[2]?.message).toMatch(/more than 2 decimals/);
  });

  it("refuses an amount in another currency than the invoice's", async () => {
    const ubl = readFileSync(path.join(FIXTURES, `${ZUGFERD}/UBL/EN16931_Einfach.ubl.xml`), "utf8");
    const issues = await issuesOf(
      xml(ubl.replace('<cbc:PayableAmount currencyID="EUR">', '<cbc:PayableAmount currencyID="USD">')),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        field: "BT-115",
        column: "/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount",
        message: "BT-115 is in USD, the invoice currency (BT-5) is EUR",
      }),
    ]);
  });
});
