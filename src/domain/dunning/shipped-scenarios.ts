import type { RuleCondition, ScenarioDefinition } from "./dunning.schemas";

/** A scenario Encours creates for every new company; users edit them like any other. */
export type ShippedScenario = {
  code: string;
  name: string;
  isDefault: boolean;
  definition: ScenarioDefinition;
};

const toPayables = { contactRoles: ["accounts_payable"], cc: [], recipients: [], conditions: [] };
const internal = { contactRoles: [], cc: [], conditions: [] };

/** Standard — the default: from a courtesy email before the due date to the litigation review. */
const STANDARD: ScenarioDefinition = {
  description:
    "Courtesy email before the due date, three emails, a formal notice letter at D+30, then a litigation review.",
  steps: [
    {
      key: "d-5",
      name: "Courtesy reminder",
      offsetDays: -5,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [{ type: "email", template: "standard.d-5", ...toPayables }],
    },
    {
      key: "d+0",
      name: "Due date reminder",
      offsetDays: 0,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [
        { type: "email", template: "standard.d+0", ...toPayables },
        { type: "alert", title: "Invoice due today, not paid", recipients: ["collector"], ...internal },
      ],
    },
    {
      key: "d+7",
      name: "Second reminder",
      offsetDays: 7,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [
        { type: "email", template: "standard.d+7", ...toPayables },
        {
          type: "internal_email",
          template: "internal.sales-rep",
          recipients: ["sales_rep"],
          ...internal,
          conditions: [{ field: "invoice_amount", op: "gte", value: "5000.00" }],
        },
        {
          type: "task",
          taskType: "call",
          assigneeRole: "collector",
          priority: "normal",
          dueInDays: 2,
          title: "Call the customer about the overdue invoices",
          recipients: [],
          ...internal,
        },
      ],
    },
    {
      key: "d+14",
      name: "Third reminder: late-payment penalties",
      offsetDays: 14,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [
        { type: "email", template: "standard.d+14", ...toPayables },
        { type: "interest", recipients: [], ...internal },
        {
          type: "alert",
          title: "Handed over to the collection department",
          recipients: ["collector"],
          ...internal,
        },
        {
          type: "internal_email",
          template: "internal.collection",
          recipients: ["collection_department"],
          ...internal,
        },
        {
          type: "task",
          taskType: "call",
          assigneeRole: "collector",
          priority: "high",
          dueInDays: 2,
          title: "Follow up: penalties announced",
          recipients: [],
          ...internal,
        },
      ],
    },
    {
      key: "d+30",
      name: "Formal notice",
      offsetDays: 30,
      from: "due_date",
      // A formal notice commits the company: a credit manager approves each one before it is sent.
      review: true,
      conditions: [],
      actions: [{ type: "letter", template: "standard.formal-notice", ...toPayables }],
    },
    {
      key: "d+45",
      name: "Litigation review",
      offsetDays: 45,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [
        {
          type: "task",
          taskType: "review",
          assigneeRole: "credit_manager",
          priority: "high",
          dueInDays: 5,
          title: "Decide on litigation",
          recipients: [],
          ...internal,
        },
      ],
    },
  ],
};

/** Key accounts — strategic customers get a statement and a call, never an automatic reminder email. */
const KEY_ACCOUNTS: ScenarioDefinition = {
  description: "Account statement at the due date, a call at D+3, the sales rep informed at D+10.",
  steps: [
    {
      key: "d+0",
      name: "Account statement",
      offsetDays: 0,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [{ type: "statement", template: "key-accounts.statement", ...toPayables }],
    },
    {
      key: "d+3",
      name: "Call the customer",
      offsetDays: 3,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [
        {
          type: "task",
          taskType: "call",
          assigneeRole: "collector",
          priority: "high",
          dueInDays: 1,
          title: "Call the key account about its overdue invoices",
          recipients: [],
          ...internal,
        },
      ],
    },
    {
      key: "d+10",
      name: "Inform the sales rep",
      offsetDays: 10,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [
        { type: "internal_email", template: "internal.sales-rep", recipients: ["sales_rep"], ...internal },
      ],
    },
  ],
};

/** Small invoices — light touch: two emails and a text message, no letters. */
const SMALL_INVOICES: ScenarioDefinition = {
  description: "Email at D+1 and D+10, SMS at D+20, no letters.",
  steps: [
    {
      key: "d+1",
      name: "Reminder",
      offsetDays: 1,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [{ type: "email", template: "small.d+1", ...toPayables }],
    },
    {
      key: "d+10",
      name: "Second reminder",
      offsetDays: 10,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [{ type: "email", template: "small.d+10", ...toPayables }],
    },
    {
      key: "d+20",
      name: "Text message",
      offsetDays: 20,
      from: "due_date",
      review: false,
      conditions: [],
      actions: [{ type: "sms", template: "small.d+20", ...toPayables }],
    },
  ],
};

export const SHIPPED_SCENARIOS: readonly ShippedScenario[] = [
  { code: "standard", name: "Standard", isDefault: true, definition: STANDARD },
  { code: "key-accounts", name: "Key accounts", isDefault: false, definition: KEY_ACCOUNTS },
  { code: "small-invoices", name: "Small invoices", isDefault: false, definition: SMALL_INVOICES },
];

export type ShippedRule = {
  name: string;
  priority: number;
  scenarioCode: string;
  conditions: RuleCondition[];
  isEnabled: boolean;
};

/** Key accounts for strategic customers; the small-balance rule ships disabled, ready to switch on. */
export const SHIPPED_RULES: readonly ShippedRule[] = [
  {
    name: "Strategic customers",
    priority: 10,
    scenarioCode: "key-accounts",
    conditions: [{ field: "is_strategic", op: "eq", value: true }],
    isEnabled: true,
  },
  {
    name: "Small balances",
    priority: 20,
    scenarioCode: "small-invoices",
    conditions: [{ field: "open_amount", op: "lt", value: "1000.00" }],
    isEnabled: false,
  },
];
