import type { FieldIssue } from "../../shared/errors";
import {
  type ActionType,
  CUSTOMER_FACING_TYPES,
  type ScenarioAction,
  type ScenarioDefinition,
  type ScenarioStep,
  type StepCondition,
} from "./dunning.schemas";

/** "D−5", "D+0", "D+7", or "+7 d" for a step counted from the previous one. */
export function stepLabel(step: Pick<ScenarioStep, "offsetDays" | "from">): string {
  if (step.from === "previous_step") return `+${step.offsetDays} d`;
  return step.offsetDays < 0 ? `D${step.offsetDays}` : `D+${step.offsetDays}`;
}

/**
 * Days from the due date at which each step falls when every previous step happened on time.
 * The run relies on these being strictly increasing: a later step is always a more advanced level.
 */
export function cumulativeOffsets(steps: readonly Pick<ScenarioStep, "offsetDays" | "from">[]): number[] {
  const offsets: number[] = [];
  for (const [index, step] of steps.entries()) {
    const previous = index === 0 ? 0 : (offsets[index - 1] ?? 0);
    offsets.push(step.from === "previous_step" && index > 0 ? previous + step.offsetDays : step.offsetDays);
  }
  return offsets;
}

/** Checks what zod cannot: unique step keys and steps in time order. */
export function checkDefinition(definition: ScenarioDefinition, path = "definition"): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const offsets = cumulativeOffsets(definition.steps);
  for (const [index, step] of definition.steps.entries()) {
    if (seen.has(step.key)) {
      issues.push({
        field: `${path}.steps.${index}.key`,
        value: step.key,
        message: "two steps have this key",
      });
    }
    seen.add(step.key);
    if (step.from === "previous_step" && step.offsetDays <= 0) {
      issues.push({
        field: `${path}.steps.${index}.offsetDays`,
        value: step.offsetDays,
        message: "a step counted from the previous one must come at least one day after it",
      });
    }
    const current = offsets[index] ?? 0;
    const previous = offsets[index - 1];
    if (index > 0 && previous !== undefined && current <= previous) {
      issues.push({
        field: `${path}.steps.${index}.offsetDays`,
        value: step.offsetDays,
        message: `steps must be in time order: this one falls on ${stepLabel({ offsetDays: current, from: "due_date" })}, not after the previous step`,
      });
    }
  }
  return issues;
}

const FIELD_WORDS: Record<StepCondition["field"], string> = {
  invoice_amount: "invoice amount",
  customer_overdue_total: "customer overdue total",
  days_past_due: "days past due",
  previous_reminders: "previous reminders",
  segment: "segment",
  payment_method: "payment method",
};
const OP_WORDS: Record<string, string> = { gte: "≥", lt: "<", eq: "=", in: "in", not_in: "not in" };

/** "condition invoice amount ≥ 5000.00 met": the words the run writes into a reason. */
export function describeCondition(condition: StepCondition): string {
  const value = "values" in condition ? condition.values.join(", ") : String(condition.value);
  return `${FIELD_WORDS[condition.field]} ${OP_WORDS[condition.op]} ${value}`;
}

export function isCustomerFacing(type: ActionType): boolean {
  return CUSTOMER_FACING_TYPES.includes(type);
}

const CHANNELS: Record<ActionType, string> = {
  email: "email",
  statement: "email",
  sms: "sms",
  letter: "letter",
  internal_email: "email",
  task: "task",
  alert: "app",
  status_change: "app",
  interest: "app",
  litigation: "app",
};

export function channelOf(action: Pick<ScenarioAction, "type">): string {
  return CHANNELS[action.type];
}
