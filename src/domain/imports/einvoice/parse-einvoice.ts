import type { EndOfMonthReading } from "../../legal/payment-terms.rules";
import { type ImportIssue, ImportParseError, type ParsedImport } from "../imports.types";
import type { EInvoiceFields } from "./einvoice.types";
import { EMBEDDED_INVOICE_NAMES, extractPdfXml } from "./extract-pdf-xml";
import { mapEInvoice } from "./map-einvoice";
import { readCii } from "./read-cii";
import { readUbl } from "./read-ubl";
import { readXml, type XmlDocument } from "./read-xml";

export type ParseEInvoiceInput = {
  bytes: Uint8Array;
  fileName: string;
  /** Reading of "N jours fin de mois" terms when the due date comes from BT-20 (default A). */
  reading?: EndOfMonthReading;
};

const CII_NAMESPACE = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
const UBL_NAMESPACES: Record<string, string> = {
  Invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  CreditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
};

function fail(column: string, message: string, value?: string): never {
  const issue: ImportIssue = {
    line: 1,
    column,
    field: column,
    message,
    ...(value === undefined ? {} : { value }),
  };
  throw new ImportParseError([issue]);
}

/** A PDF's header must start within its first 1024 bytes (ISO 32000-1, 7.5.2 and implementation note). */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/** The syntax from the root element and its namespace: CII D16B, UBL 2.1 Invoice or CreditNote. */
function readSyntax(document: XmlDocument): EInvoiceFields {
  const { root, namespace } = document;
  if (root.name === "CrossIndustryInvoice" && namespace === CII_NAMESPACE) return readCii(root);
  if (namespace !== null && UBL_NAMESPACES[root.name] === namespace) return readUbl(root);
  const hint =
    root.name === "CrossIndustryDocument"
      ? " (ZUGFeRD 1.0 is not supported: ask for ZUGFeRD 2 / Factur-X)"
      : root.name === "CrossIndustryInvoice" || root.name in UBL_NAMESPACES
        ? ` in namespace ${namespace ?? "(none)"}`
        : "";
  return fail(
    `/${root.name}`,
    `not an e-invoice: the root element is ${root.name}${hint}; expected a UN/CEFACT CrossIndustryInvoice (Factur-X, ZUGFeRD, XRechnung CII) or a UBL 2.1 Invoice or CreditNote`,
  );
}

/**
 * Reads one e-invoice file: a Factur-X / ZUGFeRD PDF (its embedded XML), or a CII or UBL XML.
 * Returns the buyer as customer, the invoice or credit note, the seller and the original file as
 * attachment; throws an ImportParseError listing every problem (line 1, the element's path as
 * column) and yields nothing when there is one.
 */
export async function parseEInvoice(input: ParseEInvoiceInput): Promise<ParsedImport> {
  let xmlBytes = input.bytes;
  let embeddedXmlName: string | null = null;
  const pdf = isPdf(input.bytes);
  if (pdf) {
    const extracted = await extractPdfXml(input.bytes);
    if (extracted.kind === "unreadable") fail("PDF", `the PDF cannot be read: ${extracted.message}`);
    if (extracted.kind === "none") {
      const found = extracted.embeddedFiles.length === 0 ? "none" : extracted.embeddedFiles.join(", ");
      fail(
        "PDF",
        `the PDF has no embedded Factur-X/ZUGFeRD XML (looked for ${EMBEDDED_INVOICE_NAMES.join(", ")}; embedded files: ${found})`,
      );
    }
    xmlBytes = extracted.bytes;
    embeddedXmlName = extracted.fileName;
  }
  const xml = readXml(xmlBytes);
  if (!xml.ok) fail(embeddedXmlName ?? "XML", xml.message);
  const fields = readSyntax(xml.document);
  const { parsed, issues } = mapEInvoice(fields, {
    original: {
      fileName: input.fileName,
      mediaType: pdf ? "application/pdf" : "application/xml",
      content: input.bytes,
    },
    embeddedXmlName,
    reading: input.reading ?? "A",
  });
  if (issues.length > 0) throw new ImportParseError(issues);
  return parsed;
}
