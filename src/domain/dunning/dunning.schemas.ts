import { z } from "zod";

/**
 * HTTP API of the dunning module (the routes in *.routes.ts use exactly these paths and schemas).
 *
 * ## Dunning API contract (being implemented right now by the lead in src/domain/dunning/*.routes.ts)
 * All shapes are the zod schemas in src/domain/dunning/dunning.schemas.ts (import the types from there; web code may import `domain/<module>/<module>.schemas.ts` only). Errors: `{ error: { code, message, issues: [{ field, value, message }] } }` (see src/web/api/api-error.ts). Amounts are decimal strings in major units; dates YYYY-MM-DD.
 *
 * Scenarios (write routes: roles admin and credit_manager):
 * - GET  /api/scenarios?companyId=N            → { items: ScenarioSummary[] }
 * - GET  /api/scenarios/:id                      → ScenarioDetail (current version's definition + versions list)
 * - GET  /api/scenarios/:id/versions/:version    → ScenarioDetail with that version's definition
 * - POST /api/scenarios  (CreateScenarioInput)   → 201 ScenarioDetail
 * - PUT  /api/scenarios/:id (UpdateScenarioInput)→ ScenarioDetail (a changed definition makes a new version; `comment` goes in the history)
 * - GET  /api/scenarios/:id/export               → ScenarioDocument (JSON file download)
 * - POST /api/scenarios/import (ImportScenarioInput {companyId, document}) → ScenarioDetail (new scenario, or a new version of the scenario with the same code)
 * - GET  /api/scenarios/:id/customers?page=&pageSize= → { items: [{ id, externalRef, name, segment, source: "override"|"rule"|"default", ruleName }], total, page, pageSize } — the customers this scenario covers today
 * - GET  /api/dunning-rules?companyId=N          → { items: AssignmentRule[] } (ordered by priority; lower first)
 * - POST /api/dunning-rules (SaveRuleInput)      → 201 AssignmentRule
 * - PUT  /api/dunning-rules/:id (SaveRuleInput)  → AssignmentRule
 * - DELETE /api/dunning-rules/:id                → 204
 * - GET  /api/companies/:id/dunning-settings     → DunningSettings
 * - PUT  /api/companies/:id/dunning-settings (DunningSettings) → DunningSettings
 *
 * Run, calendar, review, holds:
 * - POST /api/dunning/run (RunInput)             → RunResult (roles admin/credit_manager; dryRun=true writes nothing)
 * - GET  /api/dunning/calendar?companyId=&date=&days=&customerId= → RunResult (a dry run over `days` days from `date` (default today), every role, collectors/sales see their own customers only). Each RunDay lists actions (PlannedAction[] with `reason` text and structured `reasonData`), `deferred` groups with their reason (contact pressure), and `skipped` (weekend/holiday name) when nothing goes out that day.
 * - GET  /api/dunning/actions?companyId=&customerId=&status=&runDate=&limit= → { items: PlannedAction[] } (newest first)
 * - POST /api/dunning/review (ReviewDecision {ids, decision: approve|skip, note}) → { results: [{ id, status }] }
 * - PATCH /api/dunning/actions/:id (EditActionInput {recipient?, note?}) → PlannedAction (only while pending_review)
 * - GET  /api/customers/:id/dunning             → CustomerDunning (scenario + source, account status, next action with date and reason, active holds (manual, dispute, promise, litigation, credit balance), recent actions)
 * - PUT  /api/customers/:id/scenario (SetScenarioInput {scenarioId: number|null}) → CustomerDunning (null = back to the assignment rules)
 * - POST /api/customers/:id/holds (HoldInput {invoiceIds: [] = whole customer, reason, untilDate?}) → CustomerDunning
 * - POST /api/dunning/holds/:id/release          → CustomerDunning
 *
 * Business meaning (for labels and help texts): a scenario has ordered steps; each step has an offset in days from the due date (negative = before) or from the previous step, optional conditions (invoice amount / customer overdue total ≥ or < a threshold, segment, days past due, number of previous reminders, payment method), a review flag (actions wait in the review queue) and a set of actions (email to the customer with contact roles and CC, SMS, postal letter, account statement, internal email to sales rep/collector/collection department/credit manager, task (call/email/review, assignee role, priority, due in N days), alert in the app, customer status change (credit hold, litigation), late-payment interest and 40 EUR indemnity added to the claim, hand-off to litigation); each action may carry its own conditions. Assignment rules (priority order, first match wins; per-customer override; the default scenario covers the rest). Shipped scenarios: Standard (default), Key accounts (strategic customers), Small invoices. The daily run groups every due step into one message per customer and currency, the level being the most advanced item; contact pressure (minimum days between two messages, one message a day), working days and public holidays, send window; catch-up "latest step only" or "all".
 */
