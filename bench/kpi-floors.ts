import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { bestTime } from "./yardsticks";

/**
 * A second yardstick, the floor of any snapshot of a given date: the same sum per customer, but of the
 * open amounts on that date, the allocations made by then (and not reversed by then) summed per invoice
 * and subtracted. Every snapshot needs at least this; its KPIs add the flows of the period. Best of two.
 */
export function timeAsOfFloor(db: Database, date: string): Promise<number> {
  return bestTime(
    db,
    sql`select count(*), sum(open) from (
      select i.customer_id, sum(i.amount_minor - coalesce(al.allocated, 0)) as open from invoice i
      left join (
        select invoice_id, sum(amount_minor) as allocated from payment_allocation
        where allocation_date <= ${date}::date and (reversed_at is null or reversed_at::date > ${date}::date)
        group by invoice_id
      ) al on al.invoice_id = i.id
      where i.issue_date <= ${date}::date
      group by i.customer_id) x`,
  );
}

/** The snapshot's four groupings: per currency, and per segment, collector, and both within it. */
const KEYS = sql`grouping sets ((c.currency), (c.currency, c.segment), (c.currency, c.collector_id),
  (c.currency, c.segment, c.collector_id))`;

/**
 * A third yardstick, the floor of the daily snapshot (yesterday's) even if it took the open amounts as the
 * invoices hold them today instead of rebuilding them as of the date: the four reads its KPIs cannot do
 * without, each as one grouped statement, timed apart (best of two each) and summed.
 * - the open items per key, with the aging of the overdue ones (AR, overdue ratio, aging);
 * - the sales of the last three months per day and key (the countback of a DSO up to 90 days);
 * - the month's payments per key (cash collected, payment delays, late-payment rate);
 * - each customer's amount-weighted delay over twelve months (the forecast of cash to come in).
 * Only totals that every writer kept up to date between days (per-customer delays, per-key monthly
 * flows) could spare these reads.
 */
export async function timeDailyFloor(db: Database, date: string): Promise<number> {
  const d = sql`${date}::date`;
  const reads = [
    sql`select count(*), sum(ar) from (
      select c.currency, c.segment, c.collector_id, sum(i.open_amount_minor) as ar,
        sum(i.open_amount_minor) filter (where ${d} - i.due_date between 1 and 30) as d1_30,
        sum(i.open_amount_minor) filter (where ${d} - i.due_date between 31 and 60) as d31_60,
        sum(i.open_amount_minor) filter (where ${d} - i.due_date between 61 and 90) as d61_90,
        sum(i.open_amount_minor) filter (where ${d} - i.due_date > 90) as d90plus
      from invoice i join customer c on c.id = i.customer_id
      where i.open_amount_minor <> 0 group by ${KEYS}) x`,
    sql`select count(*), sum(sales) from (
      select i.issue_date, c.currency, c.segment, c.collector_id, sum(i.amount_minor) as sales
      from invoice i join customer c on c.id = i.customer_id
      where i.type = 'invoice' and i.issue_date > ${d} - interval '3 months' and i.issue_date <= ${d}
      group by 1, 2, 3, 4) x`,
    sql`select count(*), sum(cash) from (
      select c.currency, c.segment, c.collector_id, sum(a.amount_minor) as cash,
        sum(a.amount_minor * (p.payment_date - i.due_date)) as delay
      from payment_allocation a join payment p on p.id = a.payment_id join invoice i on i.id = a.invoice_id
      join customer c on c.id = i.customer_id
      where a.reversed_at is null and p.payment_date > ${d} - interval '1 month' and p.payment_date <= ${d}
      group by ${KEYS}) x`,
    sql`select count(*), sum(delay) from (
      select i.customer_id, i.currency,
        sum(a.amount_minor * greatest(0, p.payment_date - i.due_date)) / nullif(sum(a.amount_minor), 0) as delay
      from payment_allocation a join payment p on p.id = a.payment_id join invoice i on i.id = a.invoice_id
      where a.reversed_at is null and a.amount_minor > 0 and p.payment_date > ${d} - interval '12 months'
        and p.payment_date <= ${d}
      group by 1, 2) x`,
  ];
  let total = 0;
  for (const read of reads) total += await bestTime(db, read);
  return total;
}
