import { type SQL, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { arrayParam } from "../../db/sql-arrays";
import { recordActivity } from "../audit/audit.repo";

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
 * Claims up to `limit` messages due at `now`: locked rows of another worker are skipped, and the claimed
 * ones leave `queued` in the same statement, so no other worker can take them once this commits. The claim
 * is dated `claimedAt` (default `now`).
 */
export async function claimDueMessages(
  tx: Tx,
  options: { now: Date; limit: number; flush: boolean; claimedAt?: Date },
): Promise<ClaimedMessage[]> {
  const claimedAt = (options.claimedAt ?? options.now).toISOString();
  const result = await tx.execute<ClaimedMessage>(sql`
    with picked as (
      select o.id from outbox o join company c on c.id = o.company_id
      where ${dueCondition(options.now, options.flush)}
      order by o.not_before, o.id
      limit ${options.limit}
      for update of o skip locked
    )
    update outbox o set status = 'sending', attempts = o.attempts + 1, claimed_at = ${claimedAt}::timestamptz
    from picked where o.id = picked.id
    returning o.id, o.company_id, o.customer_id, o.action_id, o.channel, o.recipient, o.attempts, o.payload`);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * An interrupted delivery, on the outbox row `o`: still `sending`, claimed before `before` (or before claims
 * were dated). The one definition the lists, the counts and the `send` summary share.
 */
export function interruptedSql(before: Date): SQL {
  return sql`(o.status = 'sending' and coalesce(o.claimed_at, '-infinity') < ${before.toISOString()}::timestamptz)`;
}

/** The dunning actions whose messages left: `done` (only from `planned`). */
export async function markActionsDone(tx: Tx, actionIds: readonly number[]): Promise<void> {
  if (actionIds.length === 0) return;
  await tx.execute(sql`
    update dunning_action set status = 'done', updated_at = now()
    where id = any(${arrayParam([...actionIds])}::bigint[]) and status = 'planned'`);
}

/**
 * Messages still waiting (queued, due or not, or being sent by a worker), for the `send` summary; an
 * interrupted delivery (claimed before `interruptedBefore`) waits for a person, not for a worker.
 */
export async function countQueued(q: Queryable, interruptedBefore: Date): Promise<number> {
  const result = await q.execute<{ n: number }>(
    sql`select count(*)::int as n from outbox o where o.channel in ('email', 'sms', 'letter')
      and (o.status = 'queued' or (o.status = 'sending' and not ${interruptedSql(interruptedBefore)}))`,
  );
  return result.rows[0]?.n ?? 0;
}

/**
 * Claimed messages the worker did not send (their claim grew too old): back to `queued` as they were, the
 * attempt not counted. Only rows still under this claim (same attempt count) are released.
 */
export async function releaseClaims(tx: Tx, messages: readonly ClaimedMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map((m) => ({ id: m.id, attempts: m.attempts }));
  const released = await tx.execute<{ id: number }>(sql`
    update outbox o set status = 'queued', attempts = o.attempts - 1, claimed_at = null
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id bigint, attempts int)
    where o.id = r.id and o.status = 'sending' and o.attempts = r.attempts
    returning o.id`);
  return released.rows.length;
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
 * The messages left: each row becomes `sent` (only from `sending` under the same claim, its attempt count,
 * so a second record, or one after a credit manager settled the row, is a no-op),
 * its dunning action is done, and the timeline keeps the full content — for a whole group of
 * messages in one transaction and four statements, whatever the group's size. Returns the outbox
 * ids recorded now (a row already recorded is left out).
 */
export async function recordSentMany(tx: Tx, records: readonly SentRecord[]): Promise<Set<number>> {
  if (records.length === 0) return new Set();
  const rows = records.map((r) => ({
    id: r.message.id,
    sent_at: r.now.toISOString(),
    provider: r.providerMessageId,
    attempts: r.message.attempts,
    extra: { rendered: r.rendered, captured: r.isCaptured },
  }));
  const updated = await tx.execute<{ id: number }>(sql`
    update outbox o set status = 'sent', sent_at = r.sent_at, provider_message_id = r.provider,
      last_error = null, next_attempt_at = null, payload = o.payload || r.extra
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(id bigint, sent_at timestamptz, provider text, attempts int, extra jsonb)
    where o.id = r.id and o.status = 'sending' and o.attempts = r.attempts
    returning o.id`);
  const recorded = new Set(updated.rows.map((r) => Number(r.id)));
  const done = records.filter((r) => recorded.has(r.message.id));
  const actionIds = done.map((r) => r.message.action_id).filter((id): id is number => id !== null);
  await markActionsDone(tx, actionIds);
  if (done.length === 0) return recorded;
  const activities = done.map((r, n) => ({
    n,
    company_id: r.message.company_id,
    customer_id: r.message.customer_id,
    occurred_at: r.now.toISOString(),
    summary: r.summary,
    data: {
      outboxId: r.message.id,
      channel: r.message.channel,
      providerMessageId: r.providerMessageId,
      captured: r.isCaptured,
      ...r.rendered,
    },
  }));
  await tx.execute(sql`
    insert into activity (company_id, customer_id, type, occurred_at, summary, data)
    select r.company_id, r.customer_id, 'message_sent', r.occurred_at, r.summary, r.data
    from jsonb_to_recordset(${JSON.stringify(activities)}::jsonb)
      as r(n int, company_id bigint, customer_id bigint, occurred_at timestamptz, summary text, data jsonb)
    order by r.n`);
  return recorded;
}

export type FailureRecord = { message: ClaimedMessage; error: string; retryAt: Date | null; now: Date };

/**
 * A failed attempt: back to `queued` with the next attempt's time, or `failed` for good (on the timeline).
 * Only a row still under this claim changes (a row a credit manager settled meanwhile stays as settled).
 */
export async function recordFailure(tx: Tx, record: FailureRecord): Promise<void> {
  const { message } = record;
  const status = record.retryAt ? "queued" : "failed";
  const updated = await tx.execute(sql`
    update outbox set status = ${status}::outbox_status, last_error = ${record.error},
      next_attempt_at = ${record.retryAt?.toISOString() ?? null}::timestamptz
    where id = ${message.id} and status = 'sending' and attempts = ${message.attempts}
    returning id`);
  if (record.retryAt || updated.rows.length === 0) return;
  await recordActivity(tx, {
    companyId: message.company_id,
    customerId: message.customer_id,
    type: "delivery_failed",
    occurredAt: record.now,
    summary: `Delivery failed after ${message.attempts} attempt(s) to ${message.recipient ?? "nobody"}: ${record.error}`,
    data: {
      outboxId: message.id,
      channel: message.channel,
      recipient: message.recipient,
      attempts: message.attempts,
      error: record.error,
      template: message.payload.template,
    },
  });
}

export type NewOutboxMessage = {
  companyId: number;
  customerId: number;
  channel: "email";
  recipient: string;
  notBefore: Date;
  payload: Record<string, unknown>;
};

/** Queues a message that no dunning action asks for (an internal email), in the caller's transaction. */
export async function insertOutboxMessage(tx: Tx, message: NewOutboxMessage): Promise<number> {
  const result = await tx.execute<{ id: number }>(sql`
    insert into outbox (company_id, customer_id, channel, recipient, status, not_before, payload)
    values (${message.companyId}, ${message.customerId}, ${message.channel}, ${message.recipient}, 'queued',
      ${message.notBefore.toISOString()}::timestamptz, ${JSON.stringify(message.payload)}::jsonb)
    returning id`);
  return Number(result.rows[0]?.id);
}
