import { type SQL, sql } from "drizzle-orm";
import { minorFactorSql } from "../../db/money-sql";
import { arrayParam } from "../../db/sql-arrays";
import { PRIORITY_SCALES, riskLevelsByClass } from "./agenda.rules";
import type { PriorityWeights } from "./agenda.schemas";

/** The risk levels as a JSON literal (quotes doubled for SQL). */
const RISK_LEVELS_JSON = `'${JSON.stringify(riskLevelsByClass()).replaceAll("'", "''")}'`;

/** `Math.max(0, Math.min(100, Math.round(x * 10) / 10))` in SQL, on double precision like JavaScript. */
function capped(expression: string): string {
  return `greatest(0::float8, least(100::float8, floor((${expression}) * 10 + 0.5) / 10))`;
}

/**
 * The priority score of `agenda.rules.ts` (`priorityScore`) as an expression over the columns of a customer's
 * factors and its company's weights (`s.`, see `weightsSql`): the same levels, terms and rounding, on double
 * precision, so that the agenda ranks every item in the database and returns only those shown.
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
export const DELIVERY_DAYS = 30;

/**
 * Writes the agenda entries of these customers as of `now` (each in its company's time zone), with their
 * customer's scoring factors and score: every open task (whoever it is assigned to, whatever its due date),
 * the open promises, the promises broken in the last 30 days, the disputes past their deadline, the credit
 * limits exceeded (the customer's own, else its group's) and the messages that could not be delivered in
 * the last 31 days (the agenda shows 30; the day more covers a clock read later in the day). The window,
 * the snoozes and the search are applied when the agenda is read. The customers' open items come from the
 * open invoices' customer index (a few rows each, read from the index alone).
 */
export function insertEntriesSql(customerIds: number[], now: Date, defaults: PriorityWeights): SQL {
  const at = now.toISOString();
  return sql`
    insert into agenda_entry (customer_id, company_id, collector_id, sales_rep_id, assignee_id, kind, ref_id,
      date, failed_at, label, detail, amount_minor, currency, limit_minor, customer_currency, risk_class,
      is_strategic, overdue_minor, max_days, broken, dispute_days, score, w_overdue_amount, w_days_past_due,
      w_risk_class, w_strategic, w_broken_promises, w_dispute_age)
    with cust as materialized (
      select c.id, c.company_id, c.collector_id, c.sales_rep_id, c.currency, c.credit_limit_minor, c.group_key,
        c.risk_class, c.is_strategic, co.time_zone, co.promise_grace_days,
        ((${at}::timestamptz) at time zone co.time_zone)::date as today
      from customer c join company co on co.id = c.company_id
      where c.id = any(${arrayParam(customerIds)}::bigint[])
    ), inv as (
      select cu.id as customer_id, x.exposure_minor, x.overdue_minor, x.max_days from cust cu
      cross join lateral (
        select coalesce(sum(i.open_amount_minor), 0)::bigint as exposure_minor,
          coalesce(sum(i.open_amount_minor) filter (where i.type = 'invoice' and i.due_date < cu.today), 0)::bigint
            as overdue_minor,
          coalesce(max(cu.today - i.due_date) filter (where i.type = 'invoice' and i.due_date < cu.today), 0)::int
            as max_days
        from invoice i where i.customer_id = cu.id and i.status = 'open' and i.currency = cu.currency
      ) x
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
        and (g.company_id, g.key) in (select company_id, group_key from cust where group_key is not null)
      group by g.company_id, g.key, g.name, g.currency, g.credit_limit_minor
    ), items as (
      select 'task' as kind, t.id as ref_id, t.customer_id, t.due_date as date, t.assignee_id,
        null::timestamptz as failed_at, t.title as label, t.type as detail, null::bigint as amount_minor,
        null::text as currency, null::bigint as limit_minor
      from cust cu join task t on t.customer_id = cu.id where t.status = 'open'
      union all
      select 'promise_due', p.id, p.customer_id, p.promised_date, null, null, null, p.status::text, p.amount_minor,
        p.currency::text, null
      from cust cu join promise_to_pay p on p.customer_id = cu.id where p.status = 'open'
      union all
      -- Dated when the grace ran out; the label keeps the date promised.
      select 'promise_broken', p.id, p.customer_id, p.promised_date + coalesce(p.grace_days, cu.promise_grace_days),
        null, null, p.promised_date::text, p.status::text, p.amount_minor, p.currency::text, null
      from cust cu join promise_to_pay p on p.customer_id = cu.id
      where p.status in ('broken', 'partly_kept')
        and p.promised_date + coalesce(p.grace_days, cu.promise_grace_days) >= cu.today - 30
      union all
      select 'dispute_overdue', d.id, d.customer_id, d.deadline, null, null,
        (select i.number from invoice i where i.id = d.invoice_id), d.status::text, d.amount_minor,
        d.currency::text, null
      from cust cu join dispute d on d.customer_id = cu.id
      where d.status in ('open', 'under_review') and d.deadline < cu.today
      union all
      select 'credit_limit', cu.id, cu.id, cu.today, null, null,
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
      where own.exceeded or g.exposure_minor > g.credit_limit_minor
      union all
      select 'delivery_failed', o.id, o.customer_id, (o.not_before at time zone cu.time_zone)::date, null,
        o.not_before, o.recipient, o.channel::text, null, null, null
      from cust cu join outbox o on o.customer_id = cu.id
      where o.status in ('failed', 'bounced')
        and o.not_before >= ${at}::timestamptz - make_interval(days => ${DELIVERY_DAYS + 1}::int)
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
      select s.*, ${weightsSql(defaults)}
      from factors s left join priority_setting w on w.company_id = s.company_id
    ), scored as (
      select s.*, ${scoreSql()} as score from weighted s
    )
    select it.customer_id, cu.company_id, cu.collector_id, cu.sales_rep_id, it.assignee_id, it.kind, it.ref_id,
      it.date, it.failed_at, it.label, it.detail, it.amount_minor, it.currency, it.limit_minor, cu.currency,
      cu.risk_class, cu.is_strategic, s.overdue_minor, s.max_days, s.broken, s.dispute_days, s.score,
      s.w_overdue_amount, s.w_days_past_due, s.w_risk_class, s.w_strategic, s.w_broken_promises, s.w_dispute_age
    from items it join scored s on s.id = it.customer_id join cust cu on cu.id = it.customer_id`;
}
