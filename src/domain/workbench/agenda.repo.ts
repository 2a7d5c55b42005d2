import { type SQL, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../db/client";
import { minorFactorSql } from "../../db/money-sql";
import { executePrepared } from "../../db/prepared";
import { PRIORITY_SCALES, riskLevelsByClass } from "./agenda.rules";
import type { AgendaKind, PriorityWeights } from "./agenda.schemas";

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

/** The risk levels as a JSON literal (quotes doubled for SQL). */
const RISK_LEVELS_JSON = `'${JSON.stringify(riskLevelsByClass()).replaceAll("'", "''")}'`;

/** `Math.max(0, Math.min(100, Math.round(x * 10) / 10))` in SQL, on double precision like JavaScript. */
function capped(expression: string): string {
  return `greatest(0::float8, least(100::float8, floor((${expression}) * 10 + 0.5) / 10))`;
}

/**
 * The priority score of `agenda.rules.ts` (`priorityScore`) as an expression over the columns of a customer's
 * factors and its company's weights (`s.`, see `weightsSql`): the same levels, terms and rounding, on double
 * precision, so that the statement ranks every item and returns only those shown.
 */
function scoreSql(): SQL {
  const scale = PRIORITY_SCALES;
  const levels = {
    overdue_amount: capped(
      `(100 * log(1 + greatest(0, s.overdue_minor)::float8 / ${minorFactorSql("s.currency")}::float8)) / ${scale.overdueDigitsFull}`,
    ),
    days_past_due: capped(`(100 * s.max_days::float8) / ${scale.daysPastDueFull}`),
    risk_class: `(case when btrim(coalesce(s.risk_class, ''), E' \\t\\r\\n') = '' then 0::float8
      else coalesce((${RISK_LEVELS_JSON}::jsonb ->> btrim(s.risk_class, E' \\t\\r\\n'))::float8,
        (${RISK_LEVELS_JSON}::jsonb ->> lower(btrim(s.risk_class, E' \\t\\r\\n')))::float8, 50::float8) end)`,
    strategic: "(case when s.is_strategic then 100::float8 else 0::float8 end)",
    broken_promises: capped(`s.broken::float8 * ${scale.brokenPromiseStep}`),
    dispute_age: capped(`(100 * s.dispute_days::float8) / ${scale.disputeAgeFull}`),
  };
  const terms = (Object.keys(levels) as (keyof typeof levels)[]).map(
    (factor) => `(s.w_${factor}::float8 * ${levels[factor]}) / 100`,
  );
  return sql`(floor((${sql.raw(terms.join(" + "))}) * 10 + 0.5) / 10)`;
}

/** The weight columns: `w_overdue_amount`… in the order of the factors. */
const WEIGHT_COLUMNS = {
  overdueAmount: "overdue_amount",
  daysPastDue: "days_past_due",
  riskClass: "risk_class",
  strategic: "strategic",
  brokenPromises: "broken_promises",
  disputeAge: "dispute_age",
} as const satisfies Record<keyof PriorityWeights, string>;

/** A company's weights as `w_<factor>` columns: its saved ones (`w.`, null without a row), else the defaults. */
function weightsSql(defaults: PriorityWeights): SQL {
  const columns = (Object.entries(WEIGHT_COLUMNS) as [keyof PriorityWeights, string][]).map(
    ([factor, column]) => `coalesce(w.${column}, ${Math.trunc(defaults[factor])})::int as w_${column}`,
  );
  return sql.raw(columns.join(", "));
}

/** Delivery failures older than this leave the agenda (they stay on the messages page). */
const DELIVERY_DAYS = 30;

/**
 * Every item of one person's agenda in one statement, each with its customer's scoring factors: the open
 * tasks assigned to them (or unassigned on their customers) up to the horizon, and for their customers the
 * promises falling due, the promises broken in the last 30 days, the disputes past their deadline, the
 * credit limits exceeded (the customer's own, else its group's) and the messages that could not be delivered
 * in the last 30 days. Snoozed items are left out. The customers come from the collector or sales rep index,
 * their open items from the open invoices' customer index (a few rows each, read from the index alone).
 */
export async function selectAgendaRows(db: Database, filter: AgendaFilter): Promise<AgendaRow[]> {
  // An interactive read: compiling it (JIT) would cost more than running it, and the rows it reads by index
  // (customers, their open items) are in memory, where a random read costs little more than a sequential one.
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`set local jit = off; set local random_page_cost = 1.1; set local plan_cache_mode = force_generic_plan`,
    );
    return selectRows(tx, filter);
  });
}

