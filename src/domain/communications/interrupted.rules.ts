/**
 * A delivery is interrupted when its row is still `sending` this long after a worker claimed it: a worker
 * records each outcome within minutes, so the process died between sending and recording. The message may
 * have left; it is never sent again by itself.
 */
export const SENDING_LEASE_MINUTES = 60;

/** Rows claimed before this instant and still `sending` were interrupted. */
export function interruptedBefore(now: Date): Date {
  return new Date(now.getTime() - SENDING_LEASE_MINUTES * 60_000);
}

/**
 * A worker sends a claimed message only this long after its claim; later, it gives the message back to the
 * queue unsent. So a row still `sending` at the end of the lease was never being sent by a live worker.
 */
export const SEND_BY_MINUTES = SENDING_LEASE_MINUTES / 2;
