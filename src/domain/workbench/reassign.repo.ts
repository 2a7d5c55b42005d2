import { sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";

export type ReassignRow = {
  id: number;
  company_id: number;
  collector_id: number | null;
  collector_name: string | null;
};

const idList = (ids: readonly number[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`;

/** The named customers, locked for the reassignment. */
export async function lockCustomers(tx: Tx, ids: readonly number[]): Promise<ReassignRow[]> {
  const result = await tx.execute<ReassignRow>(sql`
    select c.id, c.company_id, c.collector_id, u.name as collector_name
    from customer c left join app_user u on u.id = c.collector_id
    where c.id in ${idList(ids)} order by c.id for update of c`);
  return result.rows;
}

/**
 * Gives the customers to another collector, marks the collector as edited in Encours (so that an import's
 * collector_email does not take them back), moves the open tasks the former collector had on them, and
 * writes one timeline entry per customer: three statements whatever the number of customers.
 */
export async function reassignCustomers(
  tx: Tx,
  options: {
    changed: readonly ReassignRow[];
    collector: { id: number; name: string };
    actorId: number | null;
    now: Date;
  },
): Promise<number> {
  const ids = options.changed.map((c) => c.id);
  if (ids.length === 0) return 0;
  const to = options.collector.id;
  const moved = await tx.execute<{ n: number }>(sql`
    with moved as (
      update task t set assignee_id = ${to}, updated_at = ${options.now}
      from customer c
      where c.id = t.customer_id and c.id in ${idList(ids)} and t.status = 'open'
        and t.assignee_id = c.collector_id
      returning t.id
    ) select count(*)::int as n from moved`);
  await tx.execute(sql`
    insert into activity (company_id, customer_id, type, occurred_at, actor_id, summary, data)
    select c.company_id, c.id, 'collector_changed', ${options.now}, ${options.actorId},
      'Collector ' || coalesce(u.name, '—') || ' → ' || ${options.collector.name},
      jsonb_build_object('fromId', c.collector_id, 'fromName', u.name, 'toId', ${to}::bigint,
        'toName', ${options.collector.name}::text)
    from customer c left join app_user u on u.id = c.collector_id
    where c.id in ${idList(ids)}`);
  await tx.execute(sql`
    update customer set collector_id = ${to}, updated_at = ${options.now},
      locally_edited = case when 'collectorEmail' = any(locally_edited) then locally_edited
        else array_append(locally_edited, 'collectorEmail') end
    where id in ${idList(ids)}`);
  return moved.rows[0]?.n ?? 0;
}

export async function findActiveCollector(
  q: Queryable,
  userId: number,
): Promise<{ id: number; name: string; role: string } | null> {
  const result = await q.execute<{ id: number; name: string; role: string }>(sql`
    select id, name, role from app_user where id = ${userId} and is_active`);
  return result.rows[0] ?? null;
}
