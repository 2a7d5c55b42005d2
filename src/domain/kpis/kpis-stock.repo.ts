import { type SQL, sql } from "drizzle-orm";
import { addMonths, type IsoDate } from "../../shared/dates";
import { day, type Grouping, groupKeys, type KpiScope, localDate, openItems } from "./kpis.repo";
import { FORECAST_HISTORY_MONTHS } from "./kpis.rules";

/** The stock side of one key, amounts in minor units as text. */
export type StockRow = {
  ar: string;
  begin_ar: string;
  current: string;
  overdue: string;
  not_due: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90plus: string;
  disputed: string;
  f_d1_30: string;
  f_d31_60: string;
  f_d61_90: string;
  f_d90plus: string;
  promised: string;
};

/** The earliest pending promised date of each invoice under a promise made by `at`. */
function promisedDates(scope: KpiScope, at: IsoDate): SQL {
  const companyOnly = scope.companyId === undefined ? sql`true` : sql`pr.company_id = ${scope.companyId}`;
  return sql`(
    select pi.invoice_id, min(pr.promised_date) as promised_date
    from promise_to_pay pr
    join promise_invoice pi on pi.promise_id = pr.id
    join company on company.id = pr.company_id
    where ${companyOnly} and pr.status <> 'cancelled' and ${localDate(sql`pr.created_at`)} <= ${day(at)}
      and pr.promised_date > ${day(at)}
    group by pi.invoice_id
  )`;
}

/** The amount under a dispute live on `at`, per invoice. */
function disputedAmounts(scope: KpiScope, at: IsoDate): SQL {
  const companyOnly = scope.companyId === undefined ? sql`true` : sql`d.company_id = ${scope.companyId}`;
  return sql`(
    select d.invoice_id, sum(d.amount_minor) as amount
    from dispute d
    join company on company.id = d.company_id
    where ${companyOnly} and d.invoice_id is not null and ${localDate(sql`d.created_at`)} <= ${day(at)}
      and coalesce(${localDate(sql`d.closed_at`)},
        case when d.status in ('open', 'under_review') then null else ${localDate(sql`d.updated_at`)} end,
        'infinity'::date) > ${day(at)}
    group by d.invoice_id
  )`;
}

/**
 * AR on the as-of date and its split, the beginning AR of the period (for the CEI) and the forecast of
 * cash to come in, in one pass over the items. Only invoices age: an open credit note sits with the items
 * not due, so the buckets add up to the AR. An invoice due on the as-of date is not due. The forecast
 * expects each open invoice on its due date shifted by its customer's average delay, never before
 * tomorrow, or on the promised date of a pending promise. Each customer's delay comes with the items
 * (amount-weighted, late days only, over the payments of the last twelve months, in whole days).
 */
export function stockStatement(scope: KpiScope, at: IsoDate, begin: IsoDate, grouping: Grouping): SQL {
  const { keys, groupBy } = groupKeys(grouping, {
    currency: sql`o.currency`,
    segment: sql`o.segment`,
    collector: sql`o.collector_id`,
  });
  const sum = (condition: SQL) => sql`coalesce(sum(o.open_minor) filter (where ${condition}), 0)::text`;
  const overdue = sql`(o.type = 'invoice' and o.due_date < ${day(at)})`;
  const late = (from: number, to: number) =>
    sum(sql`o.type = 'invoice' and ${day(at)} - o.due_date between ${from} and ${to}`);
  const expected = sql`coalesce(pd.promised_date, greatest(o.due_date + coalesce(o.delay_days, 0), ${day(at)} + 1))`;
  const expectedIn = (from: number, to: number) =>
    sum(sql`o.type = 'invoice' and o.open_minor > 0 and ${expected} - ${day(at)} between ${from} and ${to}`);
  return sql`
    select ${keys},
      coalesce(sum(o.open_minor), 0)::text as ar,
      coalesce(sum(o.begin_minor), 0)::text as begin_ar,
      ${sum(sql`not ${overdue}`)} as current,
      ${sum(overdue)} as overdue,
      ${sum(sql`not ${overdue}`)} as not_due,
      ${late(1, 30)} as d1_30, ${late(31, 60)} as d31_60, ${late(61, 90)} as d61_90,
      ${sum(sql`o.type = 'invoice' and ${day(at)} - o.due_date > 90`)} as d90plus,
      coalesce(sum(least(greatest(o.open_minor, 0), ds.amount)) filter (where ds.amount is not null), 0)::text
        as disputed,
      ${expectedIn(1, 30)} as f_d1_30, ${expectedIn(31, 60)} as f_d31_60, ${expectedIn(61, 90)} as f_d61_90,
      ${sum(sql`o.type = 'invoice' and o.open_minor > 0 and ${expected} - ${day(at)} > 90`)} as f_d90plus,
      ${sum(sql`o.type = 'invoice' and o.open_minor > 0 and pd.promised_date is not null`)} as promised
    from ${openItems(scope, at, begin, { since: addMonths(at, -FORECAST_HISTORY_MONTHS) })} o
    left join ${disputedAmounts(scope, at)} ds on ds.invoice_id = o.id
    left join ${promisedDates(scope, at)} pd on pd.invoice_id = o.id
    group by ${groupBy}`;
}
