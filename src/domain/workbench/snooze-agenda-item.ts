import { compareDates } from "../../shared/dates";
import { notFound, validationError } from "../../shared/errors";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import { listMessages } from "../communications/list-messages";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { AGENDA_KINDS, type AgendaKind, type Snooze, type SnoozeInput } from "./agenda.schemas";
import { findItemCustomer, insertSnooze } from "./agenda-settings.repo";
import { getWorkCustomer } from "./work-customer";

async function belongsToCustomer(
  ctx: AppContext,
  actor: Actor,
  kind: AgendaKind,
  id: number,
  customerId: number,
) {
  if (kind === "credit_limit") return id === customerId;
  if (kind === "delivery_failed") {
    const messages = await listMessages(ctx, actor, { customerId, limit: 500 });
    return messages.items.some((m) => m.id === id);
  }
  return (await findItemCustomer(ctx.db, kind, id)) === customerId;
}

/**
 * Puts an agenda item aside until a date, with the reason: it comes back on that day. The timeline of the
 * customer says who snoozed what, why and until when.
 */
export async function snoozeAgendaItem(ctx: AppContext, actor: Actor, input: SnoozeInput): Promise<Snooze> {
  const [kindText = "", idText = ""] = input.key.split(":");
  const kind = AGENDA_KINDS.find((k) => k === kindText);
  if (!kind) {
    throw validationError("Unknown agenda item", [
      { field: "key", value: input.key, message: `must start with one of ${AGENDA_KINDS.join(", ")}` },
    ]);
  }
  const customer = await getWorkCustomer(ctx, actor, input.customerId);
  const today = ctx.clock.today(customer.time_zone);
  if (compareDates(input.until, today) <= 0) {
    throw validationError("Snooze until a later day", [
      { field: "until", value: input.until, message: `must be after ${today}` },
    ]);
  }
  if (!(await belongsToCustomer(ctx, actor, kind, Number(idText), customer.id))) {
    throw notFound("Agenda item", input.key);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const facts = { key: input.key, until: input.until, reason: input.reason };
    await insertSnooze(tx, {
      companyId: customer.company_id,
      customerId: customer.id,
      key: input.key,
      until: input.until,
      reason: input.reason,
      userId: actor.userId,
    });
    await recordAudit(tx, {
      actor,
      action: "snooze",
      entity: "agenda_item",
      entityId: input.key,
      after: facts,
    });
    await recordActivity(tx, {
      companyId: customer.company_id,
      customerId: customer.id,
      type: "agenda_snoozed",
      actorId: actor.userId,
      occurredAt: now,
      summary: `Agenda item ${input.key} snoozed until ${input.until}: ${input.reason}`,
      data: { ...facts, kind },
    });
  });
  return { key: input.key, until: input.until, reason: input.reason, customerId: customer.id };
}