import { DecimalString, IdParam, IsoDateSchema } from "../../shared/schemas";

/**
 * A date in a reply: a plain string. Replies are encoded through their schema, and IsoDateSchema's
 * transform cannot be encoded (every reply carrying one would fail with a 500).
 */
const ReplyDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date in the form YYYY-MM-DD");

/** Conditions on a step or an action, evaluated for each invoice (step) or each customer message (action). */
export const AMOUNT_CONDITION_FIELDS = ["invoice_amount", "customer_overdue_total"] as const;
export const NUMBER_CONDITION_FIELDS = ["days_past_due", "previous_reminders"] as const;
export const TEXT_CONDITION_FIELDS = ["segment", "payment_method"] as const;

export const AmountCondition = z.object({
  field: z.enum(AMOUNT_CONDITION_FIELDS),
  op: z.enum(["gte", "lt"]),
  /** Major units of the invoice's currency, e.g. "5000.00". */
  value: DecimalString,
});
export const NumberCondition = z.object({
  field: z.enum(NUMBER_CONDITION_FIELDS),
  op: z.enum(["gte", "lt", "eq"]),
  value: z.number().int().min(-3650).max(3650),
});
export const TextCondition = z.object({
  field: z.enum(TEXT_CONDITION_FIELDS),
  /** not_in also matches customers where the field is empty. */
  op: z.enum(["in", "not_in"]),
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
});
export const StepCondition = z.union([AmountCondition, NumberCondition, TextCondition]);
export type StepCondition = z.infer<typeof StepCondition>;

export const ACTION_TYPES = [
  "email",
  "sms",
  "letter",
  "statement",
  "internal_email",
  "task",
  "alert",
  "status_change",
  "interest",
  "litigation",
] as const;
export const ActionType = z.enum(ACTION_TYPES);
export type ActionType = z.infer<typeof ActionType>;

/** The actions that reach the customer and count for contact pressure. */
export const CUSTOMER_FACING_TYPES: readonly ActionType[] = ["email", "sms", "letter", "statement"];
/** The actions delivered through the outbox. */
export const MESSAGE_TYPES: readonly ActionType[] = [...CUSTOMER_FACING_TYPES, "internal_email"];
/** The actions carried out at once, in the run's (or the approval's) transaction. */
export const INSTANT_TYPES: readonly ActionType[] = [
  "task",
  "alert",
  "status_change",
  "interest",
  "litigation",
];

export const INTERNAL_RECIPIENTS = [
  "sales_rep",
  "collector",
  "collection_department",
  "credit_manager",
] as const;
export const InternalRecipient = z.enum(INTERNAL_RECIPIENTS);
export const ASSIGNEE_ROLES = ["collector", "sales_rep", "credit_manager"] as const;
export const TASK_TYPES = ["call", "email", "review"] as const;
export const TASK_PRIORITIES = ["low", "normal", "high"] as const;
export const ACCOUNT_STATUSES = ["normal", "credit_hold", "litigation"] as const;
export const AccountStatus = z.enum(ACCOUNT_STATUSES);

