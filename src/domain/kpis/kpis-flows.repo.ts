import { type SQL, sql } from "drizzle-orm";
import {
  allocationLive,
  companyWhere,
  currencyWhere,
  customerColumns,
  customerWhere,
  day,
  type Grouping,
  groupKeys,
  type KpiScope,
  localDate,
} from "./kpis.repo";
import type { Window } from "./kpis.rules";

export type SalesRow = { k: number; sales: string; issued: number; disputed: number };

/**
 * Credit sales (invoices, by issue date; credit notes are left out so that every month's sales stay
 * positive for the countback) per window, with the count of invoices issued and of those disputed by `at`.
 * A window without sales has no row. The invoices are first summed per issue date and key (one pass,
 * disputes found by a hash join), and only those daily sums are spread over the 25 windows: the windows
 * never multiply the rows read.
 */
export function salesStatement(
  scope: KpiScope,
  windows: { k: number; window: Window }[],
  grouping: Grouping,
): SQL {
  const at = windows[0]!.window.through;
  const oldest = windows.reduce((min, w) => (w.window.after < min ? w.window.after : min), at);
  const { keys, groupBy } = groupKeys(grouping, {
    currency: sql`s.currency`,
    segment: sql`s.segment`,
    collector: sql`s.collector_id`,
  });
  const values = sql.join(
    windows.map((w) => sql`(${w.k}::int, ${day(w.window.after)}, ${day(w.window.through)})`),
    sql`, `,
  );
  return sql`
    select b.k, ${keys}, sum(s.sales)::text as sales, sum(s.issued)::int as issued,
      sum(s.disputed)::int as disputed
    from (values ${values}) b(k, after_date, through_date)
    join (
      select i.issue_date, i.currency, customer.segment, customer.collector_id,
        sum(i.amount_minor) as sales, count(*) as issued, count(dd.invoice_id) as disputed
      from invoice i
      join customer on customer.id = i.customer_id
      join company on company.id = i.company_id
      left join (
        select distinct d.invoice_id from dispute d join company on company.id = d.company_id
        where ${companyWhere(scope, sql`d.company_id`)} and d.invoice_id is not null
          and ${localDate(sql`d.created_at`)} <= ${day(at)}
      ) dd on dd.invoice_id = i.id
      where i.type = 'invoice' and ${companyWhere(scope, sql`i.company_id`)}
        and ${currencyWhere(scope, sql`i.currency`)} and ${customerWhere(scope)}
        and i.issue_date > ${day(oldest)} and i.issue_date <= ${day(at)}
      group by i.issue_date, i.currency, customer.segment, customer.collector_id
    ) s on s.issue_date > b.after_date and s.issue_date <= b.through_date
    group by b.k, ${groupBy}`;
}

export type PaymentRow = {
  amount: string;
  count: number;
  weighted_delay: string;
  signed_delay: string;
  late_count: number;
  late_amount: string;
  cash: string;
};

/**
 * Payments received in the period, one unit per allocation of a payment to an invoice (live on the
 * as-of date). Delays run from the due date to the payment's date; cash collected counts allocations by
 * their allocation date.
 */
export function paymentsStatement(scope: KpiScope, period: Window, grouping: Grouping): SQL {
  const { keys, groupBy } = groupKeys(grouping, customerColumns(sql`i.currency`));
  const received = sql`p.payment_date > ${day(period.after)} and p.payment_date <= ${day(period.through)}`;
  const late = sql`p.payment_date > i.due_date`;
  return sql`
    select ${keys}, coalesce(sum(a.amount_minor) filter (where ${received}), 0)::text as amount,
      count(*) filter (where ${received})::int as count,
      coalesce(sum(a.amount_minor * greatest(0, p.payment_date - i.due_date)) filter (where ${received}), 0)::text
        as weighted_delay,
      coalesce(sum(a.amount_minor * (p.payment_date - i.due_date)) filter (where ${received}), 0)::text
        as signed_delay,
      count(*) filter (where ${received} and ${late})::int as late_count,
      coalesce(sum(a.amount_minor) filter (where ${received} and ${late}), 0)::text as late_amount,
      coalesce(sum(a.amount_minor) filter (where a.allocation_date > ${day(period.after)}), 0)::text as cash
    from payment_allocation a
    join payment p on p.id = a.payment_id
    join invoice i on i.id = a.invoice_id
    join customer on customer.id = i.customer_id
    join company on company.id = i.company_id
    where ${customerWhere(scope)} and ${currencyWhere(scope, sql`i.currency`)} and i.type = 'invoice'
      and ${companyWhere(scope, sql`i.company_id`)} and ${companyWhere(scope, sql`p.company_id`)}
      and a.amount_minor > 0 and ${allocationLive(period.through)}
      and (${received} or a.allocation_date > ${day(period.after)})
    group by ${groupBy}`;
}

