import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import { AGENDA_KINDS } from "../../../domain/workbench/agenda.schemas";
import { CALL_OUTCOMES, DISPUTE_STATUSES } from "../../../domain/workbench/workbench.schemas";
import { formatDate, formatMoney } from "../../format";
import type { Translate } from "../../i18n/messages";
import { oneOf, text } from "../customers/timeline-data";
import type { TimelineText } from "../customers/timeline-text";
import type { ReasonLabeler } from "./dispute-reasons-api";

/** A customer given to another collector; an agenda item put aside until a day, with the reason. */
function describeFollowUp(entry: TimelineEntry, t: Translate, locale: string): TimelineText | null {
  const { data } = entry;
  if (entry.type === "collector_changed") {
    const to = text(data.toName);
    if (!to) return null;
    const from = text(data.fromName);
    return {
      title: from
        ? t("workbench.timeline.collectorChanged", { to, from })
        : t("workbench.timeline.collectorAssigned", { to }),
      details: [],
      invoiceNumbers: [],
    };
  }
  if (entry.type === "agenda_snoozed") {
    const kind = oneOf(AGENDA_KINDS, data.kind);
    const until = text(data.until);
    if (!kind || !until) return null;
    const reason = text(data.reason);
    return {
      title: t("workbench.timeline.snoozed", {
        date: formatDate(until, locale),
        kind: t(`agenda.kind.${kind}`).toLowerCase(),
      }),
      details: reason ? [reason] : [],
      invoiceNumbers: [],
    };
  }
  return null;
}

/**
 * The timeline entries of calls, promises, disputes, reassignments and agenda snoozes in the user's language,
 * read from their data (the server's summary is English). Null for the entries of other modules, or when the
 * data is not understood. `reasonLabel` reads a dispute reason's label from the company's catalogue (the code
 * when absent).
 */
export function describeWorkbenchEntry(
  entry: TimelineEntry,
  t: Translate,
  locale: string,
  reasonLabel: ReasonLabeler = (code) => code,
): TimelineText | null {
  const { data } = entry;
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
      const reason = text(data.reason);
      const amount = money(data.amount);
      if (!reason || !amount) return null;
      const owner = text(data.ownerName);
      const department = text(data.departmentName);
      return {
        title: t("workbench.timeline.disputeOpened", { reason: reasonLabel(reason).toLowerCase(), amount }),
        details: [
          ...(owner ? [t("workbench.timeline.owner", { name: owner })] : []),
          ...(department ? [t("workbench.timeline.department", { name: department })] : []),
          ...notes,
        ],
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
        // Resolving by credit note or rejecting carries the collector's reason: the resolution note.
        details:
          note && (to === "resolved" || to === "rejected")
            ? [t("workbench.timeline.resolutionNote", { note })]
            : notes,
        invoiceNumbers: [],
      };
    }
    default:
      return describeFollowUp(entry, t, locale);
  }
}
