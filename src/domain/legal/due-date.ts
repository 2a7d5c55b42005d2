import { compareDates, type IsoDate, isIsoDate } from "../../shared/dates";
import { validationError } from "../../shared/errors";
import { applyPaymentTerms, type EndOfMonthReading, parsePaymentTerms } from "./payment-terms.rules";

export type ComputeDueDateInput = { invoiceDate: IsoDate; terms: string; reading?: EndOfMonthReading };

/**
 * Due date of an invoice from its payment terms ("45 jours fin de mois", "net 30", "30 Tage netto").
 * Throws a VALIDATION error naming the terms when they cannot be read, or when they name a date
 * before the invoice date.
 */
export function computeDueDate(input: ComputeDueDateInput): IsoDate {
  const { invoiceDate, terms, reading = "A" } = input;
  if (!isIsoDate(invoiceDate)) {
    throw validationError(`Invoice date "${invoiceDate}" is not a date YYYY-MM-DD`, [
      { field: "invoiceDate", value: invoiceDate, message: "must be a date in the form YYYY-MM-DD" },
    ]);
  }
  const rule = parsePaymentTerms(terms);
  if (rule === null) {
    throw validationError(`Payment terms "${terms}" are not understood`, [
      {
        field: "terms",
        value: terms,
        message:
          'no due date can be read: use e.g. "30 jours net", "45 jours fin de mois", "fin de mois le 10", "net 30", "30 Tage netto", "comptant"',
      },
    ]);
  }
  const dueDate = applyPaymentTerms(rule, invoiceDate, reading);
  if (compareDates(dueDate, invoiceDate) < 0) {
    throw validationError(`Payment terms "${terms}" give a due date before the invoice date`, [
      { field: "terms", value: terms, message: `${dueDate} is before the invoice date ${invoiceDate}` },
    ]);
  }
  return dueDate;
}
