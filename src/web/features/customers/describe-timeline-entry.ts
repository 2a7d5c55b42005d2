import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import { formatMajor } from "../../../shared/money";
import { formatMoney, isNegativeAmount } from "../../format";
import type { Translate } from "../../i18n/messages";
import { describeCommunicationsEntry } from "../communications/describe-communications-entry";
import { describeDunningEntry } from "../dunning/describe-dunning-entry";
import { describeMatchingEntry } from "../matching/describe-matching-entry";
import { describeWorkbenchEntry } from "../workbench/describe-workbench-entry";
import type { ReasonLabeler } from "../workbench/dispute-reasons-api";
import { count, text, texts } from "./timeline-data";
import type { TimelineText } from "./timeline-text";

/** A change of credit limit (and group), "Plafond de crédit : aucun → 1 500,00 €". */
function describeCreditSettings(
  data: TimelineEntry["data"],
  t: Translate,
  locale: string,
): TimelineText | null {
  const currency = text(data.currency);
  const { before, after } = data;
  if (!currency || typeof before !== "object" || !before || typeof after !== "object" || !after) return null;
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  const none = t("timeline.creditNone");
  const limit = (value: unknown) => {
    const amount = text(value);
    return amount ? formatMoney(amount, currency, locale) : none;
  };
  const limits = { from: limit(was.creditLimit), to: limit(is.creditLimit) };
  const groups = { from: text(was.groupKey) ?? none, to: text(is.groupKey) ?? none };
  const isGroupChanged = groups.from !== groups.to;
  if (limits.from === limits.to && isGroupChanged) {
    return { title: t("timeline.creditGroup", groups), details: [], invoiceNumbers: [] };
  }
  return {
    title: t("timeline.creditLimit", limits),
    details: isGroupChanged ? [t("timeline.creditGroupDetail", groups)] : [],
    invoiceNumbers: [],
  };
}

/** The entries of the customer's own module: payments and imports, lettering from the accounting, credit. */
function describeLedgerEntry(entry: TimelineEntry, t: Translate, locale: string): TimelineText | null {
  const { data } = entry;
  const invoiceNumbers = texts(data.invoiceNumbers) ?? [];
  switch (entry.type) {
    case "payment": {
      const amount = text(data.amount);
      const currency = text(data.currency);
      if (!amount || !currency) return null;
      const method = text(data.method);
      const reference = text(data.reference);
      const details = [
        method ? t("timeline.paymentMethod", { method: t.optional("paymentMethod.", method) }) : undefined,
        reference ? t("timeline.reference", { reference }) : undefined,
      ].filter((detail): detail is string => detail !== undefined);
      // An imported payment below zero is money going back to the customer.
      const title = isNegativeAmount(amount)
        ? t("timeline.refund", { amount: formatMoney(amount.slice(1), currency, locale) })
        : t("timeline.payment", { amount: formatMoney(amount, currency, locale) });
      return { title, details, invoiceNumbers };
    }
    case "allocation_reversed": {
      const payment = text(data.paymentRef);
      const currency = text(data.currency);
      const minor = count(data.amountMinor);
      if (!payment || !currency || minor === undefined) return null;
      const amount = formatMoney(formatMajor({ minor, currency }), currency, locale);
      const file = text(data.fileName);
      return {
        title: t("timeline.letteringUndone", { payment, amount }),
        details: file ? [t("timeline.letteringUndoneFile", { file })] : [],
        invoiceNumbers,
      };
    }
    case "import": {
      const items = count(data.invoices);
      const payments = count(data.payments);
      if (items === undefined || payments === undefined) return null;
      const title = t("timeline.importTitle", {
        items: t.plural("timeline.importItems", items + (count(data.creditNotes) ?? 0)),
        payments: t.plural("timeline.importPayments", payments),
      });
      return { title, details: [], invoiceNumbers };
    }
    case "invoice_closed": {
      const number = text(data.number);
      const file = text(data.fileName);
      if (data.reason !== "absent_from_snapshot" || !number || !file) return null;
      return { title: t("timeline.invoiceClosed", { number, file }), details: [], invoiceNumbers: [] };
    }
    case "credit_settings_changed":
      return describeCreditSettings(data, t, locale);
    default:
      return null;
  }
}

/**
 * An entry in the user's language, read from its `data` by the describer of the module that wrote it; when
 * none understands it (an unknown type, or a row older than the facts its line needs), the server's summary.
 * `reasonLabel` names dispute reasons from the company's catalogue.
 */
export function describeTimelineEntry(
  entry: TimelineEntry,
  t: Translate,
  locale: string,
  reasonLabel?: ReasonLabeler,
): TimelineText {
  return (
    describeLedgerEntry(entry, t, locale) ??
    describeWorkbenchEntry(entry, t, locale, reasonLabel) ??
    describeDunningEntry(entry, t, locale) ??
    describeCommunicationsEntry(entry, t, locale) ??
    describeMatchingEntry(entry, t, locale) ?? {
      title: entry.summary,
      details: [],
      invoiceNumbers: texts(entry.data.invoiceNumbers) ?? [],
    }
  );
}
