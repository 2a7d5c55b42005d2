import { type SQL, sql } from "drizzle-orm";
import type { IsoDate } from "../../shared/dates";
import { customerScopeCondition } from "../customers/customers.scope";
import type { PortfolioScope } from "../users/users.rules";

/** Which customers a KPI covers; every statement joins `customer` and `company` under these names. */
export type KpiScope = {
  companyId?: number;
  currency?: string;
  segment?: string;
  collectorId?: number;
  portfolio: PortfolioScope;
};

/**
 * `scope`: one row per currency for the whole scope (the live figures). `all`: GROUPING SETS, one row per
 * currency for the whole scope, per segment, per collector and per segment and collector (the snapshots).
 */
export type Grouping = "scope" | "all";

/** The marker of "every segment" / "every collector" in the grouping keys; '' is "none". */
export const ALL_KEY = "*";

export function customerWhere(scope: KpiScope): SQL {
  const conditions: SQL[] = [customerScopeCondition(scope.portfolio)];
  if (scope.companyId !== undefined) conditions.push(sql`customer.company_id = ${scope.companyId}`);
  // '' is "no segment" and collector 0 "no collector", as in the snapshot keys.
  if (scope.segment !== undefined) conditions.push(sql`coalesce(customer.segment, '') = ${scope.segment}`);
  if (scope.collectorId === 0) conditions.push(sql`customer.collector_id is null`);
  else if (scope.collectorId !== undefined)
    conditions.push(sql`customer.collector_id = ${scope.collectorId}`);
  return sql.join(conditions, sql` and `);
}

/** The scope's currency filter on a currency column, or nothing. */
export function currencyWhere(scope: KpiScope, column: SQL): SQL {
  return scope.currency === undefined ? sql`true` : sql`${column} = ${scope.currency}`;
}

export type GroupColumns = { currency: SQL; segment: SQL; collector: SQL };

/** The key columns (currency, segment_key, collector_key) and the GROUP BY of a grouped statement. */
export function groupKeys(grouping: Grouping, c: GroupColumns): { keys: SQL; groupBy: SQL } {
  if (grouping === "scope") {
    return {
      keys: sql`${c.currency}::text as currency, ${ALL_KEY}::text as segment_key, ${ALL_KEY}::text as collector_key`,
      groupBy: sql`${c.currency}`,
    };
  }
  return {
    keys: sql`${c.currency}::text as currency,
      case when grouping(${c.segment}) = 1 then ${ALL_KEY}::text else coalesce(${c.segment}, '') end as segment_key,
      case when grouping(${c.collector}) = 1 then ${ALL_KEY}::text else coalesce(${c.collector}::text, '') end
        as collector_key`,
    groupBy: sql`grouping sets ((${c.currency}), (${c.currency}, ${c.segment}), (${c.currency}, ${c.collector}),
      (${c.currency}, ${c.segment}, ${c.collector}))`,
  };
}

/** The grouping columns of statements that join `customer` directly. */
export function customerColumns(currency: SQL): GroupColumns {
  return { currency, segment: sql`customer.segment`, collector: sql`customer.collector_id` };
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

/** The scope's company on a company_id column (lets PostgreSQL read one company's rows by index). */
export function companyWhere(scope: KpiScope, column: SQL): SQL {
  return scope.companyId === undefined ? sql`true` : sql`${column} = ${scope.companyId}`;
}

/**
 * Every item (invoices and credit notes) issued by `at`, with its open amount on that day (`open_minor`)
 * and on `begin` (`begin_minor`, 0 when issued later): the amount minus the allocations live then. The
 * part of today's open amount that no allocation explains (an open amount set by an ERP import, a
 * write-off) counts as settled on the day the row last changed (`closed_at`, else `updated_at`), so a past
 * date does not see a settlement nobody knew of yet. Allocations are summed once per invoice (a hash join,
 * not a lookup per item), which keeps a company-wide snapshot close to a plain scan of the invoice table.
 *
 * With `delays`, each item also carries its customer's average payment delay in that currency
 * (`delay_days`, `customerDelays`), joined by customer and currency: a grouped statement and a hash join,
 * where a window over the items had to sort them all by customer.
 */
export function openItems(scope: KpiScope, at: IsoDate, begin: IsoDate, delays?: { since: IsoDate }): SQL {
  // "Settled by the end of D in the company's time zone": the row's last change before the next local
  // midnight, an instant computed once per company (offset 0 keeps it from being inlined per row).
  const openOn = (date: SQL, allocated: SQL) => sql`(i.amount_minor - coalesce(${allocated}, 0)
    - case when coalesce(i.closed_at, i.updated_at) < ${date}
        then i.amount_minor - coalesce(al.live, 0) - i.open_amount_minor else 0 end)`;
  const companyDays = sql`(
    select company.*, (${day(at)} + 1)::timestamp at time zone company.time_zone as at_end,
      (${day(begin)} + 1)::timestamp at time zone company.time_zone as begin_end
    from company offset 0
  )`;
  const delayJoin = delays
    ? sql`left join ${customerDelays(scope, at, delays.since)} dl
        on dl.customer_id = i.customer_id and dl.currency = i.currency`
    : sql``;
  return sql`(
    select i.id, i.customer_id, i.type, i.due_date, i.currency, company.time_zone,
      customer.segment, customer.collector_id,
      ${openOn(sql`company.at_end`, sql`al.allocated`)}::bigint as open_minor,
      case when i.issue_date <= ${day(begin)} then ${openOn(sql`company.begin_end`, sql`al.allocated_begin`)}
        else 0 end::bigint
        as begin_minor
      ${delays ? sql`, dl.delay_days` : sql``}
    from invoice i
    join customer on customer.id = i.customer_id
    join ${companyDays} company on company.id = i.company_id
    left join (
      select a.invoice_id, sum(a.amount_minor) filter (where ${allocationLive(at)}) as allocated,
        sum(a.amount_minor) filter (where ${allocationLive(begin)}) as allocated_begin,
        sum(a.amount_minor) filter (where a.reversed_at is null) as live
      from payment_allocation a
      join invoice ai on ai.id = a.invoice_id
      join company on company.id = ai.company_id
      where ${companyWhere(scope, sql`ai.company_id`)}
      group by a.invoice_id
    ) al on al.invoice_id = i.id
    ${delayJoin}
    where ${companyWhere(scope, sql`i.company_id`)} and ${customerWhere(scope)}
      and ${currencyWhere(scope, sql`i.currency`)} and i.issue_date <= ${day(at)}
  )`;
}

/**
 * Each customer's average payment delay per currency on `at`: amount-weighted, late days only, over the live
 * allocations of payments received in (`since`, `at`] to its invoices issued by `at`, in whole days (null
 * without such payments). Summed per customer and currency in one grouped pass over those allocations.
 */
function customerDelays(scope: KpiScope, at: IsoDate, since: IsoDate): SQL {
  return sql`(
    select ai.customer_id, ai.currency,
      round(sum(a.amount_minor * greatest(0, p.payment_date - ai.due_date)) / nullif(sum(a.amount_minor), 0))::int
        as delay_days
    from payment_allocation a
    join payment p on p.id = a.payment_id
    join invoice ai on ai.id = a.invoice_id
    join company on company.id = ai.company_id
    where ${companyWhere(scope, sql`ai.company_id`)} and ai.type = 'invoice' and ai.issue_date <= ${day(at)}
      and a.amount_minor > 0 and ${allocationLive(at)}
      and p.payment_date > ${day(since)} and p.payment_date <= ${day(at)}
    group by ai.customer_id, ai.currency
  )`;
}
