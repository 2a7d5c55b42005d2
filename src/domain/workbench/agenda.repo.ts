import { type SQL, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../db/client";
import type { AgendaKind } from "./agenda.schemas";

export type AgendaScope = { ownerId: number; kind: "collector" | "sales" };

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
};

export type AgendaFilter = {
  scope: AgendaScope;
  now: Date;
  /** Days after today that still count (tasks and promises). */
  horizon: number;
  q?: string | undefined;
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
 * Every item of one person's agenda in one statement, each with its customer's scoring factors: the open
 * tasks assigned to them (or unassigned on their customers) up to the horizon, and for their customers the
 * promises falling due, the promises broken in the last 30 days, the disputes past their deadline and the
 * credit limits exceeded (the customer's own, else its group's). Snoozed items are left out. Two statements
 * whatever the number of customers: their ids (from the collector or sales rep index), then the items, the
 * open items read through the invoice's customer index.
 */
export async function selectAgendaRows(db: Database, filter: AgendaFilter): Promise<AgendaRow[]> {
  // An interactive read: compiling it (JIT) would cost more than running it.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return selectRows(tx, filter);
  });
}

async function selectRows(q: Queryable, filter: AgendaFilter): Promise<AgendaRow[]> {
  const now = filter.now.toISOString();
  const owner = filter.scope.ownerId;
  // The customers first, so that the planner knows it joins a couple of thousand customers (not a guess
  // over every customer) and reads their open items through the customer index.
  const customers = await q.execute<{ id: number; in_base: boolean }>(sql`
    select c.id, true as in_base from customer c where ${ownedBy(filter.scope)} and ${search(filter.q)}
    union
    select c.id, false from task t join customer c on c.id = t.customer_id
    where t.assignee_id = ${owner} and t.status = 'open' and (${ownedBy(filter.scope)}) is not true
      and ${search(filter.q)}`);
  if (customers.rows.length === 0) return [];
  const all = `{${customers.rows.map((r) => r.id).join(",")}}`;
  const base = `{${customers.rows
    .filter((r) => r.in_base)
    .map((r) => r.id)
    .join(",")}}`;
  const result = await q.execute<AgendaRow>(sql`
    with tasks as (
      select t.id, t.customer_id, t.due_date, t.title, t.type from task t
      where t.status = 'open' and t.customer_id = any(${all}::bigint[])
        and (t.assignee_id = ${owner} or (t.assignee_id is null and t.customer_id = any(${base}::bigint[])))
    ), cust as (
      select c.id, c.company_id, c.name, c.external_ref, c.currency, c.credit_limit_minor, c.group_key,
        c.risk_class, c.is_strategic, co.time_zone, co.promise_grace_days,
        ((${now}::timestamptz) at time zone co.time_zone)::date as today,
        c.id = any(${base}::bigint[]) as in_base
      from customer c join company co on co.id = c.company_id
      where c.id = any(${all}::bigint[])
    ), inv as (
      -- Per customer through the invoice's customer index (a lateral read), not a pass over every open item.
      select cu.id as customer_id, x.exposure_minor, x.overdue_minor, x.max_days from cust cu
      cross join lateral (
        select coalesce(sum(i.open_amount_minor), 0)::bigint as exposure_minor,
          coalesce(sum(i.open_amount_minor) filter (where i.type = 'invoice' and i.due_date < cu.today), 0)::bigint
            as overdue_minor,
          coalesce(max(cu.today - i.due_date) filter (where i.type = 'invoice' and i.due_date < cu.today), 0)::int
            as max_days
        from invoice i where i.customer_id = cu.id and i.status = 'open' and i.currency = cu.currency
      ) x
      -- Only the customers that have an item, or a limit (own or group) to check.
      where cu.credit_limit_minor is not null or cu.group_key is not null
        or cu.id in (select customer_id from tasks)
        or exists (select 1 from promise_to_pay p where p.customer_id = cu.id
          and p.status in ('open', 'broken', 'partly_kept'))
        or exists (select 1 from dispute d where d.customer_id = cu.id and d.status in ('open', 'under_review'))
    ), prom as (
      select p.customer_id, count(*)::int as broken from cust cu join promise_to_pay p on p.customer_id = cu.id
      where p.status in ('broken', 'partly_kept') and p.promised_date >= cu.today - 365
      group by p.customer_id
    ), disp as (
      select d.customer_id, max(cu.today - (d.created_at at time zone cu.time_zone)::date)::int as days
      from cust cu join dispute d on d.customer_id = cu.id
      where d.status in ('open', 'under_review') group by d.customer_id
    ), gexp as (
      select g.company_id, g.key, g.name, g.currency, g.credit_limit_minor,
        coalesce(sum(x.open_minor), 0)::bigint as exposure_minor
      from customer_group g
      join customer c on c.company_id = g.company_id and c.group_key = g.key
      cross join lateral (
        select sum(i.open_amount_minor) as open_minor from invoice i
        where i.customer_id = c.id and i.status = 'open' and i.currency = g.currency
      ) x
      where g.credit_limit_minor is not null
        and (g.company_id, g.key) in (select company_id, group_key from cust where in_base and group_key is not null)
      group by g.company_id, g.key, g.name, g.currency, g.credit_limit_minor
    ), items as (
      select 'task' as kind, t.id as ref_id, t.customer_id, t.due_date as date, t.title as label,
        t.type as detail, null::bigint as amount_minor, null::text as currency, null::bigint as limit_minor
      from tasks t join cust cu on cu.id = t.customer_id where t.due_date <= cu.today + ${filter.horizon}::int
      union all
      select 'promise_due', p.id, p.customer_id, p.promised_date, null, p.status::text, p.amount_minor,
        p.currency::text, null
      from cust cu join promise_to_pay p on p.customer_id = cu.id
      where cu.in_base and p.status = 'open' and p.promised_date <= cu.today + ${filter.horizon}::int
      union all
      select 'promise_broken', p.id, p.customer_id, p.promised_date + coalesce(p.grace_days, cu.promise_grace_days),
        null, p.status::text, p.amount_minor, p.currency::text, null
      from cust cu join promise_to_pay p on p.customer_id = cu.id
      where cu.in_base and p.status in ('broken', 'partly_kept')
        and p.promised_date + coalesce(p.grace_days, cu.promise_grace_days) >= cu.today - 30
      union all
      select 'dispute_overdue', d.id, d.customer_id, d.deadline,
        (select i.number from invoice i where i.id = d.invoice_id), d.status::text, d.amount_minor,
        d.currency::text, null
      from cust cu join dispute d on d.customer_id = cu.id
      where cu.in_base and d.status in ('open', 'under_review') and d.deadline < cu.today
      union all
      select 'credit_limit', cu.id, cu.id, cu.today,
        case when own.exceeded then null else g.name end,
        case when own.exceeded then 'customer' else 'group' end,
        case when own.exceeded then coalesce(inv.exposure_minor, 0) else g.exposure_minor end,
        case when own.exceeded then cu.currency::text else g.currency::text end,
        case when own.exceeded then cu.credit_limit_minor else g.credit_limit_minor end
      from cust cu
      left join inv on inv.customer_id = cu.id
      left join gexp g on g.company_id = cu.company_id and g.key = cu.group_key
      cross join lateral (select cu.credit_limit_minor is not null
        and coalesce(inv.exposure_minor, 0) > cu.credit_limit_minor as exceeded) own
      where cu.in_base and (own.exceeded or g.exposure_minor > g.credit_limit_minor)
    )
    select it.kind, it.ref_id, it.customer_id, it.date::text as date, it.label, it.detail, it.amount_minor,
      it.currency, it.limit_minor, cu.name as customer_name, cu.external_ref, cu.company_id, cu.today::text as today,
      cu.currency::text as customer_currency, cu.risk_class, cu.is_strategic,
      coalesce(inv.overdue_minor, 0)::bigint as overdue_minor, coalesce(inv.max_days, 0)::int as max_days,
      coalesce(prom.broken, 0)::int as broken, coalesce(disp.days, 0)::int as dispute_days
    from items it
    join cust cu on cu.id = it.customer_id
    left join inv on inv.customer_id = cu.id
    left join prom on prom.customer_id = cu.id
    left join disp on disp.customer_id = cu.id
    where not exists (select 1 from agenda_snooze s where s.customer_id = it.customer_id
      and s.item_key = it.kind || ':' || it.ref_id and s.until_date > cu.today)`);
  return result.rows;
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

/** The keys among these that are snoozed today (each customer's company's today). */
export async function selectSnoozedKeys(
  q: Queryable,
  options: { keys: readonly string[]; now: Date },
): Promise<Set<string>> {
  if (options.keys.length === 0) return new Set();
  const result = await q.execute<{ item_key: string }>(sql`
    select s.item_key from agenda_snooze s join company co on co.id = s.company_id
    where s.item_key in (select jsonb_array_elements_text(${JSON.stringify(options.keys)}::jsonb))
      and s.until_date > ((${options.now.toISOString()}::timestamptz) at time zone co.time_zone)::date`);
  return new Set(result.rows.map((r) => r.item_key));
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
