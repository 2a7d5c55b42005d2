import type { AppContext } from "../context";
import type { SendResult } from "./communications.schemas";
import { type ClaimedMessage, claimDueMessages, countQueued, recordFailure, recordSent } from "./outbox.repo";
import { renderMessage } from "./render-message";
import { findSender } from "./sender.repo";
import { type EmailTransport, PermanentDeliveryError } from "./transport";

export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_SECONDS = 60;
const LONGEST_RETRY_SECONDS = 6 * 3600;

/** Exponential backoff: 1, 2, 4, 8… minutes after the attempt, at most 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
}

export type DeliverOptions = {
  now: Date;
  /** Messages per claim (one short transaction each). */
  limit?: number;
  transport: EmailTransport;
  /** `encours send`: everything planned for today or earlier, whatever the send window says. */
  flush?: boolean;
  /** Base URL of Encours, for the links in internal emails. */
  publicUrl?: string;
  /** Messages rendered and sent at the same time (the SMTP pool's connections). */
  concurrency?: number;
  /** Sender when the company has none. */
  defaultFrom?: string;
};

type Outcome = "sent" | "retry" | "failed";

async function deliverOne(
  ctx: AppContext,
  message: ClaimedMessage,
  options: DeliverOptions,
): Promise<Outcome> {
  const { now, transport } = options;
  const fail = async (error: string, permanent: boolean): Promise<Outcome> => {
    const retry = !permanent && message.attempts < MAX_ATTEMPTS;
    const retryAt = retry ? new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000) : null;
    await ctx.db.transaction((tx) => recordFailure(tx, { message, error, retryAt, now }));
    return retry ? "retry" : "failed";
  };
  const to = (message.recipient ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a.includes("@"));
  if (message.customer_id === null || to.length === 0) return fail("No email address to send to", true);
  let rendered: Awaited<ReturnType<typeof renderMessage>>;
  let from: string;
  try {
    rendered = await renderMessage(ctx, ctx.db, {
      companyId: message.company_id,
      customerId: message.customer_id,
      actionId: message.action_id,
      recipient: message.recipient,
      isInternal: message.payload.type === "internal_email",
      templateCode: message.payload.template ?? "",
      now,
      publicUrl: options.publicUrl ?? "http://localhost:3000",
    });
    from = await senderOf(ctx, message.company_id, options.defaultFrom);
  } catch (error) {
    // A template that cannot render will not render better later: failed, on the timeline.
    return fail(`Rendering failed: ${(error as Error).message}`, true);
  }
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await transport.send({ from, to, outboxId: message.id, ...rendered }));
  } catch (error) {
    return fail((error as Error).message, error instanceof PermanentDeliveryError);
  }
  const isCaptured = transport.kind === "capture";
  const content = {
    to,
    from,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    language: rendered.language,
  };
  await ctx.db.transaction((tx) =>
    recordSent(tx, {
      message,
      providerMessageId,
      rendered: content,
      isCaptured,
      now,
      summary: `${isCaptured ? "Email captured (not delivered)" : "Email sent"} to ${to.join(", ")}: ${rendered.subject}`,
    }),
  );
  return "sent";
}

async function senderOf(ctx: AppContext, companyId: number, fallback: string | undefined): Promise<string> {
  const sender = await findSender(ctx.db, companyId);
  const address = sender?.email ?? fallback ?? "encours@localhost";
  const name = (sender?.name ?? "").replaceAll('"', "'");
  return name ? `"${name}" <${address}>` : address;
}

/**
 * The outbox worker: claims due email messages in a short transaction (`FOR UPDATE SKIP LOCKED`,
 * status `sending`), renders and sends each outside any transaction, then records the outcome in
 * another short one. A row leaves `sending` only through one of those records, so nothing is sent twice.
 */
export async function deliverOutbox(ctx: AppContext, options: DeliverOptions): Promise<SendResult> {
  const counts = { sent: 0, failed: 0 };
  const limit = options.limit ?? 50;
  for (;;) {
    const claimed = await ctx.db.transaction((tx) =>
      claimDueMessages(tx, { now: options.now, limit, flush: options.flush ?? false }),
    );
    const parallel = Math.max(1, options.concurrency ?? 4);
    for (let start = 0; start < claimed.length; start += parallel) {
      const outcomes = await Promise.all(
        claimed.slice(start, start + parallel).map((message) => deliverOne(ctx, message, options)),
      );
      counts.sent += outcomes.filter((o) => o === "sent").length;
      counts.failed += outcomes.filter((o) => o === "failed").length;
    }
    if (claimed.length < limit) break;
  }
  return { ...counts, pending: await countQueued(ctx.db) };
}
