import { boolean, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant, ref } from "./columns";
import { company } from "./companies";
import { customer } from "./customers";
import { invoice } from "./ledger";
import { appUser } from "./users";

/** The customer timeline: one row per business event, written in the same transaction as the event. */
export const activity = pgTable(
  "activity",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id").references(() => customer.id),
    invoiceId: ref("invoice_id").references(() => invoice.id),
    type: text("type").notNull(),
    occurredAt: instant("occurred_at").notNull().defaultNow(),
    actorId: ref("actor_id").references(() => appUser.id),
    summary: text("summary").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("activity_customer_idx").on(t.customerId, t.occurredAt),
    index("activity_invoice_idx").on(t.invoiceId),
  ],
);

/** Who changed what, when; never updated, never deleted. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: instant("at").notNull().defaultNow(),
    actorId: ref("actor_id").references(() => appUser.id),
    actorKind: text("actor_kind").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_at_idx").on(t.at)],
);

/** Collector notes; imports never touch them. */
export const note = pgTable(
  "note",
  {
    id: id(),
    customerId: ref("customer_id")
      .notNull()
      .references(() => customer.id),
    invoiceId: ref("invoice_id").references(() => invoice.id),
    authorId: ref("author_id").references(() => appUser.id),
    body: text("body").notNull(),
    isPinned: boolean("is_pinned").notNull().default(false),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("note_customer_idx").on(t.customerId, t.createdAt)],
);
