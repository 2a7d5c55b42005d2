import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import { formatMoney } from "../../format";
import type { Translate } from "../../i18n/messages";
import { oneOf, text, texts } from "../customers/timeline-data";
import type { TimelineText } from "../customers/timeline-text";

const CAUSES = ["undone", "rematched", "returned"] as const;

/**
 * The timeline entries of bank matching in the user's language, read from their data (the server's summary
 * is English): a bank payment matched (or kept as unapplied cash), and a match taken back. Null for the
 * entries of other modules, or when the data lacks what the line needs (rows written before it was kept).
 */
export function describeMatchingEntry(
  entry: TimelineEntry,
  t: Translate,
  locale: string,
): TimelineText | null {
  if (entry.type !== "payment_matched" && entry.type !== "payment_unmatched") return null;
  const { data } = entry;
  const amount = text(data.amount);
  const currency = text(data.currency);
  if (!amount || !currency) return null;
  const money = formatMoney(amount, currency, locale);

  if (entry.type === "payment_matched") {
    const invoiceIds = Array.isArray(data.invoiceIds) ? data.invoiceIds : [];
    const numbers = texts(data.invoiceNumbers);
    if (invoiceIds.length > 0 && (!numbers || numbers.length === 0)) return null;
    const rule = text(data.rule);
    return {
      title: t(invoiceIds.length > 0 ? "matching.timeline.matched" : "matching.timeline.unapplied", {
        amount: money,
      }),
      details: [
        ...(rule
          ? [t("matching.timeline.rule", { rule: t.optional("matching.rule.", rule).toLowerCase() })]
          : []),
        ...(data.automatic === true ? [t("matching.timeline.automatic")] : []),
      ],
      invoiceNumbers: numbers ?? [],
    };
  }

  const cause = oneOf(CAUSES, data.cause);
  if (!cause) return null;
  const reopened = texts(data.reopened) ?? [];
  const reason = text(data.reason);
  const code = text(data.returnCode);
  // A match replaced by hand and a return carry the server's own words as reason: only a person's is shown.
  const why =
    cause === "undone" && reason
      ? t("matching.timeline.reason", { reason })
      : cause === "returned" && code
        ? t("matching.timeline.returnCode", { code })
        : undefined;
  return {
    title: t(`matching.timeline.${cause}`, { amount: money }),
    details: [
      ...(reopened.length > 0
        ? [t.plural("matching.timeline.reopened", reopened.length, { numbers: reopened.join(", ") })]
        : []),
      ...(why ? [why] : []),
    ],
    invoiceNumbers: [],
  };
}