export const ScenarioAction = z
  .object({
    type: ActionType,
    /** Template code for communications (e.g. "standard.d7"); the step key is used when absent. */
    template: z.string().trim().min(1).max(100).optional(),
    /** email, sms, letter, statement: contact roles to address (all contacts with an address when empty). */
    contactRoles: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
    /** email, statement: internal copies. */
    cc: z.array(InternalRecipient).max(4).default([]),
    /** internal_email and alert: who receives it. */
    recipients: z.array(InternalRecipient).max(4).default([]),
    taskType: z.enum(TASK_TYPES).optional(),
    assigneeRole: z.enum(ASSIGNEE_ROLES).optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    dueInDays: z.number().int().min(0).max(365).optional(),
    /** status_change: the customer's new account status. */
    status: AccountStatus.optional(),
    /** A short text for tasks and alerts (the step's name when absent). */
    title: z.string().trim().min(1).max(200).optional(),
    conditions: z.array(StepCondition).max(10).default([]),
  })
  .superRefine((action, ctx) => {
    if (action.type === "internal_email" && action.recipients.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["recipients"],
        message: "an internal email needs at least one recipient",
      });
    }
    if (action.type === "task" && (!action.taskType || !action.assigneeRole)) {
      ctx.addIssue({
        code: "custom",
        path: ["taskType"],
        message: "a task needs a task type and an assignee role",
      });
    }
    if (action.type === "status_change" && !action.status) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "a status change needs the new status" });
    }
  });
export type ScenarioAction = z.infer<typeof ScenarioAction>;

export const ScenarioStep = z.object({
  /** Stable key of the step within the scenario, e.g. "d+7". */
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9+\-_.]{1,40}$/, "use lower-case letters, digits and + - _ . (up to 40)"),
  name: z.string().trim().min(1).max(100),
  /** Days from the due date (negative = before it) or from the previous step. */
  offsetDays: z.number().int().min(-365).max(3650),
  from: z.enum(["due_date", "previous_step"]).default("due_date"),
  /** Actions wait in the review queue before they are carried out. */
  review: z.boolean().default(false),
  conditions: z.array(StepCondition).max(10).default([]),
  actions: z.array(ScenarioAction).min(1).max(12),
});
export type ScenarioStep = z.infer<typeof ScenarioStep>;

export const ScenarioDefinition = z.object({
  description: z.string().trim().max(1000).optional(),
  steps: z.array(ScenarioStep).min(1).max(30),
});
export type ScenarioDefinition = z.infer<typeof ScenarioDefinition>;

export const ScenarioSummary = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  code: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  version: z.number().int(),
  stepCount: z.number().int(),
  updatedAt: z.string(),
  /** Customers this scenario covers today (override, rule or default). */
  customerCount: z.number().int(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

export const ScenarioVersionInfo = z.object({
  version: z.number().int(),
  comment: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const ScenarioDetail = ScenarioSummary.extend({
  definition: ScenarioDefinition,
  versions: z.array(ScenarioVersionInfo),
});
export type ScenarioDetail = z.infer<typeof ScenarioDetail>;

export const ScenarioCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/, "use lower-case letters, digits, - and _ (up to 40)");

export const CreateScenarioInput = z.object({
  companyId: IdParam,
  code: ScenarioCode,
  name: z.string().trim().min(1).max(100),
  isDefault: z.boolean().default(false),
  definition: ScenarioDefinition,
});
export type CreateScenarioInput = z.infer<typeof CreateScenarioInput>;

export const UpdateScenarioInput = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  isDefault: z.literal(true).optional(),
  definition: ScenarioDefinition.optional(),
  /** What changed, kept in the version history. */
  comment: z.string().trim().max(500).optional(),
  /** The version the editor started from: a save over someone else's newer version is refused (409). */
  baseVersion: z.number().int().min(1).optional(),
});
export type UpdateScenarioInput = z.infer<typeof UpdateScenarioInput>;

/** The JSON document of `GET /api/scenarios/:id/export`, accepted back by the import. */
export const ScenarioDocument = z.object({
  format: z.literal("encours.scenario"),
  formatVersion: z.literal(1),
  code: ScenarioCode,
  name: z.string().trim().min(1).max(100),
  definition: ScenarioDefinition,
});
export type ScenarioDocument = z.infer<typeof ScenarioDocument>;

