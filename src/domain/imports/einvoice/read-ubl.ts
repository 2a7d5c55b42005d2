import type { EInvoiceFields, EInvoiceParty, SourceValue } from "./einvoice.types";
import {
  allScopesAt,
  firstPresent,
  firstTextAt,
  groupOf,
  joinedSourceAt,
  rootScope,
  type Scope,
  scopeAt,
  sourceAt,
  sourceWhere,
} from "./source-value";
import { textAt, type XmlElement } from "./xml-element";

/** cac:PartyTaxScheme whose cac:TaxScheme/cbc:ID is VAT: its cbc:CompanyID is BT-31 / BT-48. */
function vatId(party: Scope): SourceValue {
  const condition = "[cac:TaxScheme/cbc:ID='VAT']";
  const schemes = allScopesAt(party, "cac:PartyTaxScheme");
  const vat = schemes.find((scope) => textAt(scope.element, "TaxScheme", "ID")?.toUpperCase() === "VAT");
  const scope = vat ?? { element: undefined, path: `${party.path}/cac:PartyTaxScheme` };
  return sourceAt({ ...scope, path: `${scope.path}${condition}` }, "cbc:CompanyID");
}

/** BG-4 seller / BG-7 buyer in the UBL binding (cac:AccountingSupplierParty|CustomerParty/cac:Party). */
function readParty(party: Scope): EInvoiceParty {
  const address = scopeAt(party, "cac:PostalAddress");
  const contact = scopeAt(party, "cac:Contact");
  return {
    group: groupOf(party),
    name: sourceAt(party, "cac:PartyLegalEntity", "cbc:RegistrationName"),
    tradingName: sourceAt(party, "cac:PartyName", "cbc:Name"),
    id: firstTextAt(party, "cac:PartyIdentification", "cbc:ID"),
    legalId: sourceAt(party, "cac:PartyLegalEntity", "cbc:CompanyID"),
    vatId: vatId(party),
    email: firstPresent(
      sourceAt(contact, "cbc:ElectronicMail"),
      sourceWhere(
        party,
        ["cbc:EndpointID"],
        (element) => element.attributes.schemeID === "EM",
        "@schemeID='EM'",
      ),
    ),
    phone: sourceAt(contact, "cbc:Telephone"),
    addressLine1: sourceAt(address, "cbc:StreetName"),
    addressLine2: sourceAt(address, "cbc:AdditionalStreetName"),
    addressLine3: sourceAt(address, "cac:AddressLine", "cbc:Line"),
    city: sourceAt(address, "cbc:CityName"),
    postalCode: sourceAt(address, "cbc:PostalZone"),
    country: sourceAt(address, "cac:Country", "cbc:IdentificationCode"),
  };
}

/** Reads a UBL 2.1 Invoice or CreditNote along the EN 16931-3-2 syntax binding (Peppol BIS 3, XRechnung UBL). */
export function readUbl(root: XmlElement): EInvoiceFields {
  const isCreditNote = root.name === "CreditNote";
  const invoice = rootScope(root, root.name);
  const totals = scopeAt(invoice, "cac:LegalMonetaryTotal");
  return {
    syntax: "UBL",
    isCreditNoteDocument: isCreditNote,
    specification: sourceAt(invoice, "cbc:CustomizationID"),
    number: sourceAt(invoice, "cbc:ID"),
    typeCode: sourceAt(invoice, isCreditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode"),
    issueDate: sourceAt(invoice, "cbc:IssueDate"),
    // A UBL CreditNote has no cbc:DueDate: EN 16931 puts its BT-9 in cac:PaymentMeans/cbc:PaymentDueDate.
    dueDate: firstPresent(
      sourceAt(invoice, "cbc:DueDate"),
      firstTextAt(invoice, "cac:PaymentMeans", "cbc:PaymentDueDate"),
    ),
    paymentTerms: joinedSourceAt(invoice, "cac:PaymentTerms", "cbc:Note"),
    currency: sourceAt(invoice, "cbc:DocumentCurrencyCode"),
    totalWithVat: sourceAt(totals, "cbc:TaxInclusiveAmount"),
    prepaid: sourceAt(totals, "cbc:PrepaidAmount"),
    amountDue: sourceAt(totals, "cbc:PayableAmount"),
    paymentReference: firstTextAt(invoice, "cac:PaymentMeans", "cbc:PaymentID"),
    purchaseOrder: sourceAt(invoice, "cac:OrderReference", "cbc:ID"),
    buyerReference: sourceAt(invoice, "cbc:BuyerReference"),
    precedingInvoice: firstTextAt(invoice, "cac:BillingReference", "cac:InvoiceDocumentReference", "cbc:ID"),
    seller: readParty(scopeAt(invoice, "cac:AccountingSupplierParty", "cac:Party")),
    buyer: readParty(scopeAt(invoice, "cac:AccountingCustomerParty", "cac:Party")),
  };
}
