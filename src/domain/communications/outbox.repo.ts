import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import type { IsoDate } from "../../shared/dates";
import { recordActivity } from "../audit/audit.repo";
import type { MessageData } from "./message-variables";

/** An outbox row a worker has claimed (status `sending`, attempts already counted). */
export type ClaimedMessage = {
  id: number;
  company_id: number;
  customer_id: number | null;
  action_id: number | null;
  channel: string;
  recipient: string | null;
  attempts: number;
  payload: { type?: string; template?: string; note?: string | null } & Record<string, unknown>;
};

/** Due (email, SMS or letter): queued, retry time reached, and inside the send window, or (flush) planned for today or earlier. */
function dueCondition(now: Date, flush: boolean) {
  const at = now.toISOString();
  const window = flush
    ? sql`(o.not_before at time zone c.time_zone)::date <= (${at}::timestamptz at time zone c.time_zone)::date`
    : sql`o.not_before <= ${at}::timestamptz`;
  return sql`o.status = 'queued' and o.channel in ('email', 'sms', 'letter') and ${window}
    and (o.next_attempt_at is null or o.next_attempt_at <= ${at}::timestamptz)`;
}

/**
 * Claims up to `limit` due messages: locked rows of another worker are skipped, and the claimed
 * ones leave `queued` in the same statement, so no other worker can take them once this commits.
 */
