import { type SQL, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../db/client";
import { executePrepared } from "../../db/prepared";
import type { AgendaKind, PriorityWeights } from "./agenda.schemas";
import { DELIVERY_DAYS } from "./agenda-entries.sql";
import { type AgendaScope, ownerColumn, refreshWorklist, staleCustomersSql } from "./agenda-worklist.repo";

export type { AgendaScope };

export type AgendaRow = {
  kind: AgendaKind;
  ref_id: number;
  customer_id: number;
  date: string;
  label: string | null;
  detail: string | null;
  amount_minor: number | null;
  currency: string | null;
  limit_minor: number | null;
  customer_name: string;
  external_ref: string;
  company_id: number;
  today: string;
  customer_currency: string;
  risk_class: string | null;
  is_strategic: boolean;
  overdue_minor: number;
  max_days: number;
  broken: number;
  dispute_days: number;
  /** The priority score the statement ranked with (the same as `priorityScore`'s), and the weights it used. */
  score: number;
  w_overdue_amount: number;
  w_days_past_due: number;
  w_risk_class: number;
  w_strategic: number;
  w_broken_promises: number;
  w_dispute_age: number;
  /** Items per kind, and in all, before the limit. */
  counts: Record<string, number>;
  total: number;
};

export type AgendaFilter = {
  scope: AgendaScope;
  now: Date;
  /** Days after today that still count (tasks and promises). */
  horizon: number;
  q?: string | undefined;
  kind?: AgendaKind | undefined;
  /** The most items returned, the highest scores first. */
  limit: number;
  /** The default weights, for the companies that have not saved theirs. */
  defaults: PriorityWeights;
};

function search(q: string | undefined): SQL {
  if (!q) return sql`true`;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(c.name ilike ${like} or c.external_ref ilike ${like} or c.legal_id ilike ${like})`;
}

function ownedBy(scope: AgendaScope): SQL {
  return scope.kind === "sales"
    ? sql`c.sales_rep_id = ${scope.ownerId}`
    : sql`c.collector_id = ${scope.ownerId}`;
}

/**
 * One person's agenda, ranked: their worklist is brought up to date first (`refreshWorklist`), then its
 * entries are read by the owner's and assignee's indexes, the window, the snoozes, the kind and the search
 * applied, and only the first `limit` by score returned with the counts per kind and in all.
 */
export async function selectAgendaRows(db: Database, filter: AgendaFilter): Promise<AgendaRow[]> {
  // Most of the time nothing changed: one statement reads the entries and says that none is stale.
  const read = await selectEntries(db, filter);
  if (read.stale === 0) return read.rows;
  return db.transaction(async (tx) => {
    // Computing entries is a long statement: compiling it (JIT) would cost more than running it, planning
    // it once per connection saves as much, and the rows it reads by index are in memory.
    await tx.execute(
      sql`set local jit = off; set local random_page_cost = 1.1; set local plan_cache_mode = force_generic_plan`,
    );
    await refreshWorklist(tx, filter.scope, filter.now, filter.defaults);
    return (await selectEntries(tx, filter)).rows;
  });
}

/** Tasks are their assignee's, or the customer's owner's when unassigned; every other item the owner's. */
function ownedEntries(scope: AgendaScope): SQL {
  const owner = sql.raw(`e.${ownerColumn(scope)}`);
  return sql`(e.assignee_id = ${scope.ownerId} and e.kind = 'task')
    or (${owner} = ${scope.ownerId} and (e.kind <> 'task' or e.assignee_id is null))`;
}

/**
 * The first `limit` entries by score, with the counts, and the number of the person's customers whose entries
 * are stale (one row with null columns when no entry is shown, so that the number is always there).
 */
async function selectEntries(
  q: Queryable,
  filter: AgendaFilter,
): Promise<{ rows: AgendaRow[]; stale: number }> {
  const now = filter.now.toISOString();
  const result = await executePrepared<AgendaRow & { stale: number }>(
    q,
    `agenda_${ownerColumn(filter.scope)}`,
    sql`
    with ranked as (
      select e.*, co.today from agenda_entry e
      join (select id, ((${now}::timestamptz) at time zone time_zone)::date as today from company offset 0) co
        on co.id = e.company_id
      where (${ownedEntries(filter.scope)})
        and ${filter.kind === undefined ? sql`true` : sql`e.kind = ${filter.kind}`}
    ), shown as (
      select e.* from ranked e
      where (e.kind not in ('task', 'promise_due') or e.date <= e.today + ${filter.horizon}::int)
        and (e.kind <> 'delivery_failed'
          or e.failed_at >= ${now}::timestamptz - make_interval(days => ${DELIVERY_DAYS}::int))
        and not exists (select 1 from agenda_snooze s where s.customer_id = e.customer_id
          and s.item_key = e.kind || ':' || e.ref_id and s.until_date > e.today)
        and ${filter.q ? sql`e.customer_id in (select c.id from customer c where ${search(filter.q)})` : sql`true`}
    ), top as (
      select * from shown it order by it.score desc, it.date, (it.kind || ':' || it.ref_id) collate "C"
      limit ${filter.limit}
    )
    select it.kind, it.ref_id, it.customer_id, it.date::text as date, it.label, it.detail, it.amount_minor,
      it.currency, it.limit_minor, c.name as customer_name, c.external_ref, it.company_id, it.today::text as today,
      it.customer_currency::text as customer_currency, it.risk_class, it.is_strategic, it.overdue_minor,
      it.max_days, it.broken, it.dispute_days, it.score, it.w_overdue_amount, it.w_days_past_due,
      it.w_risk_class, it.w_strategic, it.w_broken_promises, it.w_dispute_age,
      (select json_object_agg(kind, n) from (select kind, count(*)::int as n from shown group by kind) k) as counts,
      (select count(*) from shown)::int as total,
      (select count(*) from (${staleCustomersSql(filter.scope, filter.now)}) x)::int as stale
    from (select 1) one
    left join (top it join customer c on c.id = it.customer_id) on true
    order by it.score desc, it.date, (it.kind || ':' || it.ref_id) collate "C"`,
  );
  const stale = result.rows[0]?.stale ?? 0;
  return { rows: result.rows.filter((r) => r.kind !== null), stale };
}

/** The customers of a scope (ids only), for the reads other modules answer about them. */
export async function selectScopeCustomerIds(
  q: Queryable,
  scope: AgendaScope,
  search_?: string,
): Promise<number[]> {
  const result = await q.execute<{ id: number }>(sql`
    select c.id from customer c where ${ownedBy(scope)} and ${search(search_)}`);
  return result.rows.map((r) => r.id);
}

export type OwnerRow = { id: number; name: string; role: string };

export async function findOwner(q: Queryable, userId: number): Promise<OwnerRow | null> {
  const result = await q.execute<OwnerRow>(sql`
    select id, name, role from app_user where id = ${userId} and is_active`);
  const row = result.rows[0];
  return row ?? null;
}

export async function selectCollectors(q: Queryable): Promise<{ id: number; name: string }[]> {
  const result = await q.execute<{ id: number; name: string }>(sql`
    select id, name from app_user where is_active and role = 'collector' order by name, id`);
  return result.rows;
}
