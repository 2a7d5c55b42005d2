import { z } from "zod";
import { Ref } from "../../shared/schemas";

export const TimelineEntry = z.object({
  id: z.number().int(),
  type: z.string(),
  occurredAt: z.string(),
  summary: z.string(),
  actor: Ref.nullable(),
  invoice: z.object({ id: z.number().int(), number: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset cursor from the previous page's `nextBefore`: entries older than it. */
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/, "must be the nextBefore value of a previous page")
    .optional(),
  type: z.string().trim().max(50).optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const Timeline = z.object({ items: z.array(TimelineEntry), nextBefore: z.string().nullable() });
export type Timeline = z.infer<typeof Timeline>;
