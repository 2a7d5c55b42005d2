import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import {
  CALL_OUTCOMES,
  DISPUTE_REASON_LABELS,
  DISPUTE_REASONS,
  DISPUTE_STATUSES,
} from "../../../domain/workbench/workbench.schemas";
import { formatDate, formatMoney } from "../../format";
import type { Translate } from "../../i18n/messages";
import type { TimelineText } from "../customers/timeline-text";

const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.find((candidate) => candidate === value);

/**
 * The timeline entries of calls, promises and disputes in the user's language, read from their data (the
 * server's summary is English). Null for the entries of other modules, or when the data is not understood.
 */
export function describeWorkbenchEntry(
  entry: TimelineEntry,
  t: Translate,
  locale: string,
): TimelineText | null {
  const { data } = entry;
  const language = locale.startsWith("fr") ? "fr" : "en";
  const currency = text(data.currency);
  const money = (value: unknown) => {
    const amount = text(value);
    return amount && currency ? formatMoney(amount, currency, locale) : undefined;
  };
  const numbers = Array.isArray(data.invoiceNumbers)
    ? data.invoiceNumbers.filter((value): value is string => typeof value === "string")
    : [];
  const note = text(data.note);
  const notes = note ? [note] : [];
  const date = text(data.promisedDate);
  const promised = date ? formatDate(date, locale) : undefined;

  switch (entry.type) {
    case "call": {
      const outcome = oneOf(CALL_OUTCOMES, data.outcome);
      if (!outcome) return null;
      const contact = text(data.contactName);
      const values = { outcome: t(`workbench.call.outcome.${outcome}`).toLowerCase() };
      return {
        title: contact
          ? t("workbench.timeline.callTo", { ...values, contact })
          : t("workbench.timeline.call", values),
        details: notes,
        invoiceNumbers: [],
      };
    }
    case "promise": {
      const amount = money(data.amount);
      if (!amount || !promised) return null;
      return {
        title: t("workbench.timeline.promise", { amount, date: promised }),
        details: notes,
        invoiceNumbers: numbers,
      };
    }
    case "promise_kept":
    case "promise_partly_kept":
    case "promise_broken": {
      const amount = money(data.amount);
      const paid = money(data.paid);
      if (!amount || !paid || !promised) return null;
      const key = `workbench.timeline.${entry.type}` as const;
      return { title: t(key, { amount, paid, date: promised }), details: [], invoiceNumbers: [] };
    }
    case "promise_cancelled":
      return { title: t("workbench.timeline.promiseCancelled"), details: notes, invoiceNumbers: [] };
    case "dispute_opened": {
      const reason = oneOf(DISPUTE_REASONS, data.reason);
      const amount = money(data.amount);
      if (!reason || !amount) return null;
      const owner = text(data.ownerName);
      return {
        title: t("workbench.timeline.disputeOpened", {
          reason: DISPUTE_REASON_LABELS[reason][language].toLowerCase(),
          amount,
        }),
        details: [...(owner ? [t("workbench.timeline.owner", { name: owner })] : []), ...notes],
        invoiceNumbers: [],
      };
    }
    case "dispute_status_changed": {
      const to = oneOf(DISPUTE_STATUSES, data.to);
      if (!to) return null;
      return {
        title: t("workbench.timeline.disputeStatus", {
          status: t(`workbench.dispute.status.${to}`).toLowerCase(),
        }),
        details: notes,
        invoiceNumbers: [],
      };
    }
    default:
      return null;
  }
}
