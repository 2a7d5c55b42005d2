import type { AppContext } from "../context";
import { assertCustomerVisible } from "../customers/get-customer";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { type Message, type MessageList, type MessageQuery, RenderedMessage } from "./communications.schemas";
import { interruptedBefore } from "./interrupted.rules";
import { countInterrupted, type MessageRow, selectMessages } from "./messages.repo";

const instant = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function letterIdOf(rendered: unknown): number | null {
  const id = (rendered as { letterId?: unknown } | null | undefined)?.letterId;
  return typeof id === "number" ? id : null;
}

export function messageOf(row: MessageRow): Message {
  const rendered = RenderedMessage.safeParse(row.payload.rendered);
  return {
    id: Number(row.id),
    companyId: Number(row.company_id),
    customer:
      row.customer_id === null ? null : { id: Number(row.customer_id), name: row.customer_name ?? "" },
    channel: row.channel,
    type: typeof row.payload.type === "string" ? row.payload.type : null,
    template: typeof row.payload.template === "string" ? row.payload.template : null,
    recipient: row.recipient,
    status: row.status as Message["status"],
    isCaptured: row.payload.captured === true,
    attempts: row.attempts,
    lastError: row.last_error,
    providerMessageId: row.provider_message_id,
    notBefore: instant(row.not_before) ?? "",
    sentAt: instant(row.sent_at),
    rendered: rendered.success ? rendered.data : null,
    letterId: letterIdOf(row.payload.rendered),
    claimedAt: instant(row.claimed_at),
    isInterrupted: row.is_interrupted,
  };
}

/** `GET /api/messages`: sent messages (captured ones included), waiting ones and delivery failures. */
export async function listMessages(ctx: AppContext, actor: Actor, query: MessageQuery): Promise<MessageList> {
  if (query.customerId !== undefined) await assertCustomerVisible(ctx, actor, query.customerId);
  const scope = portfolioScope(actor);
  const before = interruptedBefore(ctx.clock.now());
  const rows = await selectMessages(ctx.db, scope, query, before);
  const interrupted = await countInterrupted(ctx.db, scope, before, query.customerId);
  return { items: rows.map(messageOf), interrupted };
}

/** The deliveries waiting for a credit manager to settle them (`encours send` reports them). */
export async function countInterruptedMessages(ctx: AppContext): Promise<number> {
  return countInterrupted(ctx.db, { kind: "all" }, interruptedBefore(ctx.clock.now()));
}
