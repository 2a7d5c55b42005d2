import type { ScenarioAction, ScenarioStep } from "../../../domain/dunning/dunning.schemas";
import type { Translate } from "../../i18n/messages";
import type { AnyCondition } from "./describe-condition";
import { STEP_KEY_PATTERN } from "./scenario-draft";
import type { FieldMessages, StepIssues } from "./scenario-issues";

const DECIMAL = /^\d+(\.\d+)?$/;

/** What the editor can tell before asking the server: missing names, bad keys, incomplete actions. */
export function checkConditions(conditions: readonly AnyCondition[], t: Translate): FieldMessages {
  const messages: FieldMessages = {};
  for (const [index, condition] of conditions.entries()) {
    if ("values" in condition) {
      if (condition.values.length === 0) messages[`conditions.${index}.values`] = t("scenarios.check.values");
    } else if (typeof condition.value === "string" && !DECIMAL.test(condition.value)) {
      messages[`conditions.${index}.value`] = t("scenarios.check.amount");
    }
  }
  return messages;
}

export function checkAction(action: ScenarioAction, t: Translate): FieldMessages {
  const messages = checkConditions(action.conditions, t);
  if ((action.type === "internal_email" || action.type === "alert") && action.recipients.length === 0) {
    messages.recipients = t("scenarios.check.recipients");
  }
  if (action.type === "task") {
    if (!action.taskType) messages.taskType = t("scenarios.check.required");
    if (!action.assigneeRole) messages.assigneeRole = t("scenarios.check.required");
  }
  if (action.type === "status_change" && !action.status) messages.status = t("scenarios.check.required");
  return messages;
}

/** The step's problems, as the server would name them (`key`, `actions.0.recipients` …). */
export function checkStep(step: ScenarioStep, otherKeys: readonly string[], t: Translate): StepIssues {
  const fields = checkConditions(step.conditions, t);
  const key = step.key.trim();
  if (!key) fields.key = t("scenarios.check.required");
  else if (!STEP_KEY_PATTERN.test(key)) fields.key = t("scenarios.check.keyFormat");
  else if (otherKeys.includes(key)) fields.key = t("scenarios.check.keyTaken");
  if (!step.name.trim()) fields.name = t("scenarios.check.required");
  if (!Number.isInteger(step.offsetDays)) fields.offsetDays = t("scenarios.check.required");
  else if (step.from === "previous_step" && step.offsetDays <= 0) {
    fields.offsetDays = t("scenarios.check.afterPrevious");
  }
  if (step.actions.length === 0) fields.actions = t("scenarios.check.actions");
  const actions: Record<number, FieldMessages> = {};
  for (const [index, action] of step.actions.entries()) {
    const found = checkAction(action, t);
    if (Object.keys(found).length > 0) actions[index] = found;
  }
  return { fields, actions };
}

export function hasIssues(issues: StepIssues): boolean {
  return Object.keys(issues.fields).length > 0 || Object.keys(issues.actions).length > 0;
}
