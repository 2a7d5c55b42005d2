import type {
  ActionType,
  ScenarioAction,
  ScenarioDefinition,
  ScenarioStep,
} from "../../../domain/dunning/dunning.schemas";
import { cumulativeOffsets } from "./offset-label";
import { ACTION_FIELDS, type ActionField } from "./scenario-vocabulary";

export const STEP_KEY_PATTERN = /^[a-z0-9+\-_.]{1,40}$/;
export const SCENARIO_CODE_PATTERN = /^[a-z0-9_-]{1,40}$/;
export const MAX_STEPS = 30;
export const MAX_ACTIONS = 12;
export const MAX_CONDITIONS = 10;

/** The list with the item at `index` moved by `delta` places (unchanged when it would leave the list). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** "d-5", "d+0", "d+7" for a step from the due date, "step-3" otherwise; made unique with a suffix. */
export function suggestStepKey(
  step: Pick<ScenarioStep, "offsetDays" | "from">,
  takenKeys: readonly string[],
  position: number,
): string {
  const base =
    step.from === "due_date"
      ? `d${step.offsetDays < 0 ? "-" : "+"}${Math.abs(step.offsetDays)}`
      : `step-${position + 1}`;
  if (!takenKeys.includes(base)) return base;
  let suffix = 2;
  while (takenKeys.includes(`${base}.${suffix}`)) suffix += 1;
  return `${base}.${suffix}`;
}

/** A new action with what its type needs already chosen, so that it is valid as it comes. */
export function emptyAction(type: ActionType): ScenarioAction {
  const action: ScenarioAction = { type, contactRoles: [], cc: [], recipients: [], conditions: [] };
  switch (type) {
    case "email":
    case "statement":
    case "sms":
    case "letter":
      return { ...action, contactRoles: ["accounts_payable"] };
    case "internal_email":
      return { ...action, recipients: ["sales_rep"] };
    case "alert":
      return { ...action, recipients: ["collector"] };
    case "task":
      return { ...action, taskType: "call", assigneeRole: "collector", priority: "normal", dueInDays: 2 };
    case "status_change":
      return { ...action, status: "credit_hold" };
    default:
      return action;
  }
}

/** A step a week after the last one, with one email. */
export function newStep(steps: readonly ScenarioStep[]): ScenarioStep {
  const offsets = cumulativeOffsets(steps);
  const last = offsets[offsets.length - 1];
  const offsetDays = last === undefined ? 0 : last + 7;
  const key = suggestStepKey(
    { offsetDays, from: "due_date" },
    steps.map((step) => step.key),
    steps.length,
  );
  return {
    key,
    name: "",
    offsetDays,
    from: "due_date",
    review: false,
    conditions: [],
    actions: [emptyAction("email")],
  };
}

const has = (type: ActionType, field: ActionField): boolean => ACTION_FIELDS[type].includes(field);

/** The action with only the fields its type uses (a type changed in the editor leaves no leftovers). */
export function cleanAction(action: ScenarioAction): ScenarioAction {
  const { type } = action;
  const template = action.template?.trim();
  const title = action.title?.trim();
  const cleaned: ScenarioAction = {
    type,
    contactRoles: has(type, "contactRoles") ? action.contactRoles : [],
    cc: has(type, "cc") ? action.cc : [],
    recipients: has(type, "recipients") ? action.recipients : [],
    conditions: action.conditions,
  };
  if (has(type, "template") && template) cleaned.template = template;
  if (has(type, "title") && title) cleaned.title = title;
  if (has(type, "status") && action.status) cleaned.status = action.status;
  if (has(type, "task")) {
    if (action.taskType) cleaned.taskType = action.taskType;
    if (action.assigneeRole) cleaned.assigneeRole = action.assigneeRole;
    if (action.priority) cleaned.priority = action.priority;
    if (action.dueInDays !== undefined) cleaned.dueInDays = action.dueInDays;
  }
  return cleaned;
}

/** What the editor sends: trimmed texts, each action with its type's fields only. */
export function cleanDefinition(definition: ScenarioDefinition): ScenarioDefinition {
  const description = definition.description?.trim();
  return {
    ...(description ? { description } : {}),
    steps: definition.steps.map((step) => ({
      ...step,
      key: step.key.trim(),
      name: step.name.trim(),
      actions: step.actions.map(cleanAction),
    })),
  };
}

/** True when two definitions would be saved the same. */
export function isSameDefinition(a: ScenarioDefinition, b: ScenarioDefinition): boolean {
  return JSON.stringify(cleanDefinition(a)) === JSON.stringify(cleanDefinition(b));
}

/** Where a new step goes so that the steps stay in time order (a step after the previous one: last). */
export function insertionIndex(steps: readonly ScenarioStep[], step: ScenarioStep): number {
  if (step.from === "previous_step") return steps.length;
  const offsets = cumulativeOffsets(steps);
  const after = offsets.findIndex((offset) => offset > step.offsetDays);
  return after === -1 ? steps.length : after;
}
