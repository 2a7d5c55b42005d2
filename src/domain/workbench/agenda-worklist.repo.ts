import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { executePrepared } from "../../db/prepared";
import { arrayParam } from "../../db/sql-arrays";
import type { PriorityWeights } from "./agenda.schemas";
import { insertEntriesSql } from "./agenda-entries.sql";

/** Whose agenda: a collector's (the customers they collect) or a sales rep's (the customers they sell to). */
export type AgendaScope = { ownerId: number; kind: "collector" | "sales" };

/** The column of `agenda_customer` and `agenda_entry` that holds the owner of this kind of agenda. */
export function ownerColumn(scope: AgendaScope): "collector_id" | "sales_rep_id" {
  return scope.kind === "sales" ? "sales_rep_id" : "collector_id";
}

/**
 * A worklist row (`s`) computed before the customer's last change (its generation, or a row left in
 * `agenda_stale` by a writer that found it locked) or on another day of its company (`co`).
 */
function isStale(): SQL {
  return sql`(s.generation <> s.computed_generation or s.computed_for is distinct from co.today
    or s.customer_id in (select customer_id from agenda_stale))`;
}

/** Each company with its today (`co.today`), computed once per company rather than per row. */
function companyToday(at: string): SQL {
  return sql`(select id, ((${at}::timestamptz) at time zone time_zone)::date as today from company offset 0) co`;
}

/**
 * The stale customers of one person's worklist: those they own, and those of the open tasks assigned to them
 * (read by the owner's index of the worklist rows and the assignee's index of the tasks).
 */
export function staleCustomersSql(scope: AgendaScope, now: Date): SQL {
  const at = now.toISOString();
  return sql`
    select s.customer_id from agenda_customer s join ${companyToday(at)} on co.id = s.company_id
    where s.${sql.raw(ownerColumn(scope))} = ${scope.ownerId} and ${isStale()}
    union
    select s.customer_id from agenda_customer s join ${companyToday(at)} on co.id = s.company_id
    where s.customer_id = any(array(
        select t.customer_id from task t where t.assignee_id = ${scope.ownerId} and t.status = 'open'))
      and ${isStale()}`;
}

/**
 * Brings one person's worklist up to date, inside the agenda's transaction: the customers they own, and those
 * of the open tasks assigned to them, whose entries were computed before their last change or on another day
 * (in their company's time zone) are computed again. Their worklist rows are locked first, so two agendas
 * never write the same customer twice, and a writer changing one of them meanwhile leaves a mark in
 * `agenda_stale` that this computation does not delete (it did not see it); a customer locked by a change in
 * progress is left as it is (that change stales it). Called when the agenda's read found something stale: one
 * statement computes the stale customers (all of the person's on the day's first agenda).
 */
export async function refreshWorklist(
  q: Queryable,
  scope: AgendaScope,
  now: Date,
  defaults: PriorityWeights,
): Promise<number> {
  const at = now.toISOString();
  const found = await executePrepared<{ customer_id: number; generation: number }>(
    q,
    `agenda_stale_${ownerColumn(scope)}`,
    sql`
    select s.customer_id, s.generation from agenda_customer s join ${companyToday(at)} on co.id = s.company_id
    where s.customer_id in (${staleCustomersSql(scope, now)}) and ${isStale()}
    for update of s skip locked`,
  );
  if (found.rows.length === 0) return 0;
  const ids = found.rows.map((r) => Number(r.customer_id));
  // The marks of changes committed by now go: the statement below sees those changes.
  await q.execute(sql`delete from agenda_stale where customer_id = any(${arrayParam(ids)}::bigint[])`);
  await q.execute(sql`delete from agenda_entry where customer_id = any(${arrayParam(ids)}::bigint[])`);
  await executePrepared(q, "agenda_entries", insertEntriesSql(ids, now, defaults));
  await q.execute(sql`
    update agenda_customer s set computed_generation = v.generation,
      computed_for = ((${at}::timestamptz) at time zone co.time_zone)::date
    from unnest(${arrayParam(ids)}::bigint[], ${arrayParam(found.rows.map((r) => Number(r.generation)))}::bigint[])
      as v(customer_id, generation), company co
    where s.customer_id = v.customer_id and co.id = s.company_id`);
  return ids.length;
}
