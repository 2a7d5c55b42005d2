import type { AppContext } from "../context";
import type { SendResult } from "./communications.schemas";
import { deliverEmail } from "./deliver-email";
import { deliverLetter } from "./deliver-letter";
import { deliverSms } from "./deliver-sms";
import type { DeliverOptions, Fail, Outcome } from "./delivery.types";
import { type ClaimedMessage, claimDueMessages, countQueued, recordFailure } from "./outbox.repo";

export type { DeliverOptions } from "./delivery.types";

export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_SECONDS = 60;
const LONGEST_RETRY_SECONDS = 6 * 3600;

/** Exponential backoff: 1, 2, 4, 8… minutes after the attempt, at most 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
}

function failureOf(ctx: AppContext, message: ClaimedMessage, now: Date): Fail {
  return async (error, permanent) => {
    const retry = !permanent && message.attempts < MAX_ATTEMPTS;
    const retryAt = retry ? new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000) : null;
    await ctx.db.transaction((tx) => recordFailure(tx, { message, error, retryAt, now }));
    return retry ? "retry" : "failed";
  };
}

function deliverOne(ctx: AppContext, message: ClaimedMessage, options: DeliverOptions): Promise<Outcome> {
  const fail = failureOf(ctx, message, options.now);
  if (message.channel === "sms") return deliverSms(ctx, message, options, fail);
  if (message.channel === "letter") return deliverLetter(ctx, message, options, fail);
  return deliverEmail(ctx, message, options, fail);
}

/**
 * The outbox worker: claims due messages (email, SMS, letters) in a short transaction (`FOR UPDATE
 * SKIP LOCKED`, status `sending`), renders and sends each outside any transaction, then records the
 * outcome in another short one. A row leaves `sending` only through one of those records, so nothing
 * is sent twice.
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
