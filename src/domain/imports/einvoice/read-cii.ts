import type { EInvoiceFields, EInvoiceParty } from "./einvoice.types";
import {
  allScopesAt,
  firstPresent,
  groupOf,
  joinedSourceAt,
  rootScope,
  type Scope,
  scopeAt,
  sourceAt,
  sourceWhere,
} from "./source-value";
import { textAt, type XmlElement } from "./xml-element";

/** ram:SpecifiedTaxRegistration/ram:ID with the given scheme: VA = VAT id, FC = national tax number. */
function taxRegistration(party: Scope, scheme: string) {
  return sourceWhere(
    party,
    ["ram:SpecifiedTaxRegistration", "ram:ID"],
    (element) => element.attributes.schemeID === scheme,
    `@schemeID='${scheme}'`,
  );
}

/** BG-4 seller / BG-7 buyer in the CII binding (ram:SellerTradeParty, ram:BuyerTradeParty). */
function readParty(party: Scope): EInvoiceParty {
  const address = scopeAt(party, "ram:PostalTradeAddress");
  const contact = scopeAt(party, "ram:DefinedTradeContact");
  return {
    group: groupOf(party),
    name: sourceAt(party, "ram:Name"),
    tradingName: sourceAt(party, "ram:SpecifiedLegalOrganization", "ram:TradingBusinessName"),
    id: firstPresent(sourceAt(party, "ram:ID"), sourceAt(party, "ram:GlobalID")),
    legalId: sourceAt(party, "ram:SpecifiedLegalOrganization", "ram:ID"),
    vatId: taxRegistration(party, "VA"),
    email: firstPresent(
      sourceAt(contact, "ram:EmailURIUniversalCommunication", "ram:URIID"),
      sourceWhere(
        party,
        ["ram:URIUniversalCommunication", "ram:URIID"],
        (element) => element.attributes.schemeID === "EM",
        "@schemeID='EM'",
      ),
    ),
    phone: sourceAt(contact, "ram:TelephoneUniversalCommunication", "ram:CompleteNumber"),
    addressLine1: sourceAt(address, "ram:LineOne"),
    addressLine2: sourceAt(address, "ram:LineTwo"),
    addressLine3: sourceAt(address, "ram:LineThree"),
    city: sourceAt(address, "ram:CityName"),
    postalCode: sourceAt(address, "ram:PostcodeCode"),
    country: sourceAt(address, "ram:CountryID"),
  };
}

/** BT-9: the first ram:DueDateDateTime of the (possibly several) payment terms. */
function dueDate(settlement: Scope) {
  const terms = allScopesAt(settlement, "ram:SpecifiedTradePaymentTerms");
  const withDate = terms.find((scope) => textAt(scope.element, "DueDateDateTime", "DateTimeString") !== null);
  return sourceAt(
    withDate ?? terms[0] ?? scopeAt(settlement, "ram:SpecifiedTradePaymentTerms"),
    "ram:DueDateDateTime",
    "udt:DateTimeString",
  );
}

/**
 * Reads a UN/CEFACT Cross Industry Invoice D16B (Factur-X, ZUGFeRD 2.x, XRechnung CII) along the
 * EN 16931-3-3 syntax binding.
 */
export function readCii(root: XmlElement): EInvoiceFields {
  const invoice = rootScope(root, "rsm:CrossIndustryInvoice");
  const document = scopeAt(invoice, "rsm:ExchangedDocument");
  const transaction = scopeAt(invoice, "rsm:SupplyChainTradeTransaction");
  const agreement = scopeAt(transaction, "ram:ApplicableHeaderTradeAgreement");
  const settlement = scopeAt(transaction, "ram:ApplicableHeaderTradeSettlement");
  const totals = scopeAt(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  return {
    syntax: "CII",
    isCreditNoteDocument: false,
    specification: sourceAt(
      invoice,
      "rsm:ExchangedDocumentContext",
      "ram:GuidelineSpecifiedDocumentContextParameter",
      "ram:ID",
    ),
    number: sourceAt(document, "ram:ID"),
    typeCode: sourceAt(document, "ram:TypeCode"),
    issueDate: sourceAt(document, "ram:IssueDateTime", "udt:DateTimeString"),
    dueDate: dueDate(settlement),
    paymentTerms: joinedSourceAt(settlement, "ram:SpecifiedTradePaymentTerms", "ram:Description"),
    currency: sourceAt(settlement, "ram:InvoiceCurrencyCode"),
    totalWithVat: sourceAt(totals, "ram:GrandTotalAmount"),
    prepaid: sourceAt(totals, "ram:TotalPrepaidAmount"),
    amountDue: sourceAt(totals, "ram:DuePayableAmount"),
    paymentReference: sourceAt(settlement, "ram:PaymentReference"),
    purchaseOrder: sourceAt(agreement, "ram:BuyerOrderReferencedDocument", "ram:IssuerAssignedID"),
    buyerReference: sourceAt(agreement, "ram:BuyerReference"),
    precedingInvoice: sourceAt(settlement, "ram:InvoiceReferencedDocument", "ram:IssuerAssignedID"),
    seller: readParty(scopeAt(agreement, "ram:SellerTradeParty")),
    buyer: readParty(scopeAt(agreement, "ram:BuyerTradeParty")),
  };
}
