import { DomainError, notFound } from "../../shared/errors";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { assertRole, MANAGER_ROLES } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import type { Message, SettleMessageInput } from "./communications.schemas";
import { interruptedBefore, SENDING_LEASE_MINUTES } from "./interrupted.rules";
import {
  cancelRow,
  lockOutboxRow,
  markRowSent,
  requeueRow,
  type SettledRow,
} from "./interrupted-messages.repo";
import { messageOf } from "./list-messages";
import { selectMessage } from "./messages.repo";

const VERB = { requeue: "requeued", sent: "confirmed as sent", cancel: "cancelled" } as const;

function noteOf(actor: Actor, input: SettleMessageInput): string {
  const note = input.note ? `: ${input.note}` : "";
  return `Delivery interrupted; ${VERB[input.outcome]} by ${actor.name}${note}`;
}

function refuse(row: SettledRow, now: Date): DomainError | null {
  if (row.status !== "sending") {
    return new DomainError(
      "CONFLICT",
      `Message ${row.id} is ${row.status}: only an interrupted delivery is settled by hand`,
      {
        issues: [{ field: "id", value: row.id, message: `has status ${row.status}, not sending` }],
      },
    );
  }
  if (row.claimed_at !== null && row.claimed_at >= interruptedBefore(now)) {
    const minutes = Math.max(0, Math.floor((now.getTime() - row.claimed_at.getTime()) / 60_000));
    return new DomainError(
      "CONFLICT",
      `Message ${row.id} was claimed ${minutes} min ago and may still be on its way: it counts as interrupted ${SENDING_LEASE_MINUTES} min after its claim`,
      { issues: [{ field: "id", value: row.id, message: `claimed at ${row.claimed_at.toISOString()}` }] },
    );
  }
  return null;
}

/**
 * A delivery interrupted between sending and recording (the process died) stays `sending`: it may have left, so
 * Encours never sends it again by itself. A credit manager who has looked at the mail server's or the
 * provider's log settles it: send it again, record it as sent (its dunning action done, the customer's timeline
 * told), or cancel it (and its dunning action). Each is in the audit log.
 */
export async function settleInterruptedMessage(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: SettleMessageInput,
): Promise<Message> {
  assertRole(actor, MANAGER_ROLES);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockOutboxRow(tx, id);
    if (!row) throw notFound("Message", id);
    const refusal = refuse(row, now);
    if (refusal) throw refusal;
    const note = noteOf(actor, input);
    if (input.outcome === "requeue") await requeueRow(tx, id, note);
    else if (input.outcome === "cancel") await cancelRow(tx, row, note);
    else {
      await markRowSent(tx, row, row.claimed_at ?? now, note);
      await recordActivity(tx, {
        companyId: row.company_id,
        customerId: row.customer_id,
        type: "message_sent",
        occurredAt: now,
        actorId: actor.userId,
        summary: `${row.channel} to ${row.recipient ?? "nobody"}: ${note}`,
        data: {
          outboxId: row.id,
          channel: row.channel,
          recipient: row.recipient,
          template: row.template,
          confirmedBy: actor.name,
          interrupted: true,
        },
      });
    }
    await recordAudit(tx, {
      actor,
      action: `message.${input.outcome}`,
      entity: "outbox",
      entityId: id,
      before: { status: row.status, claimedAt: row.claimed_at?.toISOString() ?? null },
      after: { outcome: input.outcome, note: input.note ?? null },
    });
  });
  const settled = await selectMessage(ctx.db, id, interruptedBefore(now));
  if (!settled) throw notFound("Message", id);
  return messageOf(settled);
}
