import type { AppContext } from "../context";
import { selectTimeline, timelineCursor } from "./audit.repo";
import type { Timeline, TimelineQuery } from "./audit.schemas";

/** The customer's history, newest first; the caller has already checked access to the customer. */
export async function listTimeline(
  ctx: AppContext,
  customerId: number,
  query: TimelineQuery,
): Promise<Timeline> {
  const items = await selectTimeline(ctx.db, customerId, query);
  const last = items.at(-1);
  return { items, nextBefore: items.length === query.limit && last ? timelineCursor(last) : null };
}
