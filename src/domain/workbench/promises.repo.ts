import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { decimalSql } from "../../db/money-sql";
import { promiseInvoice, promiseToPay } from "../../db/schema";
import type { PromiseStatus } from "./workbench.schemas";

/** The day a promise was made (in its company's time zone) and its deadline (promised date + grace). */
const MADE_ON = sql`(p.created_at at time zone co.time_zone)::date`;
const GRACE = sql`coalesce(p.grace_days, co.promise_grace_days)`;
const DEADLINE = sql`(p.promised_date + ${GRACE})`;

/**
 * What was paid towards promise `p`: allocations (not reversed, in the promise's currency) to its invoices of
 * payments dated from the day the promise was made to its deadline. Minor units, exact.
 */
const PAID = sql`coalesce((
  select sum(a.amount_minor) from promise_invoice pi
  join payment_allocation a on a.invoice_id = pi.invoice_id and a.reversed_at is null and a.currency = p.currency
  join payment pay on pay.id = a.payment_id
  where pi.promise_id = p.id and pay.payment_date between ${MADE_ON} and ${DEADLINE}
), 0)::bigint`;

export async function insertPromise(
  q: Queryable,
  values: typeof promiseToPay.$inferInsert & { invoiceIds: readonly number[] },
): Promise<number> {
  const { invoiceIds, ...promise } = values;
  const [row] = await q.insert(promiseToPay).values(promise).returning({ id: promiseToPay.id });
  if (!row) throw new Error("insert into promise_to_pay returned nothing");
  await q.insert(promiseInvoice).values(invoiceIds.map((invoiceId) => ({ promiseId: row.id, invoiceId })));
  return row.id;
}

export type PromiseRow = {
  id: number;
  company_id: number;
  customer_id: number;
  status: PromiseStatus;
  amount_minor: number;
  paid_minor: number;
  currency: string;
  promised_date: string;
  grace_days: number;
  deadline: string;
  made_on: string;
  channel: string | null;
  note: string | null;
  invoices: { id: number; number: string }[];
  created_by_id: number | null;
  created_by_name: string | null;
  created_at: Date;
};

async function selectPromiseRows(q: Queryable, where: SQL): Promise<PromiseRow[]> {
  const result = await q.execute<PromiseRow>(sql`
    select p.id, p.company_id, p.customer_id, p.status, p.amount_minor, ${PAID} as paid_minor, p.currency,
      p.promised_date::text, ${GRACE} as grace_days, ${DEADLINE}::text as deadline, ${MADE_ON}::text as made_on,
      p.channel, p.note, p.created_by_id, u.name as created_by_name, p.created_at,
      coalesce((
        select jsonb_agg(jsonb_build_object('id', i.id, 'number', i.number) order by i.due_date, i.number)
        from promise_invoice pi join invoice i on i.id = pi.invoice_id where pi.promise_id = p.id
      ), '[]'::jsonb) as invoices
    from promise_to_pay p
    join company co on co.id = p.company_id
    left join app_user u on u.id = p.created_by_id
    where ${where}
    order by p.promised_date desc, p.id desc
    limit 500`);
  return result.rows;
}

export function selectCustomerPromises(q: Queryable, customerId: number): Promise<PromiseRow[]> {
  return selectPromiseRows(q, sql`p.customer_id = ${customerId}`);
}

export async function findPromiseRow(q: Queryable, id: number): Promise<PromiseRow | null> {
  return (await selectPromiseRows(q, sql`p.id = ${id}`))[0] ?? null;
}

/** How many of the customer's promises ended each way: the promise-kept rate counts every promise, not a page. */
export async function countPromisesByStatus(
  q: Queryable,
  customerId: number,
): Promise<Record<PromiseStatus, number>> {
  const result = await q.execute<{ status: PromiseStatus; n: number }>(sql`
    select status, count(*)::int as n from promise_to_pay where customer_id = ${customerId} group by status`);
  const counts: Record<PromiseStatus, number> = { open: 0, kept: 0, partly_kept: 0, broken: 0, cancelled: 0 };
  for (const row of result.rows) counts[row.status] = row.n;
  return counts;
}

/** Moves open promises to their outcome; returns the ids it moved (another process may have been first). */
export async function settlePromises(
  q: Queryable,
  outcomes: readonly { id: number; status: PromiseStatus }[],
  now: Date,
): Promise<number[]> {
  if (outcomes.length === 0) return [];
  const result = await q.execute<{ id: number }>(sql`
    update promise_to_pay p set status = v.status::promise_status, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as v(id bigint, status text)
    where p.id = v.id and p.status = 'open'
    returning p.id`);
  return result.rows.map((r) => r.id);
}

export type DuePromiseRow = {
  id: number;
  company_id: number;
  customer_id: number;
  amount_minor: number;
  paid_minor: number;
  currency: string;
  promised_date: string;
  deadline: string;
  created_by_id: number | null;
  customer_ref: string;
  customer_name: string;
  collector_id: number | null;
  language: string;
  invoice_ids: number[];
};

/** Open promises of a company whose deadline (promised date + grace) is before `asOf`, with what was paid. */
export async function selectDuePromises(
  q: Queryable,
  companyId: number,
  asOf: string,
): Promise<DuePromiseRow[]> {
  const result = await q.execute<DuePromiseRow>(sql`
    select p.id, p.company_id, p.customer_id, p.amount_minor, ${PAID} as paid_minor, p.currency,
      p.promised_date::text, ${DEADLINE}::text as deadline, p.created_by_id,
      c.external_ref as customer_ref, c.name as customer_name, c.collector_id, co.default_language as language,
      coalesce((select jsonb_agg(pi.invoice_id order by pi.invoice_id) from promise_invoice pi
        where pi.promise_id = p.id), '[]'::jsonb) as invoice_ids
    from promise_to_pay p
    join company co on co.id = p.company_id
    join customer c on c.id = p.customer_id
    where p.company_id = ${companyId} and p.status = 'open' and ${DEADLINE} < ${asOf}::date
    order by p.id`);
  return result.rows;
}

/**
 * Promises of these customers that are paid in full already (before their deadline) end as kept, with
 * a timeline entry; their dunning hold ends with them. Returns how many.
 */
export async function closeKeptPromises(
  q: Queryable,
  customerIds: readonly number[],
  now: Date,
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const result = await q.execute<{ n: number }>(sql`
    with kept as (
      update promise_to_pay p set status = 'kept', updated_at = ${now.toISOString()}::timestamptz
      from company co
      where co.id = p.company_id and p.status = 'open' and p.customer_id = any(${sql.param(customerIds)}::bigint[])
        and ${PAID} >= p.amount_minor
      returning p.id, p.company_id, p.customer_id, p.amount_minor, ${PAID} as paid_minor, p.currency, p.promised_date
    ), timeline as (
      insert into activity (company_id, customer_id, type, summary, data, occurred_at)
      select company_id, customer_id, 'promise_kept',
        'Promise to pay kept: ' || ${decimalSql("amount_minor", "currency")} || ' ' || currency || ' promised for '
          || promised_date::text || ' received',
        jsonb_build_object('promiseId', id, 'automatic', true, 'status', 'kept',
          'amount', ${decimalSql("amount_minor", "currency")}, 'paid', ${decimalSql("paid_minor", "currency")},
          'currency', currency, 'promisedDate', promised_date::text), ${now.toISOString()}::timestamptz
      from kept returning 1
    )
    select count(*)::int as n from kept`);
  return result.rows[0]?.n ?? 0;
}
