import { addDays, type IsoDate } from "../../../shared/dates";
import { isDomainError } from "../../../shared/errors";
import { computeDueDate } from "../../legal/due-date";
import type { EndOfMonthReading } from "../../legal/payment-terms.rules";
import { parseEInvoiceDate } from "./einvoice.rules";
import type { EInvoiceFields, ReportIssue } from "./einvoice.types";

export type ResolveDueDateInput = {
  fields: Pick<EInvoiceFields, "syntax" | "dueDate" | "paymentTerms">;
  issueDate: IsoDate;
  /** False for a credit note or a nothing-left-to-pay invoice (BT-115 ≤ 0). */
  isPayable: boolean;
  reading: EndOfMonthReading;
  report: ReportIssue;
};

/** Days of the statutory default payment period in the EU when a contract sets none. */
const STATUTORY_DEFAULT_DAYS = 30;

/**
 * The due date, in this order:
 * 1. BT-9 payment due date;
 * 2. else the date computed from the BT-20 payment terms text (XRechnung #SKONTO# lines and
 *    discount clauses are ignored, the net terms kept);
 * 3. else, when the buyer owes nothing (credit note, amount due ≤ 0), the issue date: a credit can
 *    be used at once and EN 16931 (BR-CO-25) requires BT-9 or BT-20 only when an amount is due;
 * 4. else the statutory default: 30 days after the invoice (Directive 2011/7/EU art. 3(3)(b)(i),
 *    French Code de commerce L441-10 I), which is what is owed when no period was agreed. Files
 *    such as Factur-X MINIMUM or card-payment receipts carry no terms at all and are valid.
 */
export function resolveDueDate(input: ResolveDueDateInput): IsoDate | null {
  const { fields, issueDate, isPayable, reading, report } = input;
  const due = fields.dueDate;
  if (due.value !== null) {
    const parsed = parseEInvoiceDate(due.value, fields.syntax, due.attributes.format);
    if (parsed.ok) return parsed.value;
    report("BT-9", due, `the payment due date (BT-9) ${parsed.message}`);
    return null;
  }
  const terms = fields.paymentTerms;
  if (terms.value !== null) {
    try {
      return computeDueDate({ invoiceDate: issueDate, terms: terms.value, reading });
    } catch (error) {
      // Terms that cannot be read (instalments, "as per contract") fall to the defaults below.
      if (!isDomainError(error)) throw error;
    }
  }
  return isPayable ? addDays(issueDate, STATUTORY_DEFAULT_DAYS) : issueDate;
}
