import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { allocationLive, customerWhere, day, type KpiScope, localDate } from "./kpis.repo";
import type { Window } from "./kpis.rules";

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
export async function selectPayments(
  q: Queryable,
  scope: KpiScope,
  currency: string,
  period: Window,
): Promise<PaymentRow> {
  const received = sql`p.payment_date > ${day(period.after)} and p.payment_date <= ${day(period.through)}`;
  const late = sql`p.payment_date > i.due_date`;
  const result = await q.execute<PaymentRow>(sql`
    select coalesce(sum(a.amount_minor) filter (where ${received}), 0)::text as amount,
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
    where ${customerWhere(scope)} and i.currency = ${currency} and i.type = 'invoice' and a.amount_minor > 0
      and ${allocationLive(period.through)}
      and (${received} or a.allocation_date > ${day(period.after)})`);
  return result.rows[0]!;
}

export type PromiseRow = { fell_due: number; kept: number };

/**
 * Promises that fell due in the period (promised date + grace inside it, cancelled ones left out), and
 * those whose amount had been allocated to their invoices between the day they were made and that deadline.
 */
export async function selectPromises(
  q: Queryable,
  scope: KpiScope,
  currency: string,
  period: Window,
  graceDays: number,
): Promise<PromiseRow> {
  const deadline = sql`(pr.promised_date + coalesce(pr.grace_days, ${graceDays}::int))`;
  const result = await q.execute<PromiseRow>(sql`
    select count(*)::int as fell_due, count(*) filter (where x.received >= x.amount_minor)::int as kept
    from (
      select pr.amount_minor, (
        select coalesce(sum(a.amount_minor), 0) from promise_invoice pi
        join payment_allocation a on a.invoice_id = pi.invoice_id
        where pi.promise_id = pr.id and ${allocationLive(period.through)}
          and a.allocation_date >= ${localDate(sql`pr.created_at`)} and a.allocation_date <= ${deadline}
      ) as received
      from promise_to_pay pr
      join customer on customer.id = pr.customer_id
      join company on company.id = pr.company_id
      where ${customerWhere(scope)} and pr.currency = ${currency} and pr.status <> 'cancelled'
        and ${localDate(sql`pr.created_at`)} <= ${day(period.through)}
        and ${deadline} > ${day(period.after)} and ${deadline} <= ${day(period.through)}
    ) x`);
  return result.rows[0]!;
}

export type ActivityRow = { calls: number; messages: number; tasks_done: number };

/** Collector work in the period, for customers whose account currency is this one. */
export async function selectActivity(
  q: Queryable,
  scope: KpiScope,
  currency: string,
  period: Window,
): Promise<ActivityRow> {
  const inPeriod = (column: string) =>
    sql`${localDate(sql.raw(column))} > ${day(period.after)} and ${localDate(sql.raw(column))} <= ${day(period.through)}`;
  const result = await q.execute<ActivityRow>(sql`
    select
      (select count(*) filter (where act.type = 'call') from activity act
        join customer on customer.id = act.customer_id join company on company.id = customer.company_id
        where ${customerWhere(scope)} and customer.currency = ${currency} and ${inPeriod("act.occurred_at")})::int
        as calls,
      (select count(*) filter (where act.type in ('dunning_step', 'email', 'sms', 'letter')) from activity act
        join customer on customer.id = act.customer_id join company on company.id = customer.company_id
        where ${customerWhere(scope)} and customer.currency = ${currency} and ${inPeriod("act.occurred_at")})::int
        as messages,
      (select count(*) from task t
        join customer on customer.id = t.customer_id join company on company.id = customer.company_id
        where ${customerWhere(scope)} and customer.currency = ${currency} and t.status = 'done'
          and ${inPeriod("t.done_at")})::int as tasks_done`);
  return result.rows[0]!;
}
