import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { activity, appUser, auditLog, invoice } from "../../db/schema";
import type { Actor } from "../users/users.types";
import type { TimelineEntry, TimelineQuery } from "./audit.schemas";

export type AuditEntry = {
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Written through the caller's transaction handle, so the audit row and the change commit together. */
export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.insert(auditLog).values({
    actorId: entry.actor.userId,
    actorKind: entry.actor.kind,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export type ActivityEntry = {
  companyId: number;
  customerId: number | null;
  invoiceId?: number | null;
  type: string;
  summary: string;
  actorId?: number | null;
  occurredAt?: Date;
  data?: Record<string, unknown>;
};

export async function recordActivity(q: Queryable, entry: ActivityEntry): Promise<void> {
  await q.insert(activity).values({
    companyId: entry.companyId,
    customerId: entry.customerId,
    invoiceId: entry.invoiceId ?? null,
    type: entry.type,
    summary: entry.summary,
    actorId: entry.actorId ?? null,
    data: entry.data ?? {},
    ...(entry.occurredAt ? { occurredAt: entry.occurredAt } : {}),
  });
}

function olderThan(cursor: string) {
  const at = cursor.slice(0, cursor.lastIndexOf("_"));
  const id = Number(cursor.slice(cursor.lastIndexOf("_") + 1));
  return sql`(${activity.occurredAt}, ${activity.id}) < (${at}::timestamptz, ${id})`;
}

export function timelineCursor(entry: TimelineEntry): string {
  return `${entry.occurredAt}_${entry.id}`;
}

export async function selectTimeline(
  q: Queryable,
  customerId: number,
  query: TimelineQuery,
): Promise<TimelineEntry[]> {
  const rows = await q
    .select({
      id: activity.id,
      type: activity.type,
      occurredAt: activity.occurredAt,
      summary: activity.summary,
      data: activity.data,
      actorId: appUser.id,
      actorName: appUser.name,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
    })
    .from(activity)
    .leftJoin(appUser, eq(appUser.id, activity.actorId))
    .leftJoin(invoice, eq(invoice.id, activity.invoiceId))
    .where(
      and(
        eq(activity.customerId, customerId),
        query.before === undefined ? undefined : olderThan(query.before),
        query.type === undefined ? undefined : eq(activity.type, query.type),
      ),
    )
    .orderBy(desc(activity.occurredAt), desc(activity.id))
    .limit(query.limit);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    occurredAt: r.occurredAt.toISOString(),
    summary: r.summary,
    data: r.data,
    actor: r.actorId === null ? null : { id: r.actorId, name: r.actorName ?? "" },
    invoice: r.invoiceId === null ? null : { id: r.invoiceId, number: r.invoiceNumber ?? "" },
  }));
}
