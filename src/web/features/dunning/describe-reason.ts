import type { PlannedAction } from "../../../domain/dunning/dunning.schemas";
import { isIsoDate, weekday } from "../../../shared/dates";
import type { MessageKey, Translate } from "../../i18n/messages";
import { describeCondition as describeStepCondition } from "../scenarios/describe-condition";

type ReasonData = PlannedAction["reasonData"];
type ReasonSource = Pick<PlannedAction, "reason" | "stepName" | "scenario"> & { reasonData: ReasonData };

/** The run writes conditions in English words ("invoice amount ≥ 5000.00"): these say them in the reader's. */
const CONDITION_WORDS: readonly [RegExp, MessageKey][] = [
  [/^invoice amount\b/, "dunning.condition.invoice_amount"],
  [/^customer overdue total\b/, "dunning.condition.customer_overdue_total"],
  [/^days past due\b/, "dunning.condition.days_past_due"],
  [/^previous reminders\b/, "dunning.condition.previous_reminders"],
  [/^segment\b/, "dunning.condition.segment"],
  [/^payment method\b/, "dunning.condition.payment_method"],
];
const OPERATOR_WORDS: readonly [RegExp, MessageKey][] = [
  [/ not in /, "dunning.condition.notIn"],
  [/ in /, "dunning.condition.in"],
];

export function describeCondition(t: Translate, condition: string): string {
  let text = condition;
  for (const [pattern, key] of CONDITION_WORDS) text = text.replace(pattern, t(key));
  for (const [pattern, key] of OPERATOR_WORDS) {
    if (pattern.test(text)) return text.replace(pattern, ` ${t(key)} `);
  }
  return text;
}

const REASON_LEVEL = /^invoice (.+?) is (?:(\d+) days past due|due today|due in (\d+) days)(?=;|$)/;
const REASON_STEP = /; scenario (.+?) step (.+?)(?=; |$)/;
const REASON_CONDITIONS = /; condition (.+?) met(?=; |$)/;
const REASON_OTHERS = /; (\d+) other overdue invoices listed/;

/** Reads back the run's own words ("invoice F-1 is 12 days past due; scenario Standard step J+7") when only they are given. */
export function reasonDataFromText(reason: string): ReasonData {
  const level = REASON_LEVEL.exec(reason);
  if (!level) return {};
  const step = REASON_STEP.exec(reason);
  const conditions = REASON_CONDITIONS.exec(reason);
  const others = REASON_OTHERS.exec(reason);
  return {
    invoiceNumber: level[1],
    daysPastDue: level[2] ? Number(level[2]) : level[3] ? -Number(level[3]) : 0,
    scenario: step?.[1],
    step: step?.[2],
    conditions: conditions?.[1] ? conditions[1].split(", ") : [],
    otherInvoices: others ? Number(others[1]) : 0,
  };
}

/**
 * Why an action is planned, in the reader's language: built from the structured reason when it is
 * complete enough (or from the run's words read back), else the server's text as it is. The conditions
 * are said as the scenario editor says them when the run kept them as written (`conditionData`); actions
 * planned before it did have their English words translated.
 */
export function describeReason(t: Translate, action: ReasonSource, locale = "fr-FR"): string {
  const data =
    action.reasonData.invoiceNumber === undefined ? reasonDataFromText(action.reason) : action.reasonData;
  if (data.invoiceNumber === undefined || data.daysPastDue === undefined) return action.reason;
  const days = data.daysPastDue;
  const invoice = data.invoiceNumber;
  let text =
    days > 0
      ? t.plural("dunning.reason.overdue", days, { invoice })
      : days === 0
        ? t("dunning.reason.dueToday", { invoice })
        : t.plural("dunning.reason.notDue", -days, { invoice });
  if (data.otherInvoices && data.otherInvoices > 0) {
    text += t.plural("dunning.reason.otherInvoices", data.otherInvoices);
  }
  text += t("dunning.reason.step", {
    step: data.step ?? action.stepName,
    scenario: data.scenario ?? action.scenario,
  });
  const structured = data.conditionData ?? [];
  if (structured.length > 0) {
    const conditions = structured.map((condition) => describeStepCondition(condition, t, locale)).join(", ");
    text += t("dunning.reason.conditions", { conditions });
  } else if (data.conditions && data.conditions.length > 0) {
    const conditions = data.conditions.map((condition) => describeCondition(t, condition)).join(", ");
    text += t("dunning.reason.conditions", { conditions });
  }
  return text;
}

const HOLIDAY = /^public holiday: (.+)$/;

/** Why nothing goes out on a day: "Jour férié : Fête du Travail", "Week-end", "Jour non travaillé". */
export function describeSkip(t: Translate, date: string, reason: string): string {
  const holiday = HOLIDAY.exec(reason);
  if (holiday) return t("dunning.calendar.holiday", { name: holiday[1] ?? "" });
  if (reason === "not a working day") {
    const isWeekend = isIsoDate(date) && weekday(date) >= 6;
    return t(isWeekend ? "dunning.calendar.weekend" : "dunning.calendar.nonWorkingDay");
  }
  return reason;
}

/** The recipient in words: some actions name a role or a status rather than an address. */
export function describeRecipient(t: Translate, action: Pick<PlannedAction, "type" | "recipient">): string {
  const recipient = action.recipient;
  if (!recipient) return t("common.none");
  if (action.type === "status_change") return t.optional("dunning.accountStatus.", recipient);
  if (recipient === "credit managers") return t("dunning.recipient.creditManagers");
  if (recipient === "litigation") return t("dunning.recipient.litigation");
  return recipient.replace(/\bcredit managers\b/, t("dunning.recipient.creditManagers"));
}

const LAST_MESSAGE = /^last message to this customer on (\d{4}-\d{2}-\d{2}), less than (\d+) days ago$/;

/** Why a customer message is put off (contact pressure), in the reader's language. */
export function describeDeferral(t: Translate, reason: string, formatDay: (date: string) => string): string {
  if (reason === "the customer already gets a message today") return t("dunning.deferred.sameDay");
  const last = LAST_MESSAGE.exec(reason);
  if (last) return t("dunning.deferred.minGap", { date: formatDay(last[1] ?? ""), days: last[2] ?? "" });
  return reason;
}
