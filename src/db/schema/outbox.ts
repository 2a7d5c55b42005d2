import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, instant, ref } from "./columns";
import { company } from "./companies";
import { customer } from "./customers";

export const outboxStatus = pgEnum("outbox_status", [
  "queued",
  "sending",
  "sent",
  "failed",
  "bounced",
  "cancelled",
]);

/**
 * Messages to deliver (email, SMS, letter), written in the same transaction as the action that asks
 * for them; a worker claims them with FOR UPDATE SKIP LOCKED.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    customerId: ref("customer_id").references(() => customer.id),
    /** At most one message per dunning action: the key that keeps a retry from sending twice. */
    actionId: ref("action_id"),
    channel: text("channel").notNull(),
    recipient: text("recipient"),
    status: outboxStatus("status").notNull().default("queued"),
    notBefore: instant("not_before").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at"),
    /**
     * When a worker last claimed the row (`sending`). A row still `sending` long after its claim was interrupted
     * (the process died between sending and recording): a credit manager settles it by hand.
     */
    claimedAt: instant("claimed_at"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    sentAt: instant("sent_at"),
  },
  (t) => [
    uniqueIndex("outbox_action_key").on(t.actionId),
    index("outbox_queue_idx").on(t.status, t.notBefore),
  ],
);
