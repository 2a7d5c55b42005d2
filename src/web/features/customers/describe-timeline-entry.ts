import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import { formatMajor } from "../../../shared/money";
import { formatMoney } from "../../format";
import type { Translate } from "../../i18n/messages";
import { describeWorkbenchEntry } from "../workbench/describe-workbench-entry";
import type { ReasonLabeler } from "../workbench/dispute-reasons-api";
import type { TimelineText } from "./timeline-text";

const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);
const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) ? value : undefined;

/**
 * Reads the entry's `data` for the types this screen knows; anything else keeps its summary. `reasonLabel`
 * names dispute reasons from the company's catalogue.
 */
export function describeTimelineEntry(
  entry: TimelineEntry,
  t: Translate,
  locale: string,
  reasonLabel?: ReasonLabeler,
): TimelineText {
  const workbench = describeWorkbenchEntry(entry, t, locale, reasonLabel);
  if (workbench) return workbench;
  const { data } = entry;
  const invoiceNumbers = Array.isArray(data.invoiceNumbers)
    ? data.invoiceNumbers.filter((value): value is string => typeof value === "string")
    : [];

  if (entry.type === "payment") {
    const amount = text(data.amount);
    const currency = text(data.currency);
    if (amount && currency) {
      const method = text(data.method);
      const reference = text(data.reference);
      const details = [
        method ? t("timeline.paymentMethod", { method: t.optional("paymentMethod.", method) }) : undefined,
        reference ? t("timeline.reference", { reference }) : undefined,
      ].filter((detail): detail is string => detail !== undefined);
      return {
        title: t("timeline.payment", { amount: formatMoney(amount, currency, locale) }),
        details,
        invoiceNumbers,
      };
    }
  }

  if (entry.type === "allocation_reversed") {
    const payment = text(data.paymentRef);
    const currency = text(data.currency);
    const minor = count(data.amountMinor);
    if (payment && currency && minor !== undefined) {
      const amount = formatMoney(formatMajor({ minor, currency }), currency, locale);
      const file = text(data.fileName);
      return {
        title: t("timeline.letteringUndone", { payment, amount }),
        details: file ? [t("timeline.letteringUndoneFile", { file })] : [],
        invoiceNumbers,
      };
    }
  }

  if (entry.type === "import") {
    const items = count(data.invoices);
    const payments = count(data.payments);
    if (items !== undefined && payments !== undefined) {
      const title = t("timeline.importTitle", {
        items: t.plural("timeline.importItems", items + (count(data.creditNotes) ?? 0)),
        payments: t.plural("timeline.importPayments", payments),
      });
      return { title, details: [], invoiceNumbers };
    }
  }

  return { title: entry.summary, details: [], invoiceNumbers };
}
