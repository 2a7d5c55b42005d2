import type { CustomerRecord } from "../imports.types";
import { buyerExternalRef, singleLine } from "./einvoice.rules";
import type { EInvoiceParty, ReportIssue } from "./einvoice.types";

/** Only what the invoice states: an absent e-mail must not erase the one a collector typed. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

/**
 * BG-7 buyer → the customer (debtor) account. The external reference follows buyerExternalRef:
 * BT-46, else BT-47, else BT-48, else the normalised BT-44 name.
 */
export function mapBuyer(buyer: EInvoiceParty, report: ReportIssue): CustomerRecord | null {
  if (!buyer.group.isPresent) {
    report(
      "BG-7",
      { value: null, path: buyer.group.path, attributes: {} },
      "the invoice names no buyer (BG-7)",
    );
    return null;
  }
  const name = singleLine(buyer.name.value ?? buyer.tradingName.value);
  if (name === null) {
    report("BT-44", buyer.name, "the buyer's name (BT-44) is missing");
    return null;
  }
  const externalRef = buyerExternalRef({
    id: buyer.id.value,
    legalId: buyer.legalId.value,
    vatId: buyer.vatId.value,
    name,
  });
  if (externalRef === null) {
    report("BT-44", buyer.name, "the buyer has no identifier (BT-46, BT-47, BT-48) and no usable name");
    return null;
  }
  const extraLines = [buyer.addressLine2.value, buyer.addressLine3.value].filter((line) => line !== null);
  return {
    line: 1,
    externalRef,
    name,
    ...defined({
      country: buyer.country.value?.toUpperCase(),
      email: buyer.email.value?.replace(/^mailto:/i, ""),
      phone: buyer.phone.value,
      addressLine1: buyer.addressLine1.value,
      addressLine2: extraLines.length > 0 ? extraLines.join(", ") : null,
      postalCode: buyer.postalCode.value,
      city: buyer.city.value,
      legalId: buyer.legalId.value,
      vatId: buyer.vatId.value,
    }),
  };
}
