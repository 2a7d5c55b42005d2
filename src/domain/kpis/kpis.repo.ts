import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { IsoDate } from "../../shared/dates";
import { customerScopeCondition } from "../customers/customers.scope";
import type { PortfolioScope } from "../users/users.rules";
import type { Window } from "./kpis.rules";

/** Which customers a KPI covers; every statement joins `customer` and `company` under these names. */
export type KpiScope = {
  companyId?: number;
  segment?: string;
  collectorId?: number;
  portfolio: PortfolioScope;
};

export function customerWhere(scope: KpiScope): SQL {
  const conditions: SQL[] = [customerScopeCondition(scope.portfolio)];
  if (scope.companyId !== undefined) conditions.push(sql`customer.company_id = ${scope.companyId}`);
  if (scope.segment !== undefined) conditions.push(sql`customer.segment = ${scope.segment}`);
  if (scope.collectorId !== undefined) conditions.push(sql`customer.collector_id = ${scope.collectorId}`);
  return sql.join(conditions, sql` and `);
}

/** The local calendar date of an instant column, in the company's time zone. */
export function localDate(column: SQL): SQL {
  return sql`(${column} at time zone company.time_zone)::date`;
}

export function day(date: IsoDate): SQL {
  return sql`${date}::date`;
}

/** An allocation counts at `at` when made by then and not reversed by then. */
export function allocationLive(at: IsoDate): SQL {
  return sql`a.allocation_date <= ${day(at)}
    and (a.reversed_at is null or ${localDate(sql`a.reversed_at`)} > ${day(at)})`;
}

/**
 * Every item (invoices and credit notes) issued by `at`, with its open amount on that day: the amount
 * minus the allocations live then. The part of today's open amount that no allocation explains (an open
 * amount set by an ERP import, a write-off) counts as settled on the day the row last changed
 * (`closed_at`, else `updated_at`), so a past date does not see a settlement nobody knew of yet.
 */
export function openItems(scope: KpiScope, currency: string, at: IsoDate): SQL {
  const settledOn = sql`coalesce(${localDate(sql`i.closed_at`)}, ${localDate(sql`i.updated_at`)})`;
  return sql`(
    select i.id, i.customer_id, i.type, i.due_date, company.time_zone,
      (i.amount_minor - coalesce(al.allocated, 0)
        - case when ${settledOn} <= ${day(at)}
            then i.amount_minor - coalesce(al.live, 0) - i.open_amount_minor else 0 end)::bigint as open_minor
    from invoice i
    join customer on customer.id = i.customer_id
    join company on company.id = i.company_id
    left join lateral (
      select sum(a.amount_minor) filter (where ${allocationLive(at)}) as allocated,
        sum(a.amount_minor) filter (where a.reversed_at is null) as live
      from payment_allocation a where a.invoice_id = i.id
    ) al on true
    where ${customerWhere(scope)} and i.currency = ${currency} and i.issue_date <= ${day(at)}
  )`;
}

export type BalanceRow = {
  ar: string;
  current: string;
  overdue: string;
  not_due: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90plus: string;
  disputed: string;
};

/**
 * AR on the as-of date and its split. Only invoices age: an open credit note sits with the items not
 * due, so the buckets add up to the AR. An invoice due on the as-of date is not due.
 */
export async function selectBalances(
  q: Queryable,
  scope: KpiScope,
  currency: string,
  at: IsoDate,
): Promise<BalanceRow> {
  const overdue = sql`(o.type = 'invoice' and o.due_date < ${day(at)})`;
  const bucket = (from: number, to: number) =>
    sql`coalesce(sum(o.open_minor) filter (where o.type = 'invoice' and ${day(at)} - o.due_date between ${from} and ${to}), 0)::text`;
  const result = await q.execute<BalanceRow>(sql`
    select coalesce(sum(o.open_minor), 0)::text as ar,
      coalesce(sum(o.open_minor) filter (where not ${overdue}), 0)::text as current,
      coalesce(sum(o.open_minor) filter (where ${overdue}), 0)::text as overdue,
      coalesce(sum(o.open_minor) filter (where not ${overdue}), 0)::text as not_due,
      ${bucket(1, 30)} as d1_30, ${bucket(31, 60)} as d31_60, ${bucket(61, 90)} as d61_90,
      coalesce(sum(o.open_minor) filter (where o.type = 'invoice' and ${day(at)} - o.due_date > 90), 0)::text as d90plus,
      coalesce(sum(least(greatest(o.open_minor, 0), ds.amount)) filter (where ds.amount is not null), 0)::text
        as disputed
    from ${openItems(scope, currency, at)} o
    left join lateral (
      select sum(d.amount_minor) as amount from dispute d
      where d.invoice_id = o.id
        and (d.created_at at time zone o.time_zone)::date <= ${day(at)}
        and coalesce((d.closed_at at time zone o.time_zone)::date,
          case when d.status in ('open', 'under_review') then null
            else (d.updated_at at time zone o.time_zone)::date end, 'infinity'::date) > ${day(at)}
    ) ds on true`);
  return result.rows[0]!;
}

/** AR only (the beginning AR of the CEI). */
export async function selectAr(
  q: Queryable,
  scope: KpiScope,
  currency: string,
  at: IsoDate,
): Promise<number> {
  const result = await q.execute<{ ar: string }>(sql`
    select coalesce(sum(o.open_minor), 0)::text as ar from ${openItems(scope, currency, at)} o`);
  return Number(result.rows[0]!.ar);
}

export type SalesRow = { k: number; sales: string; issued: number; disputed: number };

/**
 * Credit sales (invoices, by issue date; credit notes are left out so that every month's sales stay
 * positive for the countback) per window, with the count of invoices issued and of those disputed by `at`.
 */
export async function selectSales(
  q: Queryable,
  scope: KpiScope,
  currency: string,
  windows: { k: number; window: Window }[],
  at: IsoDate,
): Promise<SalesRow[]> {
  const values = sql.join(
    windows.map((w) => sql`(${w.k}::int, ${day(w.window.after)}, ${day(w.window.through)})`),
    sql`, `,
  );
  const result = await q.execute<SalesRow>(sql`
    select b.k, coalesce(sum(i.amount_minor), 0)::text as sales, count(i.id)::int as issued,
      count(i.id) filter (where exists (
        select 1 from dispute d where d.invoice_id = i.id and ${localDate(sql`d.created_at`)} <= ${day(at)}
      ))::int as disputed
    from (values ${values}) b(k, after_date, through_date)
    left join (invoice i
      join customer on customer.id = i.customer_id
      join company on company.id = i.company_id)
    on i.type = 'invoice' and i.currency = ${currency} and i.issue_date > b.after_date
      and i.issue_date <= b.through_date and ${customerWhere(scope)}
    group by b.k order by b.k`);
  return result.rows;
}

/** The currencies the scope has items in by the as-of date (one report each, never a sum across). */
export async function selectCurrencies(q: Queryable, scope: KpiScope, at: IsoDate): Promise<string[]> {
  const result = await q.execute<{ currency: string }>(sql`
    select distinct i.currency from invoice i
    join customer on customer.id = i.customer_id
    join company on company.id = i.company_id
    where ${customerWhere(scope)} and i.issue_date <= ${day(at)}
    order by i.currency`);
  return result.rows.map((r) => r.currency);
}