export const CoveredCustomer = z.object({
  id: z.number().int(),
  externalRef: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  source: z.enum(["override", "rule", "default"]),
  ruleName: z.string().nullable(),
});
export type CoveredCustomer = z.infer<typeof CoveredCustomer>;
export const CoveredCustomerPage = z.object({
  items: z.array(CoveredCustomer),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CoveredCustomerPage = z.infer<typeof CoveredCustomerPage>;

export const ImportScenarioInput = z.object({ companyId: IdParam, document: ScenarioDocument });

export const RULE_TEXT_FIELDS = [
  "segment",
  "country",
  "payment_terms",
  "risk_class",
  "payment_method",
] as const;
export const RULE_AMOUNT_FIELDS = ["open_amount", "max_invoice_amount"] as const;

export const RuleCondition = z.union([
  z.object({
    field: z.enum(RULE_TEXT_FIELDS),
    op: z.enum(["in", "not_in"]),
    values: TextCondition.shape.values,
  }),
  /** Amounts in major units of the customer's currency. */
  z.object({ field: z.enum(RULE_AMOUNT_FIELDS), op: z.enum(["gte", "lt"]), value: DecimalString }),
  z.object({ field: z.literal("is_strategic"), op: z.literal("eq"), value: z.boolean() }),
]);
export type RuleCondition = z.infer<typeof RuleCondition>;

export const AssignmentRule = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  name: z.string(),
  priority: z.number().int(),
  scenarioId: z.number().int(),
  scenarioName: z.string(),
  conditions: z.array(RuleCondition),
  isEnabled: z.boolean(),
});
export type AssignmentRule = z.infer<typeof AssignmentRule>;

export const SaveRuleInput = z.object({
  companyId: IdParam,
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(100000),
  scenarioId: IdParam,
  conditions: z.array(RuleCondition).min(1).max(10),
  isEnabled: z.boolean().default(true),
});
export type SaveRuleInput = z.infer<typeof SaveRuleInput>;

export const ACTION_STATUSES = ["pending_review", "planned", "done", "skipped", "cancelled"] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Structured reason, so that the web can say it in the reader's language. */
export const ActionReason = z.object({
  invoiceNumber: z.string(),
  daysPastDue: z.number().int(),
  scenario: z.string(),
  step: z.string(),
  conditions: z.array(z.string()),
  /** The same conditions as the scenario writes them (field, operator, value), for a reader's own words. */
  conditionData: z.array(StepCondition),
  otherInvoices: z.number().int(),
});
export type ActionReason = z.infer<typeof ActionReason>;

export const PlannedAction = z.object({
  id: z.number().int(),
  runDate: ReplyDate,
  customer: z.object({ id: z.number().int(), externalRef: z.string(), name: z.string() }),
  companyId: z.number().int(),
  currency: z.string(),
  invoiceNumbers: z.array(z.string()),
  scenario: z.string(),
  scenarioVersion: z.number().int(),
  step: z.string(),
  stepName: z.string(),
  type: ActionType,
  channel: z.string(),
  recipient: z.string().nullable(),
  reason: z.string(),
  reasonData: ActionReason.partial(),
  params: z.record(z.string(), z.unknown()),
  status: ActionStatus,
  statusReason: z.string().nullable(),
  scheduledAt: z.string(),
  /** Amount the message is about: the open total of its invoices, in major units. */
  amount: DecimalString,
});
export type PlannedAction = z.infer<typeof PlannedAction>;

