import type { AppContext } from "../context";
import type { SendResult } from "./communications.schemas";
import { deliverEmail } from "./deliver-email";
import { deliverLetter } from "./deliver-letter";
import { deliverSms } from "./deliver-sms";
import type { DeliverOptions, Fail, Outcome } from "./delivery.types";
import { type DeliveryBatch, deliveryBatch, SentRecorder } from "./delivery-batch";
import { interruptedBefore, SEND_BY_MINUTES } from "./interrupted.rules";
import {
  type ClaimedMessage,
  claimDueMessages,
  countQueued,
  recordFailure,
  releaseClaims,
} from "./outbox.repo";

export type { DeliverOptions } from "./delivery.types";

export const MAX_ATTEMPTS = 5;
/** Messages per claim: the batch whose data is loaded at once. */
const DEFAULT_LIMIT = 200;
/** Messages rendered and sent at the same time (nodemailer's pool queues beyond its connections). */
const DEFAULT_CONCURRENCY = 8;
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

type BatchOptions = DeliverOptions & { batch: DeliveryBatch; recorder: SentRecorder };

function deliverOne(ctx: AppContext, message: ClaimedMessage, options: BatchOptions): Promise<Outcome> {
  const fail = failureOf(ctx, message, options.now);
  if (message.channel === "sms") return deliverSms(ctx, message, options, fail);
  if (message.channel === "letter") return deliverLetter(ctx, message, options, fail);
  return deliverEmail(ctx, message, options, fail);
}

/**
 * Runs `work` on every item, `parallel` at a time: a free slot takes the next item at once (no
 * waiting for the slowest of a slice). The first error stops taking new items and is thrown once
 * the running ones are over.
 */
async function eachConcurrently<T>(
  items: readonly T[],
  parallel: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const slot = async () => {
    while (failure === null && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, slot));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/**
 * The outbox worker: claims due messages (email, SMS, letters) in a short transaction (`FOR UPDATE
 * SKIP LOCKED`, status `sending`), loads the whole batch's data at once, renders and sends each
 * outside any transaction (`concurrency` at a time), then records the outcomes in groups, each in a
 * short transaction. A row leaves `sending` only through one of those records, so nothing is sent twice.
 *
 * Each claim is dated by the clock (`now` plus the time the run has taken). A message is sent only within
 * `SEND_BY_MINUTES` of its claim: past that (a mail server answering very slowly), the batch's unsent
 * messages go back to the queue and the run stops, so a row that reaches the lease still `sending` was not
 * on its way in a live worker and a credit manager may settle it. The messages an error kept from being
 * tried go back to the queue too.
 */
export async function deliverOutbox(ctx: AppContext, options: DeliverOptions): Promise<SendResult> {
  const counts = { sent: 0, failed: 0 };
  const limit = options.limit ?? DEFAULT_LIMIT;
  const parallel = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const started = ctx.clock.now().getTime();
  const runTime = () => ctx.clock.now().getTime() - started;
  for (;;) {
    const claimedAt = new Date(options.now.getTime() + runTime());
    const claimed = await ctx.db.transaction((tx) =>
      claimDueMessages(tx, { now: options.now, claimedAt, limit, flush: options.flush ?? false }),
    );
    const sendBy = runTime() + SEND_BY_MINUTES * 60_000;
    const taken = new Set<number>();
    let isLate = false;
    const recorder = new SentRecorder(ctx);
    const batchOptions = { ...options, batch: deliveryBatch(ctx, claimed, options.now), recorder };
    try {
      await eachConcurrently(claimed, parallel, async (message) => {
        isLate ||= runTime() >= sendBy;
        if (isLate) return;
        taken.add(message.id);
        const outcome = await deliverOne(ctx, message, batchOptions);
        if (outcome === "sent") counts.sent += 1;
        else if (outcome === "failed") counts.failed += 1;
      });
    } finally {
      // What left is recorded even when another message stopped the batch; what was never tried (too late,
      // or after an error stopped the batch) goes back to the queue.
      await recorder.flush();
      const untried = claimed.filter((m) => !taken.has(m.id));
      await ctx.db.transaction((tx) => releaseClaims(tx, untried));
    }
    if (claimed.length < limit || isLate) break;
  }
  return { ...counts, pending: await countQueued(ctx.db, interruptedBefore(options.now)) };
}
