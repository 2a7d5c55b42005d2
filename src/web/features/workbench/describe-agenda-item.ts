import type { AgendaItem } from "../../../domain/workbench/agenda.schemas";
import { formatDate, formatMoney } from "../../format";
import type { MessageKey, Translate } from "../../i18n/messages";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The line that says what an agenda item is about, in the interface language. */
export function describeAgendaItem(item: AgendaItem, t: Translate, locale: string): string {
  const money = (amount: string | null) =>
    amount !== null && item.currency ? formatMoney(amount, item.currency, locale) : "";
  const date = formatDate(item.date, locale);
  switch (item.kind) {
    case "task":
      return t("agenda.item.task", { title: item.label ?? "" });
    case "promise_due":
      return t("agenda.item.promise_due", { amount: money(item.amount), date });
    case "promise_broken":
      // The item is dated when the grace ran out; the sentence says the date that was promised.
      return t(item.detail === "partly_kept" ? "agenda.item.promise_partly" : "agenda.item.promise_broken", {
        amount: money(item.amount),
        date: item.label && ISO_DATE.test(item.label) ? formatDate(item.label, locale) : date,
      });
    case "dispute_overdue":
      return t("agenda.item.dispute_overdue", {
        invoice: item.label ?? "",
        amount: money(item.amount),
        date,
      });
    case "delivery_failed":
      return t("agenda.item.delivery_failed", { channel: item.detail ?? "", recipient: item.label ?? "" });
    case "credit_limit":
      return item.detail === "group"
        ? t("agenda.item.credit_limit_group", {
            group: item.label ?? "",
            amount: money(item.amount),
            limit: money(item.limit),
          })
        : t("agenda.item.credit_limit", { amount: money(item.amount), limit: money(item.limit) });
  }
}

/** The task's type as a word, for the badge beside a task. */
export function taskTypeKey(detail: string | null): MessageKey | null {
  if (detail === "call" || detail === "email" || detail === "review") return `agenda.taskType.${detail}`;
  return null;
}
