import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, currency, day, id, instant, minor, ref, updatedAt } from "./columns";
import { company } from "./companies";
import { customer } from "./customers";
import { invoice } from "./ledger";
import { appUser } from "./users";

/**
 * The step an invoice reached: the key that makes every (invoice, scenario version, step) happen once.
 * No foreign keys: the run writes these rows by the hundred thousand and the checks cost twice the
 * insert (measured); invoices and scenario versions are never deleted.
 */
export const dunningItemStep = pgTable(
  "dunning_item_step",
  {
    invoiceId: ref("invoice_id").notNull(),
    versionId: ref("version_id").notNull(),
    stepIndex: smallint("step_index").notNull(),
    runDate: day("run_date").notNull(),
    /** The customer message (group of actions) that covered this step. */
    groupKey: text("group_key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.versionId, t.stepIndex] })],
);

export const dunningActionType = pgEnum("dunning_action_type", [
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
]);

/**
 * planned: written by the run, waiting for delivery (outbox) or done at once (task, alert, status);
 * pending_review: waits for a person to approve, edit or skip; done: carried out; skipped: a person skipped it;
 * cancelled: the items it was about were settled or held before delivery.
 */
export const dunningActionStatus = pgEnum("dunning_action_status", [
  "pending_review",
  "planned",
  "done",
  "skipped",
  "cancelled",
]);

/** What the run decided for one customer (per company and currency) on one day, each with its reason. */
export const dunningAction = pgTable(
  "dunning_action",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    currency: currency().notNull(),
    runDate: day("run_date").notNull(),
    runId: ref("run_id").notNull(),
    /** customer:currency:date — unique with action_index, so a rerun adds nothing. */
    groupKey: text("group_key").notNull(),
    actionIndex: smallint("action_index").notNull(),
    /** Not a foreign key, for the same reason as dunning_item_step. */
    versionId: ref("version_id").notNull(),
    stepIndex: smallint("step_index").notNull(),
    stepKey: text("step_key").notNull(),
    type: dunningActionType("type").notNull(),
    channel: text("channel").notNull(),
    recipient: text("recipient"),
    invoiceIds: ref("invoice_ids").array().notNull(),
    /** Open total of the invoices the action is about, in their currency. */
    amountMinor: minor("amount_minor").notNull(),
    reason: text("reason").notNull(),
    reasonData: jsonb("reason_data").$type<Record<string, unknown>>().notNull().default({}),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    status: dunningActionStatus("status").notNull(),
    /** Messages leave inside the company's send window, not before this instant. */
    scheduledAt: instant("scheduled_at").notNull(),
    reviewedById: ref("reviewed_by_id").references(() => appUser.id),
    reviewedAt: instant("reviewed_at"),
    statusReason: text("status_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("dunning_action_key").on(t.groupKey, t.actionIndex),
    index("dunning_action_customer_idx").on(t.customerId, t.runDate),
    index("dunning_action_status_idx").on(t.companyId, t.status),
    index("dunning_action_run_idx").on(t.runId),
  ],
);

/** A manual hold on a customer (invoice_id null) or one invoice, with a reason and an optional end. */
export const dunningHold = pgTable(
  "dunning_hold",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    invoiceId: ref("invoice_id").references(() => invoice.id),
    reason: text("reason").notNull(),
    /** Last day of the hold; null = until released. */
    untilDate: day("until_date"),
    createdById: ref("created_by_id").references(() => appUser.id),
    createdAt: createdAt(),
    releasedAt: instant("released_at"),
    releasedById: ref("released_by_id").references(() => appUser.id),
  },
  (t) => [index("dunning_hold_customer_idx").on(t.customerId).where(sql`${t.releasedAt} is null`)],
);

/** One execution of the daily run for a company and date (the scheduler skips dates already run). */
export const dunningRun = pgTable(
  "dunning_run",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    runDate: day("run_date").notNull(),
    trigger: text("trigger").notNull(),
    actorId: ref("actor_id").references(() => appUser.id),
    startedAt: instant("started_at").notNull().defaultNow(),
    finishedAt: instant("finished_at"),
    actionsCreated: integer("actions_created").notNull().default(0),
    itemsAdvanced: integer("items_advanced").notNull().default(0),
    actionsCancelled: integer("actions_cancelled").notNull().default(0),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("dunning_run_company_idx").on(t.companyId, t.runDate)],
);
