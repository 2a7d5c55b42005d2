import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { type ClaimedMessage, markActionsDone } from "./outbox.repo";

/** An outbox row as a credit manager settles it by hand. */
export type SettledRow = Pick<
  ClaimedMessage,
  "id" | "company_id" | "customer_id" | "action_id" | "channel" | "recipient"
> & { status: string; claimed_at: Date | null; template: string | null };

/** The row, locked: a worker recording its outcome meanwhile waits, then finds it no longer `sending`. */
export async function lockOutboxRow(tx: Tx, id: number): Promise<SettledRow | null> {
  const result = await tx.execute<SettledRow>(sql`
    select id, company_id, customer_id, action_id, channel, recipient, status, claimed_at,
      payload->>'template' as template
    from outbox where id = ${id} for update`);
  const row = result.rows[0];
  // Raw statements answer instants as text: the lease is compared as a Date.
  return row ? { ...row, id: Number(row.id), claimed_at: row.claimed_at && new Date(row.claimed_at) } : null;
}

/** Back to the queue: the next delivery sends it (its attempt is counted again then). */
export async function requeueRow(tx: Tx, id: number, note: string): Promise<void> {
  await tx.execute(sql`
    update outbox set status = 'queued', next_attempt_at = null, last_error = ${note}
    where id = ${id} and status = 'sending'`);
}

/** Sent, as the mail server's or provider's log showed: its dunning action is done. */
export async function markRowSent(tx: Tx, row: SettledRow, sentAt: Date, note: string): Promise<void> {
  await tx.execute(sql`
    update outbox set status = 'sent', sent_at = ${sentAt.toISOString()}::timestamptz, last_error = ${note},
      next_attempt_at = null
    where id = ${row.id} and status = 'sending'`);
  if (row.action_id !== null) await markActionsDone(tx, [row.action_id]);
}

/** Not to be sent: the row and its dunning action are cancelled, with the reason. */
export async function cancelRow(tx: Tx, row: SettledRow, note: string): Promise<void> {
  await tx.execute(sql`
    update outbox set status = 'cancelled', last_error = ${note}, next_attempt_at = null
    where id = ${row.id} and status = 'sending'`);
  if (row.action_id === null) return;
  await tx.execute(sql`
    update dunning_action set status = 'cancelled', status_reason = ${note}, updated_at = now()
    where id = ${row.action_id} and status = 'planned'`);
}
