import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { addMonths, type IsoDate } from "../../shared/dates";
import { allocationLive, customerWhere, day, type KpiScope, localDate, openItems } from "./kpis.repo";
import { FORECAST_HISTORY_MONTHS } from "./kpis.rules";

export type ForecastRow = {
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90plus: string;
  promised: string;
};

/**
 * Cash to come in after the as-of date, by days from it. Each open invoice is expected on its due date
 * shifted by its customer's average payment delay (amount-weighted, late days only, over the payments of
 * the last twelve months), and never before tomorrow; an invoice under a pending promise is expected on
 * the promised date instead.
 */
export async function selectForecast(
  q: Queryable,
  scope: KpiScope,
  currency: string,
  at: IsoDate,
): Promise<ForecastRow> {
  const since = addMonths(at, -FORECAST_HISTORY_MONTHS);
  const expected = sql`coalesce(pd.promised_date, greatest(o.due_date + coalesce(dl.days, 0), ${day(at)} + 1))`;
  const bucket = (from: number, to: number) =>
    sql`coalesce(sum(o.open_minor) filter (where ${expected} - ${day(at)} between ${from} and ${to}), 0)::text`;
  const result = await q.execute<ForecastRow>(sql`
    with dl as (
      select i.customer_id, round(sum(a.amount_minor * greatest(0, p.payment_date - i.due_date))::numeric
        / sum(a.amount_minor))::int as days
      from payment_allocation a
      join payment p on p.id = a.payment_id
      join invoice i on i.id = a.invoice_id
      join customer on customer.id = i.customer_id
      join company on company.id = i.company_id
      where ${customerWhere(scope)} and i.currency = ${currency} and i.type = 'invoice' and a.amount_minor > 0
        and ${allocationLive(at)} and p.payment_date > ${day(since)} and p.payment_date <= ${day(at)}
      group by i.customer_id
    ), pd as (
      select pi.invoice_id, min(pr.promised_date) as promised_date
      from promise_to_pay pr
      join promise_invoice pi on pi.promise_id = pr.id
      join company on company.id = pr.company_id
      where pr.status <> 'cancelled' and pr.currency = ${currency}
        and ${localDate(sql`pr.created_at`)} <= ${day(at)} and pr.promised_date > ${day(at)}
      group by pi.invoice_id
    )
    select ${bucket(1, 30)} as d1_30, ${bucket(31, 60)} as d31_60, ${bucket(61, 90)} as d61_90,
      coalesce(sum(o.open_minor) filter (where ${expected} - ${day(at)} > 90), 0)::text as d90plus,
      coalesce(sum(o.open_minor) filter (where pd.promised_date is not null), 0)::text as promised
    from ${openItems(scope, currency, at)} o
    left join dl on dl.customer_id = o.customer_id
    left join pd on pd.invoice_id = o.id
    where o.type = 'invoice' and o.open_minor > 0`);
  return result.rows[0]!;
}
