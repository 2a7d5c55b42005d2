import type { ScenarioAction } from "../../../domain/dunning/dunning.schemas";
import type { Translate } from "../../i18n/messages";
import { describeConditions } from "./describe-condition";

function names(values: readonly string[], translate: (value: string) => string, locale: string): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(values.map(translate));
}

/** Who a customer message goes to: the contact roles, or every contact with an address. */
function contacts(action: ScenarioAction, t: Translate, locale: string): string {
  if (action.contactRoles.length === 0) return t("scenarios.action.allContacts");
  return t("scenarios.action.to", {
    who: names(
      action.contactRoles,
      (role) => t.optional("contactRole.", role).toLocaleLowerCase(locale),
      locale,
    ),
  });
}

function recipients(values: readonly string[], t: Translate, locale: string): string {
  return names(
    values,
    (value) => t.optional("scenarios.recipient.", value).toLocaleLowerCase(locale),
    locale,
  );
}

/**
 * An action in a few words: the type as title, then details ("à comptabilité fournisseurs",
 * "copie : commercial", "modèle standard.d+7", "si Montant de la facture : au moins 5 000").
 */
export function describeAction(
  action: ScenarioAction,
  t: Translate,
  locale: string,
): { title: string; details: string[] } {
  const details: string[] = [];
  switch (action.type) {
    case "email":
    case "statement":
    case "sms":
    case "letter":
      details.push(contacts(action, t, locale));
      if (action.cc.length > 0)
        details.push(t("scenarios.action.ccTo", { who: recipients(action.cc, t, locale) }));
      break;
    case "internal_email":
    case "alert":
      if (action.recipients.length > 0) {
        details.push(t("scenarios.action.to", { who: recipients(action.recipients, t, locale) }));
      }
      break;
    case "task":
      if (action.taskType) details.push(t(`scenarios.taskType.${action.taskType}`));
      if (action.assigneeRole) {
        details.push(t("scenarios.action.assignee", { who: recipients([action.assigneeRole], t, locale) }));
      }
      if (action.priority) details.push(t(`scenarios.priority.${action.priority}`));
      if (action.dueInDays === 0) details.push(t("scenarios.action.dueToday"));
      else if (action.dueInDays !== undefined)
        details.push(t.plural("scenarios.action.dueIn", action.dueInDays));
      break;
    case "status_change":
      if (action.status) details.push(t(`scenarios.status.${action.status}`));
      break;
    case "interest":
      details.push(t("scenarios.action.interestHint"));
      break;
    case "litigation":
      break;
  }
  if (action.title) details.push(t("scenarios.action.title", { title: action.title }));
  if (action.template) details.push(t("scenarios.action.template", { template: action.template }));
  const conditions = describeConditions(action.conditions, t, locale);
  if (conditions.length > 0) {
    details.push(t("scenarios.action.if", { conditions: conditions.join(t("scenarios.cond.joiner")) }));
  }
  return { title: t(`scenarios.actionType.${action.type}`), details };
}
