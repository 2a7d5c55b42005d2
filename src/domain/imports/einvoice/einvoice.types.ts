/**
 * What the CII and UBL readers take out of an e-invoice, before any conversion: raw strings with
 * the path of the element they came from, so that every error names the element (EN 16931
 * business terms BT-xx, business groups BG-xx).
 */
export type SourceValue = {
  value: string | null;
  /** The element's path in the syntax, e.g. /rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID. */
  path: string;
  /** CII date format (qualifier 102 = CCYYMMDD), UBL currencyID, schemeID… */
  attributes: Readonly<Record<string, string>>;
};

export type EInvoiceSyntax = "CII" | "UBL";

export type EInvoiceParty = {
  /** BG-4 / BG-7 itself, to tell "no buyer at all" from "a buyer without a name". */
  group: { isPresent: boolean; path: string };
  /** BT-27 seller name / BT-44 buyer name. */
  name: SourceValue;
  /** BT-28 / BT-45 trading name, used when the legal name is absent. */
  tradingName: SourceValue;
  /** BT-29 / BT-46 identifier (the seller's customer number, a GLN…). */
  id: SourceValue;
  /** BT-30 / BT-47 legal registration identifier (SIRET/SIREN, HRB, KvK…). */
  legalId: SourceValue;
  /** BT-31 / BT-48 VAT identifier. */
  vatId: SourceValue;
  /** BT-43 / BT-58 contact email, else BT-34 / BT-49 electronic address with scheme EM. */
  email: SourceValue;
  /** BT-42 / BT-57 contact telephone. */
  phone: SourceValue;
  /** BG-5 / BG-8 postal address: BT-35/50, BT-36/51, BT-162/163, BT-37/52, BT-38/53, BT-40/55. */
  addressLine1: SourceValue;
  addressLine2: SourceValue;
  addressLine3: SourceValue;
  city: SourceValue;
  postalCode: SourceValue;
  country: SourceValue;
};

export type EInvoiceFields = {
  syntax: EInvoiceSyntax;
  /** UBL has a CreditNote root; CII tells credit notes by their type code only. */
  isCreditNoteDocument: boolean;
  /** BT-24 specification identifier (Factur-X profile, XRechnung, Peppol BIS). */
  specification: SourceValue;
  /** BT-1 */ number: SourceValue;
  /** BT-3 (UNTDID 1001) */ typeCode: SourceValue;
  /** BT-2 */ issueDate: SourceValue;
  /** BT-9 */ dueDate: SourceValue;
  /** BT-20, all the terms' texts joined by line breaks. */ paymentTerms: SourceValue;
  /** BT-5 */ currency: SourceValue;
  /** BT-112 invoice total amount with VAT */ totalWithVat: SourceValue;
  /** BT-113 */ prepaid: SourceValue;
  /** BT-115 amount due for payment */ amountDue: SourceValue;
  /** BT-83 remittance information */ paymentReference: SourceValue;
  /** BT-13 */ purchaseOrder: SourceValue;
  /** BT-10 */ buyerReference: SourceValue;
  /** BT-25, the invoice a credit note corrects. */ precedingInvoice: SourceValue;
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
};

/** Records one problem of the document: the business term (BT-1…), where it was read, why. */
export type ReportIssue = (term: string, source: SourceValue, message: string) => void;