export const ActionListQuery = z.object({
  companyId: IdParam.optional(),
  customerId: IdParam.optional(),
  status: ActionStatus.optional(),
  runDate: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ActionListQuery = z.infer<typeof ActionListQuery>;

export const ReviewDecision = z.object({
  ids: z.array(IdParam).min(1).max(500),
  decision: z.enum(["approve", "skip"]),
  note: z.string().trim().max(500).optional(),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const EditActionInput = z.object({
  recipient: z.string().trim().min(1).max(500).optional(),
  /** A personal message added to the template, or the task's title. */
  note: z.string().trim().max(2000).optional(),
});
export type EditActionInput = z.infer<typeof EditActionInput>;

export const RunInput = z.object({
  companyId: IdParam.optional(),
  date: IsoDateSchema.optional(),
  dryRun: z.boolean().default(false),
  /** Dry run only: the number of days to simulate, from the date on. */
  days: z.number().int().min(1).max(92).default(1),
  customerId: IdParam.optional(),
});
export type RunInput = z.infer<typeof RunInput>;

/** A customer message the run wanted to plan but put off, with why. */
export const DeferredGroup = z.object({
  customer: z.object({ id: z.number().int(), externalRef: z.string(), name: z.string() }),
  currency: z.string(),
  step: z.string(),
  stepName: z.string(),
  reason: z.string(),
  /** gap: less than the minimum days since the last message (lastContact); same_day: one message a day. */
  reasonCode: z.enum(["gap", "same_day"]),
  lastContact: ReplyDate.nullable(),
});

export const RunDay = z.object({
  date: ReplyDate,
  companyId: z.number().int(),
  /** Why nothing is planned on that day (weekend, public holiday), or null. */
  skipped: z.string().nullable(),
  /** The public holiday's name when the day is one. */
  holiday: z.string().nullable(),
  actions: z.array(PlannedAction),
  /** How many actions this run wrote (a dry run counts what it would write). */
  created: z.number().int(),
  deferred: z.array(DeferredGroup),
  cancelled: z.number().int(),
});
export type RunDay = z.infer<typeof RunDay>;

export const RunResult = z.object({
  date: ReplyDate,
  dryRun: z.boolean(),
  days: z.array(RunDay),
});
export type RunResult = z.infer<typeof RunResult>;

export const HoldInput = z.object({
  /** Empty: the whole customer. */
  invoiceIds: z.array(IdParam).max(500).default([]),
  reason: z.string().trim().min(1).max(500),
  untilDate: IsoDateSchema.optional(),
});
export type HoldInput = z.infer<typeof HoldInput>;

export const Hold = z.object({
  id: z.number().int(),
  kind: z.enum(["manual", "dispute", "promise", "litigation", "credit_balance"]),
  invoiceId: z.number().int().nullable(),
  invoiceNumber: z.string().nullable(),
  reason: z.string(),
  untilDate: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Hold = z.infer<typeof Hold>;

export const CustomerDunning = z.object({
  scenario: z
    .object({
      id: z.number().int(),
      name: z.string(),
      version: z.number().int(),
      source: z.enum(["override", "rule", "default"]),
      ruleName: z.string().nullable(),
    })
    .nullable(),
  accountStatus: AccountStatus,
  /** The next action the run would plan, found by simulating the coming days. */
  nextAction: z
    .object({
      date: ReplyDate,
      type: ActionType,
      step: z.string(),
      stepName: z.string(),
      reason: z.string(),
      reasonData: ActionReason.partial(),
    })
    .nullable(),
  holds: z.array(Hold),
  recentActions: z.array(PlannedAction),
});
export type CustomerDunning = z.infer<typeof CustomerDunning>;

export const SetScenarioInput = z.object({ scenarioId: IdParam.nullable() });

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time such as 08:00");

/** The company's dunning settings (defaults in DESIGN.md). */
export const DunningSettings = z
  .object({
    minGapDays: z.number().int().min(0).max(60),
    catchUp: z.enum(["latest", "all"]),
    sendWindowStart: TimeOfDay,
    sendWindowEnd: TimeOfDay,
    /** ISO weekdays, 1 = Monday. */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    promiseGraceDays: z.number().int().min(0).max(60),
    collectionEmail: z.email().nullable(),
  })
  .refine((s) => s.sendWindowStart < s.sendWindowEnd, {
    path: ["sendWindowEnd"],
    message: "the send window must end after it starts",
  });
export type DunningSettings = z.infer<typeof DunningSettings>;
