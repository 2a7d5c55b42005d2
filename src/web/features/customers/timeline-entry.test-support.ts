import type { TimelineEntry } from "../../../domain/audit/audit.schemas";

/** A timeline entry of a type with its data, the rest fixed: what the describers read. */
export function timelineEntry(type: string, data: Record<string, unknown>): TimelineEntry {
  return {
    id: 1,
    type,
    occurredAt: "2026-03-02T09:00:00.000Z",
    summary: "server summary",
    actor: null,
    invoice: null,
    data,
  };
}