export async function claimDueMessages(
  tx: Tx,
  options: { now: Date; limit: number; flush: boolean },
): Promise<ClaimedMessage[]> {
  const result = await tx.execute<ClaimedMessage>(sql`
    with picked as (
      select o.id from outbox o join company c on c.id = o.company_id
      where ${dueCondition(options.now, options.flush)}
      order by o.not_before, o.id
      limit ${options.limit}
      for update of o skip locked
    )
    update outbox o set status = 'sending', attempts = o.attempts + 1
    from picked where o.id = picked.id
    returning o.id, o.company_id, o.customer_id, o.action_id, o.channel, o.recipient, o.attempts, o.payload`);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Messages still waiting (queued, due or not), for the `send` summary. */
export async function countQueued(q: Queryable): Promise<number> {
  const result = await q.execute<{ n: number }>(
    sql`select count(*)::int as n from outbox where status in ('queued', 'sending')
      and channel in ('email', 'sms', 'letter')`,
  );
  return result.rows[0]?.n ?? 0;
}

type CompanyRow = MessageData["company"] & { defaultLanguage: string; today: string };

/** Everything a message is rendered from; the claim (interest) comes from the legal module. */
export async function loadMessageData(
  q: Queryable,
  message: {
    companyId: number;
    customerId: number;
    actionId: number | null;
    recipient: string | null;
    now: Date;
  },
): Promise<
  Omit<MessageData, "claim" | "customerUrl" | "currency"> & {
    companyLanguage: string;
    customerLanguage: string | null;
    contactLanguage: string | null;
    currency: string;
    isStatement: boolean;
  }
> {
  const companyRows = await q.execute<CompanyRow>(sql`
    select company.name, address_line1 as "addressLine1", address_line2 as "addressLine2",
      postal_code as "postalCode", city, phone, iban, bic, legal_id as "legalId", vat_id as "vatId",
      legal_mentions as "legalMentions", sender_name as "senderName", sender_email as "senderEmail",
      default_language as "defaultLanguage",
      ((${message.now.toISOString()}::timestamptz) at time zone company.time_zone)::date::text as today
    from company where id = ${message.companyId}`);
  const { defaultLanguage, today, ...company } = companyRows.rows[0]!;
  const customerRows = await q.execute<
    MessageData["customer"] & { language: string | null; collectorId: number | null; currency: string }
  >(sql`
    select id, external_ref as "externalRef", name, address_line1 as "addressLine1",
      address_line2 as "addressLine2", postal_code as "postalCode", city, legal_id as "legalId",
      language, collector_id as "collectorId", currency
    from customer where id = ${message.customerId}`);
  const {
    language: customerLanguage,
    collectorId,
    currency: customerCurrency,
    ...customer
  } = customerRows.rows[0]!;
  const firstAddress = (message.recipient ?? "").split(",")[0]?.trim() ?? "";
  const contactRows = await q.execute<{ name: string; email: string | null; language: string | null }>(sql`
    select name, email, language from contact
    where customer_id = ${message.customerId} and lower(email) = lower(${firstAddress})
    order by is_primary desc, id limit 1`);
  const contact = contactRows.rows[0] ?? null;
  const collectorRows = await q.execute<{ name: string; email: string }>(
    sql`select name, email from app_user where id = ${collectorId}`,
  );
  const actionRows = await q.execute<{ type: string; currency: string; invoice_ids: number[] }>(
    sql`select type, currency, invoice_ids from dunning_action where id = ${message.actionId}`,
  );
  const action = actionRows.rows[0] ?? null;
  const isStatement = action?.type === "statement";
  const currency = action?.currency ?? customerCurrency;
  // A statement lists every open invoice of the account; a reminder, the invoices of its action.
  const which =
    action && !isStatement
      ? sql`id = any(${`{${action.invoice_ids.join(",")}}`}::bigint[])`
      : sql`customer_id = ${message.customerId} and currency = ${currency} and open_amount_minor <> 0`;
  const invoices = await q.execute<MessageData["invoices"][number]>(sql`
    select number, issue_date::text as "issueDate", due_date::text as "dueDate",
      amount_minor as "amountMinor", open_amount_minor as "openAmountMinor"
    from invoice where ${which} order by due_date, number`);
  return {
    today: today as IsoDate,
    currency,
    company,
    customer: { ...customer, id: Number(customer.id) },
    contact: contact ? { name: contact.name, email: contact.email } : null,
    collector: collectorRows.rows[0] ?? null,
    invoices: invoices.rows,
    companyLanguage: defaultLanguage,
    customerLanguage,
    contactLanguage: contact?.language ?? null,
    isStatement,
  };
}

export type SentRecord = {
  message: ClaimedMessage;
  providerMessageId: string;
  rendered: Record<string, unknown>;
  isCaptured: boolean;
  now: Date;
  summary: string;
};

/**
 * The message left: the row becomes `sent` (only from `sending`, so a second record is a no-op), its
 * dunning action is done, and the timeline keeps the full content — all in one transaction.
 */
export async function recordSent(tx: Tx, record: SentRecord): Promise<boolean> {
  const { message } = record;
  const updated = await tx.execute(sql`
    update outbox set status = 'sent', sent_at = ${record.now.toISOString()}::timestamptz,
      provider_message_id = ${record.providerMessageId}, last_error = null, next_attempt_at = null,
      payload = payload || ${JSON.stringify({ rendered: record.rendered, captured: record.isCaptured })}::jsonb
    where id = ${message.id} and status = 'sending'`);
  if ((updated.rowCount ?? 0) === 0) return false;
  if (message.action_id !== null) {
    await tx.execute(sql`
      update dunning_action set status = 'done', updated_at = now()
      where id = ${message.action_id} and status = 'planned'`);
  }
  await recordActivity(tx, {
    companyId: message.company_id,
    customerId: message.customer_id,
    type: "message_sent",
    occurredAt: record.now,
    summary: record.summary,
    data: {
      outboxId: message.id,
      providerMessageId: record.providerMessageId,
      captured: record.isCaptured,
      ...record.rendered,
    },
  });
  return true;
}

export type FailureRecord = { message: ClaimedMessage; error: string; retryAt: Date | null; now: Date };

/** A failed attempt: back to `queued` with the next attempt's time, or `failed` for good (on the timeline). */
export async function recordFailure(tx: Tx, record: FailureRecord): Promise<void> {
  const { message } = record;
  const status = record.retryAt ? "queued" : "failed";
  await tx.execute(sql`
    update outbox set status = ${status}::outbox_status, last_error = ${record.error},
      next_attempt_at = ${record.retryAt?.toISOString() ?? null}::timestamptz
    where id = ${message.id} and status = 'sending'`);
  if (record.retryAt) return;
  await recordActivity(tx, {
    companyId: message.company_id,
    customerId: message.customer_id,
    type: "delivery_failed",
    occurredAt: record.now,
    summary: `Delivery failed after ${message.attempts} attempt(s) to ${message.recipient ?? "nobody"}: ${record.error}`,
    data: {
      outboxId: message.id,
      attempts: message.attempts,
      error: record.error,
      template: message.payload.template,
    },
  });
}