export type PromiseRow = { fell_due: number; kept: number };

/**
 * Promises that fell due in the period (promised date + grace inside it, cancelled ones left out), and
 * those whose amount had been allocated to their invoices between the day they were made and that deadline.
 * The amounts received are summed per promise by a join (one pass over the allocations), not looked up per
 * promise: the KPI statements plan without nested loops.
 */
export function promisesStatement(
  scope: KpiScope,
  period: Window,
  graceDays: number,
  grouping: Grouping,
): SQL {
  const { keys, groupBy } = groupKeys(grouping, customerColumns(sql`pr.currency`));
  const deadline = sql`(pr.promised_date + coalesce(pr.grace_days, ${graceDays}::int))`;
  const fellDue = sql`pr.status <> 'cancelled' and ${localDate(sql`pr.created_at`)} <= ${day(period.through)}
    and ${deadline} > ${day(period.after)} and ${deadline} <= ${day(period.through)}`;
  return sql`
    select ${keys}, count(*)::int as fell_due,
      count(*) filter (where coalesce(r.received, 0) >= pr.amount_minor)::int as kept
    from promise_to_pay pr
    join customer on customer.id = pr.customer_id
    join company on company.id = pr.company_id
    left join (
      select pr.id as promise_id, sum(a.amount_minor) as received
      from promise_to_pay pr
      join company on company.id = pr.company_id
      join promise_invoice pi on pi.promise_id = pr.id
      join payment_allocation a on a.invoice_id = pi.invoice_id
      where ${companyWhere(scope, sql`pr.company_id`)} and ${fellDue} and ${allocationLive(period.through)}
        and a.allocation_date >= ${localDate(sql`pr.created_at`)} and a.allocation_date <= ${deadline}
      group by pr.id
    ) r on r.promise_id = pr.id
    where ${customerWhere(scope)} and ${currencyWhere(scope, sql`pr.currency`)} and ${fellDue}
    group by ${groupBy}`;
}

export type ActivityRow = { calls: number; messages: number; tasks_done: number };

/** Collector work in the period, for customers whose account currency is the key's. */
export function activityStatement(scope: KpiScope, period: Window, grouping: Grouping): SQL {
  const { keys, groupBy } = groupKeys(grouping, customerColumns(sql`customer.currency`));
  const inPeriod = (column: SQL) =>
    sql`${localDate(column)} > ${day(period.after)} and ${localDate(column)} <= ${day(period.through)}`;
  const companyOnly = (column: SQL) =>
    scope.companyId === undefined ? sql`true` : sql`${column} = ${scope.companyId}`;
  return sql`
    select ${keys}, sum(w.calls)::int as calls, sum(w.messages)::int as messages,
      sum(w.tasks_done)::int as tasks_done
    from (
      select act.customer_id, count(*) filter (where act.type = 'call') as calls,
        count(*) filter (where act.type in ('dunning_step', 'email', 'sms', 'letter')) as messages,
        0 as tasks_done
      from activity act join company on company.id = act.company_id
      where ${companyOnly(sql`act.company_id`)} and act.customer_id is not null
        and ${inPeriod(sql`act.occurred_at`)}
      group by act.customer_id
      union all
      select t.customer_id, 0, 0, count(*)
      from task t join company on company.id = t.company_id
      where ${companyOnly(sql`t.company_id`)} and t.status = 'done' and ${inPeriod(sql`t.done_at`)}
      group by t.customer_id
    ) w
    join customer on customer.id = w.customer_id
    join company on company.id = customer.company_id
    where ${customerWhere(scope)} and ${currencyWhere(scope, sql`customer.currency`)}
    group by ${groupBy}`;
}
