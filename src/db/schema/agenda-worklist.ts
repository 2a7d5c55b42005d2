import { sql } from "drizzle-orm";
import { bigint, boolean, doublePrecision, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { currency, day, instant, minor, ref } from "./columns";
import { customer } from "./customers";

/**
 * The agenda's worklist state of each customer: `generation` counts the changes to what its agenda items are
 * made of (its invoices, tasks, promises, disputes, undelivered messages, its group's exposure, its company's
 * weights and settings), bumped by the triggers of migration 0015; `computed_generation` and `computed_for`
 * say which change and which day its rows of `agenda_entry` were computed for. A row per customer, written
 * with the customer; its collector and sales rep are copied so that a person's stale customers are found by
 * index.
 */
export const agendaCustomer = pgTable(
  "agenda_customer",
  {
    customerId: ref("customer_id")
      .primaryKey()
      .references(() => customer.id, { onDelete: "cascade" }),
    companyId: ref("company_id").notNull(),
    collectorId: ref("collector_id"),
    salesRepId: ref("sales_rep_id"),
    generation: bigint("generation", { mode: "number" }).notNull().default(1),
    computedGeneration: bigint("computed_generation", { mode: "number" }).notNull().default(0),
    computedFor: day("computed_for"),
  },
  // Only the owners are indexed: a writer's bump changes no indexed column, so it updates the row in place.
  (t) => [
    index("agenda_customer_collector_idx").on(t.collectorId),
    index("agenda_customer_sales_rep_idx").on(t.salesRepId),
  ],
);

/**
 * Customers changed by a writer that found their worklist row locked (by another writer or by an agenda
 * computing them): rather than wait, the writer leaves a row here, which keeps the customer stale until an
 * agenda computes it after the change (that agenda deletes the rows it saw). Append-only, so that writers never
 * wait on each other for the worklist; normally empty.
 */
export const agendaStale = pgTable("agenda_stale", { customerId: ref("customer_id").notNull() }, (t) => [
  index("agenda_stale_customer_idx").on(t.customerId),
]);

/**
 * The agenda items of each customer with its priority score, as computed for `agenda_customer.computed_for`:
 * every open task (whatever its due date: the window is applied when read), open and broken promises,
 * disputes past their deadline, exceeded credit limits and recent undelivered messages. Deleted by the
 * triggers when the customer changes, written again by the next agenda that covers the customer.
 */
export const agendaEntry = pgTable(
  "agenda_entry",
  {
    customerId: ref("customer_id").notNull(),
    companyId: ref("company_id").notNull(),
    collectorId: ref("collector_id"),
    salesRepId: ref("sales_rep_id"),
    /** A task's assignee (null: whoever owns the customer). */
    assigneeId: ref("assignee_id"),
    kind: text("kind").notNull(),
    refId: ref("ref_id").notNull(),
    date: day("date").notNull(),
    /** A message's failure instant (the agenda keeps the last 30 days'). */
    failedAt: instant("failed_at"),
    label: text("label"),
    detail: text("detail"),
    amountMinor: minor("amount_minor"),
    currency: text("currency"),
    limitMinor: minor("limit_minor"),
    customerCurrency: currency("customer_currency").notNull(),
    riskClass: text("risk_class"),
    isStrategic: boolean("is_strategic").notNull(),
    overdueMinor: minor("overdue_minor").notNull(),
    maxDays: integer("max_days").notNull(),
    broken: integer("broken").notNull(),
    disputeDays: integer("dispute_days").notNull(),
    score: doublePrecision("score").notNull(),
    wOverdueAmount: integer("w_overdue_amount").notNull(),
    wDaysPastDue: integer("w_days_past_due").notNull(),
    wRiskClass: integer("w_risk_class").notNull(),
    wStrategic: integer("w_strategic").notNull(),
    wBrokenPromises: integer("w_broken_promises").notNull(),
    wDisputeAge: integer("w_dispute_age").notNull(),
  },
  (t) => [
    index("agenda_entry_customer_idx").on(t.customerId),
    index("agenda_entry_collector_idx").on(t.collectorId, t.score),
    index("agenda_entry_sales_rep_idx").on(t.salesRepId, t.score),
    index("agenda_entry_assignee_idx").on(t.assigneeId).where(sql`${t.assigneeId} is not null`),
  ],
);
