import type {
  ACCOUNT_STATUSES,
  ActionType,
  ASSIGNEE_ROLES,
  INTERNAL_RECIPIENTS,
  RuleCondition,
  StepCondition,
  TASK_PRIORITIES,
  TASK_TYPES,
} from "../../../domain/dunning/dunning.schemas";

// Values, not imports of the schemas' constants: the web bundle does not pull zod in for a few lists.
// The records make TypeScript flag a value added to the schemas and missing here.

export type InternalRecipient = (typeof INTERNAL_RECIPIENTS)[number];
export type AssigneeRole = (typeof ASSIGNEE_ROLES)[number];
export type TaskType = (typeof TASK_TYPES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type StepConditionField = StepCondition["field"];
export type RuleConditionField = RuleCondition["field"];

/** What an action of each type can be told: the editor shows these fields and sends only these. */
export type ActionField = "template" | "contactRoles" | "cc" | "recipients" | "task" | "status" | "title";

export const ACTION_FIELDS: Record<ActionType, readonly ActionField[]> = {
  email: ["template", "contactRoles", "cc"],
  statement: ["template", "contactRoles", "cc"],
  sms: ["template", "contactRoles"],
  letter: ["template", "contactRoles"],
  internal_email: ["template", "recipients"],
  alert: ["recipients", "title"],
  task: ["task", "title"],
  status_change: ["status"],
  interest: [],
  litigation: [],
};

export const ACTION_TYPE_OPTIONS = Object.keys(ACTION_FIELDS) as ActionType[];

const RECIPIENTS: Record<InternalRecipient, true> = {
  collector: true,
  sales_rep: true,
  collection_department: true,
  credit_manager: true,
};
export const RECIPIENT_OPTIONS = Object.keys(RECIPIENTS) as InternalRecipient[];

const ASSIGNEES: Record<AssigneeRole, true> = { collector: true, sales_rep: true, credit_manager: true };
export const ASSIGNEE_OPTIONS = Object.keys(ASSIGNEES) as AssigneeRole[];

const TASKS: Record<TaskType, true> = { call: true, email: true, review: true };
export const TASK_TYPE_OPTIONS = Object.keys(TASKS) as TaskType[];

const PRIORITIES: Record<TaskPriority, true> = { low: true, normal: true, high: true };
export const PRIORITY_OPTIONS = Object.keys(PRIORITIES) as TaskPriority[];

const STATUSES: Record<AccountStatus, true> = { normal: true, credit_hold: true, litigation: true };
export const STATUS_OPTIONS = Object.keys(STATUSES) as AccountStatus[];

/** Contact roles of the customers' contacts (an open list: other roles may come from imports). */
export const CONTACT_ROLE_OPTIONS = ["accounts_payable", "finance_manager", "purchasing", "other"] as const;

/** Payment methods the ledger knows (an open list). */
export const PAYMENT_METHOD_OPTIONS = ["transfer", "direct_debit", "cheque", "card", "cash"] as const;

/** Usual risk classes (an open list). */
export const RISK_CLASS_OPTIONS = ["A", "B", "C", "D", "E"] as const;

/** How the condition builder edits a field's value. */
export type ConditionKind = "amount" | "number" | "text" | "boolean";
export type ConditionOp = "gte" | "lt" | "eq" | "in" | "not_in";

export const OPS_BY_KIND: Record<ConditionKind, readonly ConditionOp[]> = {
  amount: ["gte", "lt"],
  number: ["gte", "lt", "eq"],
  text: ["in", "not_in"],
  boolean: ["eq"],
};

export const STEP_CONDITION_KINDS: Record<StepConditionField, ConditionKind> = {
  invoice_amount: "amount",
  customer_overdue_total: "amount",
  days_past_due: "number",
  previous_reminders: "number",
  segment: "text",
  payment_method: "text",
};

export const RULE_CONDITION_KINDS: Record<RuleConditionField, ConditionKind> = {
  segment: "text",
  country: "text",
  payment_terms: "text",
  risk_class: "text",
  payment_method: "text",
  open_amount: "amount",
  max_invoice_amount: "amount",
  is_strategic: "boolean",
};

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