async function selectRows(q: Queryable, filter: AgendaFilter): Promise<AgendaRow[]> {
  const now = filter.now.toISOString();
  const owner = filter.scope.ownerId;
  const result = await executePrepared<AgendaRow>(
    q,
    "agenda",
    sql`
    with own as materialized (
      select c.id, c.company_id, c.name, c.external_ref, c.currency, c.credit_limit_minor, c.group_key,
        c.risk_class, c.is_strategic, co.time_zone, co.promise_grace_days,
        ((${now}::timestamptz) at time zone co.time_zone)::date as today, true as in_base
      from customer c join company co on co.id = c.company_id
      where ${ownedBy(filter.scope)} and ${search(filter.q)}
    ), cust as materialized (
      select * from own
      union all
      -- Tasks assigned to this person on someone else's customers.
      select c.id, c.company_id, c.name, c.external_ref, c.currency, c.credit_limit_minor, c.group_key,
        c.risk_class, c.is_strategic, co.time_zone, co.promise_grace_days,
        ((${now}::timestamptz) at time zone co.time_zone)::date as today, false
      from customer c join company co on co.id = c.company_id
      where c.id in (
          select t.customer_id from task t where t.assignee_id = ${owner} and t.status = 'open'
          except select id from own)
        and (${ownedBy(filter.scope)}) is not true and ${search(filter.q)}
    ), tasks as (
      select t.id, t.customer_id, t.due_date, t.title, t.type from task t join cust cu on cu.id = t.customer_id
      where t.status = 'open' and (t.assignee_id = ${owner} or (t.assignee_id is null and cu.in_base))
    ), inv as (
      -- Per customer through the open invoices' customer index, not a pass over every open item.
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
        or exists (select 1 from outbox o where o.customer_id = cu.id and o.status in ('failed', 'bounced')
          and o.not_before >= ${now}::timestamptz - make_interval(days => ${DELIVERY_DAYS}::int))
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
      -- Dated when the grace ran out; the label keeps the date promised.
      select 'promise_broken', p.id, p.customer_id, p.promised_date + coalesce(p.grace_days, cu.promise_grace_days),
        p.promised_date::text, p.status::text, p.amount_minor, p.currency::text, null
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
      union all
      -- Read through the queue's status index: failures are few, a collector's customers are many.
      select 'delivery_failed', o.id, o.customer_id, (o.not_before at time zone cu.time_zone)::date, o.recipient,
        o.channel::text, null, null, null
      from outbox o join cust cu on cu.id = o.customer_id
      where cu.in_base and o.status in ('failed', 'bounced')
        and o.not_before >= ${now}::timestamptz - make_interval(days => ${DELIVERY_DAYS}::int)
    ), factors as (
      select cu.id, cu.currency, cu.risk_class, cu.is_strategic, cu.company_id,
        coalesce(inv.overdue_minor, 0)::bigint as overdue_minor, coalesce(inv.max_days, 0)::int as max_days,
        coalesce(prom.broken, 0)::int as broken, coalesce(disp.days, 0)::int as dispute_days
      from cust cu
      left join inv on inv.customer_id = cu.id
      left join prom on prom.customer_id = cu.id
      left join disp on disp.customer_id = cu.id
      where cu.id in (select customer_id from items)
    ), weighted as (
      select s.*, ${weightsSql(filter.defaults)}
      from factors s left join priority_setting w on w.company_id = s.company_id
    ), scored as (
      select s.*, ${scoreSql()} as score from weighted s
    ), ranked as (
      select it.*, s.overdue_minor, s.max_days, s.broken, s.dispute_days, s.score, s.w_overdue_amount,
        s.w_days_past_due, s.w_risk_class, s.w_strategic, s.w_broken_promises, s.w_dispute_age
      from items it join scored s on s.id = it.customer_id join cust cu on cu.id = it.customer_id
      where ${filter.kind === undefined ? sql`true` : sql`it.kind = ${filter.kind}`}
        and not exists (select 1 from agenda_snooze s where s.customer_id = it.customer_id
          and s.item_key = it.kind || ':' || it.ref_id and s.until_date > cu.today)
    )
    select it.kind, it.ref_id, it.customer_id, it.date::text as date, it.label, it.detail, it.amount_minor,
      it.currency, it.limit_minor, cu.name as customer_name, cu.external_ref, cu.company_id, cu.today::text as today,
      cu.currency::text as customer_currency, cu.risk_class, cu.is_strategic, it.overdue_minor, it.max_days,
      it.broken, it.dispute_days, it.score, it.w_overdue_amount, it.w_days_past_due, it.w_risk_class,
      it.w_strategic, it.w_broken_promises, it.w_dispute_age,
      (select json_object_agg(kind, n) from (select kind, count(*)::int as n from ranked group by kind) k) as counts,
      count(*) over ()::int as total
    from ranked it join cust cu on cu.id = it.customer_id
    order by it.score desc, it.date, (it.kind || ':' || it.ref_id) collate "C"
    limit ${filter.limit}`,
  );
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
