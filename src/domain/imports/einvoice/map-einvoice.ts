import { isCurrencyCode } from "../../../shared/currencies";
import type { IsoDate } from "../../../shared/dates";
import { formatMajor, money } from "../../../shared/money";
import type { EndOfMonthReading } from "../../legal/payment-terms.rules";
import { emptyImport, type ImportIssue, type ParsedImport } from "../imports.types";
import {
  CREDIT_NOTE_TYPE_CODES,
  documentSign,
  parseEInvoiceAmount,
  parseEInvoiceDate,
  singleLine,
} from "./einvoice.rules";
import type { EInvoiceFields, ReportIssue, SourceValue } from "./einvoice.types";
import { mapBuyer } from "./map-buyer";
import { resolveDueDate } from "./resolve-due-date";

export type MapEInvoiceOptions = {
  /** The file as received (PDF or XML): kept with the invoice. */
  original: { fileName: string; mediaType: string; content: Uint8Array };
  /** Name of the XML inside a PDF (factur-x.xml…), for the record. */
  embeddedXmlName?: string | null;
  reading?: EndOfMonthReading;
};

export type MapEInvoiceResult = { parsed: ParsedImport; issues: ImportIssue[] };

function required(term: string, label: string, source: SourceValue, report: ReportIssue): string | null {
  if (source.value === null) report(term, source, `the ${label} (${term}) is missing`);
  return source.value;
}

/** BT-112/113/115 in minor units; a currencyID other than BT-5 would mix two currencies. */
function amountOf(term: string, source: SourceValue, currency: string, report: ReportIssue): number | null {
  if (source.value === null) return null;
  const declared = source.attributes.currencyID;
  if (declared !== undefined && declared !== currency) {
    report(term, source, `${term} is in ${declared}, the invoice currency (BT-5) is ${currency}`);
    return null;
  }
  const parsed = parseEInvoiceAmount(source.value, currency);
  if (!parsed.ok) report(term, source, `${term} ${parsed.message}`);
  return parsed.ok ? parsed.value : null;
}

function dateOf(
  term: string,
  source: SourceValue,
  fields: EInvoiceFields,
  report: ReportIssue,
): IsoDate | null {
  if (source.value === null) return null;
  const parsed = parseEInvoiceDate(source.value, fields.syntax, source.attributes.format);
  if (!parsed.ok) report(term, source, `${term} ${parsed.message}`);
  return parsed.ok ? parsed.value : null;
}

function customFields(
  fields: EInvoiceFields,
  typeCode: string,
  prepaidMinor: number | null,
  currency: string,
  embeddedXmlName: string | null | undefined,
): Record<string, string> {
  const entries: [string, string | null | undefined][] = [
    ["einvoice_syntax", fields.syntax],
    ["einvoice_xml", embeddedXmlName],
    ["type_code", typeCode],
    ["specification", fields.specification.value],
    ["buyer_reference", fields.buyerReference.value],
    ["preceding_invoice", fields.precedingInvoice.value],
    ["prepaid_amount", prepaidMinor === null ? null : formatMajor(money(prepaidMinor, currency))],
  ];
  return Object.fromEntries(
    entries.filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

type Header = {
  number: string | null;
  typeCode: string | null;
  currency: string | null;
  issueDate: IsoDate | null;
};

/** BT-1, BT-3, BT-5 and BT-2: without them there is no invoice to speak of. */
function readHeader(fields: EInvoiceFields, report: ReportIssue): Header {
  const number = required("BT-1", "invoice number", fields.number, report);
  const typeCode = required("BT-3", "invoice type code", fields.typeCode, report);
  if (typeCode !== null && !/^\d{1,3}$/.test(typeCode)) {
    report("BT-3", fields.typeCode, "the invoice type code (BT-3) is not a UNTDID 1001 code");
  }
  const currencyText = required("BT-5", "invoice currency code", fields.currency, report);
  const currency = currencyText !== null && isCurrencyCode(currencyText) ? currencyText : null;
  if (currencyText !== null && currency === null) {
    report(
      "BT-5",
      fields.currency,
      `the invoice currency (BT-5) "${currencyText}" is not a known ISO 4217 code`,
    );
  }
  required("BT-2", "invoice issue date", fields.issueDate, report);
  return { number, typeCode, currency, issueDate: dateOf("BT-2", fields.issueDate, fields, report) };
}

/**
 * Turns what the CII or UBL reader found into Encours records: one customer (the buyer), one
 * invoice or credit note, the seller for the company check, the original file as attachment.
 * Problems are collected, not thrown: the caller reports them all at once.
 */
export function mapEInvoice(fields: EInvoiceFields, options: MapEInvoiceOptions): MapEInvoiceResult {
  const issues: ImportIssue[] = [];
  const report: ReportIssue = (term, source, message) =>
    issues.push({ line: 1, column: source.path, field: term, value: source.value ?? undefined, message });

  const { number, typeCode, currency, issueDate } = readHeader(fields, report);
  required("BT-112", "invoice total amount with VAT", fields.totalWithVat, report);
  const amount = (term: string, source: SourceValue) =>
    currency === null ? null : amountOf(term, source, currency, report);
  const total = amount("BT-112", fields.totalWithVat);
  const prepaid = amount("BT-113", fields.prepaid);
  const due = amount("BT-115", fields.amountDue);
  const customer = mapBuyer(fields.buyer, report);

  const isCreditNote = fields.isCreditNoteDocument || CREDIT_NOTE_TYPE_CODES.has(typeCode ?? "");
  const { type, sign } = documentSign({ isCreditNote, totalMinor: total ?? 0 });
  // Signed like the amount: what the buyer still owes (BT-115), after prepayments (BT-113).
  const openAmountMinor = due === null ? null : sign * due || 0;
  const isPayable = type === "invoice" && (openAmountMinor ?? sign * (total ?? 0)) > 0;
  const dueDate =
    issueDate === null
      ? null
      : resolveDueDate({ fields, issueDate, isPayable, reading: options.reading ?? "A", report });

  const parsed = emptyImport();
  parsed.seller = {
    name: singleLine(fields.seller.name.value ?? fields.seller.tradingName.value),
    vatId: fields.seller.vatId.value,
    legalId: fields.seller.legalId.value,
  };
  if (issues.length > 0 || !number || !typeCode || !currency || !issueDate || !dueDate || total === null) {
    return { parsed, issues };
  }
  if (customer === null) return { parsed, issues };
  parsed.customers.push(customer);
  parsed.invoices.push({
    line: 1,
    customerRef: customer.externalRef,
    externalRef: number,
    number,
    type,
    issueDate,
    dueDate,
    amountMinor: sign * total || 0,
    openAmountMinor,
    currency,
    // BT-13 only: BT-10 is a routing reference (XRechnung's Leitweg-ID), kept as a custom field.
    poNumber: fields.purchaseOrder.value,
    paymentReference: fields.paymentReference.value,
    customFields: customFields(fields, typeCode, prepaid, currency, options.embeddedXmlName),
  });
  parsed.attachments.push({ invoiceRef: number, ...options.original });
  return { parsed, issues };
}
