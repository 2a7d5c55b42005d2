/** Field → message, for the fields of one step or one action. */
export type FieldMessages = Record<string, string>;

export type StepIssues = {
  /** Step fields: "name", "key", "offsetDays", "conditions.1.value", "actions" … */
  fields: FieldMessages;
  /** Action index → its fields: "recipients", "taskType", "conditions.0.values" … */
  actions: Record<number, FieldMessages>;
};

/** The API's validation issues, placed next to what they are about. */
export type ScenarioIssues = {
  /** Issues about the scenario itself ("name", "definition.description", "definition.steps"). */
  top: FieldMessages;
  steps: Record<number, StepIssues>;
};

export const NO_ISSUES: ScenarioIssues = { top: {}, steps: {} };

type Issue = { field: string; message: string };

const STEP_PATH = /(?:^|\.)steps\.(\d+)(?:\.(.+))?$/;
const ACTION_PATH = /^actions\.(\d+)(?:\.(.+))?$/;

/** `definition.steps.2.actions.0.recipients` → step 2, action 0, field `recipients`. */
export function parseIssueField(field: string): {
  step: number | null;
  action: number | null;
  field: string;
} {
  const step = STEP_PATH.exec(field);
  if (!step) return { step: null, action: null, field };
  const rest = step[2] ?? "";
  const action = ACTION_PATH.exec(rest);
  if (!action) return { step: Number(step[1]), action: null, field: rest };
  return { step: Number(step[1]), action: Number(action[1]), field: action[2] ?? "" };
}

function add(messages: FieldMessages, field: string, message: string): void {
  messages[field] = messages[field] ? `${messages[field]} ; ${message}` : message;
}

export function groupIssues(issues: readonly Issue[]): ScenarioIssues {
  const grouped: ScenarioIssues = { top: {}, steps: {} };
  for (const issue of issues) {
    const target = parseIssueField(issue.field);
    if (target.step === null) {
      add(grouped.top, target.field, issue.message);
      continue;
    }
    grouped.steps[target.step] ??= { fields: {}, actions: {} };
    const step = grouped.steps[target.step]!;
    if (target.action === null) {
      add(step.fields, target.field, issue.message);
      continue;
    }
    const fields = step.actions[target.action] ?? {};
    step.actions[target.action] = fields;
    add(fields, target.field, issue.message);
  }
  return grouped;
}

/** The messages whose field is `prefix` or lies under it (`conditions` → `conditions.0.value`). */
export function messagesUnder(messages: FieldMessages | undefined, prefix: string): string[] {
  if (!messages) return [];
  return Object.entries(messages)
    .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}

export function countIssues(issues: StepIssues | undefined): number {
  if (!issues) return 0;
  const actions = Object.values(issues.actions).reduce((sum, fields) => sum + Object.keys(fields).length, 0);
  return Object.keys(issues.fields).length + actions;
}

/** The messages under `prefix`, their fields relative to it (`conditions` → `0.value`). */
export function subMessages(messages: FieldMessages | undefined, prefix: string): FieldMessages {
  const found: FieldMessages = {};
  for (const [field, message] of Object.entries(messages ?? {})) {
    if (field.startsWith(`${prefix}.`)) found[field.slice(prefix.length + 1)] = message;
  }
  return found;
}
