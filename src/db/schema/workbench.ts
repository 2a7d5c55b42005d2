import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, currency, day, id, instant, minor, ref, updatedAt } from "./columns";
import { company } from "./companies";
import { customer } from "./customers";
import { invoice } from "./ledger";
import { appUser } from "./users";

export const taskStatus = pgEnum("task_status", ["open", "done", "cancelled"]);

/** Work for a person: a call to make, an email to write, a case to review. */
export const task = pgTable(
  "task",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id").references(() => customer.id),
    type: text("type").notNull(),
    title: text("title").notNull(),
    priority: text("priority").notNull().default("normal"),
    assigneeId: ref("assignee_id").references(() => appUser.id),
    dueDate: day("due_date").notNull(),
    status: taskStatus("status").notNull().default("open"),
    /** The dunning action that created it, when it came from a scenario. */
    actionId: ref("action_id"),
    invoiceIds: ref("invoice_ids").array().notNull().default(sql`'{}'::bigint[]`),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    doneAt: instant("done_at"),
  },
  (t) => [
    index("task_assignee_idx").on(t.assigneeId, t.dueDate).where(sql`${t.status} = 'open'`),
    index("task_customer_idx").on(t.customerId),
  ],
);

/** A notice in the application for one user (or every credit manager when user_id is null). */
export const alert = pgTable(
  "alert",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id").references(() => customer.id),
    userId: ref("user_id").references(() => appUser.id),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    actionId: ref("action_id"),
    createdAt: createdAt(),
    readAt: instant("read_at"),
  },
  (t) => [index("alert_user_idx").on(t.userId, t.createdAt)],
);

export const disputeStatus = pgEnum("dispute_status", [
  "open",
  "under_review",
  "resolved",
  "rejected",
  "closed",
]);

/**
 * A department of a company (sales administration, logistics, quality…) that can own disputes, reached at one
 * email address. Never deleted: a department the disputes no longer go to is deactivated.
 */
export const department = pgTable(
  "department",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("department_name_key").on(t.companyId, sql`lower(${t.name})`)],
);

/** A customer contests an invoice (whole or part); the item is held from dunning while the dispute is open. */
export const dispute = pgTable(
  "dispute",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    invoiceId: ref("invoice_id")
      .notNull()
      .references(() => invoice.id),
    amountMinor: minor("amount_minor").notNull(),
    currency: currency().notNull(),
    reason: text("reason").notNull(),
    status: disputeStatus("status").notNull().default("open"),
    ownerId: ref("owner_id").references(() => appUser.id),
    /** The department that owns it too (or instead of a person); emailed when the dispute is opened. */
    ownerDepartmentId: ref("owner_department_id").references(() => department.id),
    deadline: day("deadline"),
    note: text("note"),
    /** Why it was resolved (by credit note) or rejected, written by the collector at that step. */
    resolutionNote: text("resolution_note"),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: instant("closed_at"),
  },
  (t) => [
    index("dispute_invoice_idx").on(t.invoiceId),
    index("dispute_customer_idx").on(t.customerId),
    index("dispute_owner_department_idx")
      .on(t.ownerDepartmentId)
      .where(sql`${t.ownerDepartmentId} is not null`),
  ],
);

export const promiseStatus = pgEnum("promise_status", ["open", "kept", "partly_kept", "broken", "cancelled"]);

/** A customer's promise to pay an amount by a date; holds dunning on its invoices until date + grace. */
export const promiseToPay = pgTable(
  "promise_to_pay",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    amountMinor: minor("amount_minor").notNull(),
    currency: currency().notNull(),
    promisedDate: day("promised_date").notNull(),
    channel: text("channel"),
    status: promiseStatus("status").notNull().default("open"),
    note: text("note"),
    graceDays: integer("grace_days"),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("promise_customer_idx").on(t.customerId)],
);

export const promiseInvoice = pgTable(
  "promise_invoice",
  {
    promiseId: ref("promise_id")
      .notNull()
      .references(() => promiseToPay.id, { onDelete: "cascade" }),
    invoiceId: ref("invoice_id")
      .notNull()
      .references(() => invoice.id),
  },
  (t) => [primaryKey({ columns: [t.promiseId, t.invoiceId] }), index("promise_invoice_idx").on(t.invoiceId)],
);

/**
 * The weights of the agenda's priority score, set by the credit manager per company (0–100 each);
 * a company without a row uses the defaults of workbench's agenda rules.
 */
export const prioritySetting = pgTable("priority_setting", {
  companyId: ref("company_id")
    .primaryKey()
    .references(() => company.id),
  overdueAmount: integer("overdue_amount").notNull(),
  daysPastDue: integer("days_past_due").notNull(),
  riskClass: integer("risk_class").notNull(),
  strategic: integer("strategic").notNull(),
  brokenPromises: integer("broken_promises").notNull(),
  disputeAge: integer("dispute_age").notNull(),
  updatedById: ref("updated_by_id").references(() => appUser.id),
  updatedAt: updatedAt(),
});

/** An agenda item put aside until a date (inclusive of the day before): hidden from the agenda until then. */
export const agendaSnooze = pgTable(
  "agenda_snooze",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    /** kind:id of the item, e.g. task:12, promise_due:5, credit_limit:88 (the customer). */
    itemKey: text("item_key").notNull(),
    untilDate: day("until_date").notNull(),
    reason: text("reason").notNull(),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_snooze_customer_idx").on(t.customerId, t.untilDate)],
);

/** The dispute reasons of a company, editable by an administrator; disputes store the code. */
export const disputeReason = pgTable(
  "dispute_reason",
  {
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    code: text("code").notNull(),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.code] })],
);
