import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { executePrepared } from "../../db/prepared";
import { customerGroup } from "../../db/schema";
import type { PortfolioScope } from "../users/users.rules";
import {
  type CurrencyTotalsRow,
  type CustomerDetailRow,
  customerDetailSql,
  customerTotalsSql,
} from "./customers.repo";
import { companyToday } from "./customers.scope";

type GroupRef = { companyId: number; key: string; currency: string };
/** A group named by values, or by columns of the statement it is part of. */
type GroupSql = { companyId: number | SQL; key: string | SQL; currency: string | SQL };

/** Open items of every customer of the group, in the group's currency, net of open credit notes. */
function groupExposureSql(group: GroupSql): SQL {
  return sql`
    select coalesce(sum(i.open_amount_minor), 0)::bigint as exposure_minor
    from customer c join invoice i on i.customer_id = c.id and i.status = 'open' and i.currency = ${group.currency}
    where c.company_id = ${group.companyId} and c.group_key = ${group.key}`;
}

export async function selectGroupExposure(q: Queryable, group: GroupRef): Promise<number> {
  const result = await executePrepared<{ exposure_minor: number }>(
    q,
    "group_exposure",
    groupExposureSql(group),
  );
  return result.rows[0]?.exposure_minor ?? 0;
}

export type PaymentBehaviourRow = { avg_delay: string | null; dso: string | null; paid_count: number };

/**
 * The customer's own payment behaviour, in its currency: the average payment delay (days from the due date
 * to the last payment allocated, weighted by amount, over the invoices paid in the last 365 days) and the
 * DSO by the simple method (open items × 90 / invoices issued in the last 90 days).
 */
function paymentBehaviourSql(customerId: number, now: Date): SQL {
  return sql`
    with c as (
      select customer.id, customer.currency, ${companyToday(now)} as today
      from customer join company on company.id = customer.company_id where customer.id = ${customerId}
    ), paid as (
      select i.amount_minor, i.due_date, max(p.payment_date) as paid_on
      from c join invoice i on i.customer_id = c.id and i.currency = c.currency
      join payment_allocation a on a.invoice_id = i.id and a.reversed_at is null
      join payment p on p.id = a.payment_id
      where i.type = 'invoice' and i.status = 'paid'
      group by i.id, i.amount_minor, i.due_date
    ), recent as (
      select paid.* from paid, c where paid.paid_on > c.today - 365 and paid.paid_on <= c.today
    )
    select
      (select round(sum(amount_minor::numeric * (paid_on - due_date)) / nullif(sum(amount_minor), 0), 1)::text
        from recent) as avg_delay,
      (select round(
          (select sum(i.open_amount_minor) from invoice i where i.customer_id = c.id and i.status = 'open'
            and i.currency = c.currency)::numeric * 90
          / nullif((select sum(i.amount_minor) from invoice i where i.customer_id = c.id and i.type = 'invoice'
            and i.currency = c.currency and i.issue_date > c.today - 90 and i.issue_date <= c.today), 0), 1)::text
        from c) as dso,
      (select count(*)::int from recent) as paid_count`;
}

export type CustomerFileRow = CustomerDetailRow &
  PaymentBehaviourRow & {
    totals: CurrencyTotalsRow[];
    /** Null when the customer is in no group. */
    group_exposure_minor: number | null;
  };

/**
 * The customer file in one statement, when the customer is in the portfolio: its header, its totals per
 * currency, its payment behaviour and, for a customer in a group, the group's exposure in the group's currency.
 */
export async function findCustomerFile(
  q: Queryable,
  id: number,
  scope: PortfolioScope,
  now: Date,
): Promise<CustomerFileRow | null> {
  const result = await executePrepared<CustomerFileRow>(
    q,
    "customer_file",
    sql`
    select d.*, t.totals, b.avg_delay, b.dso, b.paid_count, g.exposure_minor as group_exposure_minor
    from (${customerDetailSql(id, scope)}) d
    cross join (select coalesce(json_agg(x), '[]'::json) as totals from (${customerTotalsSql(id, now)}) x) t
    cross join (${paymentBehaviourSql(id, now)}) b
    left join lateral (${groupExposureSql({
      companyId: sql`d.company_id`,
      key: sql`d.group_key`,
      currency: sql`coalesce(d.group_currency, d.currency)`,
    })}) g on d.group_key is not null`,
  );
  return result.rows[0] ?? null;
}

/** Sets the limit and the group, and marks the limit as edited in Encours so that imports keep it. */
export async function updateCreditSettings(
  tx: Tx,
  row: { id: number; creditLimitMinor: number | null; groupKey: string | null; now: Date },
): Promise<void> {
  await tx.execute(sql`
    update customer set credit_limit_minor = ${row.creditLimitMinor}, group_key = ${row.groupKey},
      updated_at = ${row.now},
      locally_edited = case when 'creditLimitMinor' = any(locally_edited) then locally_edited
        else array_append(locally_edited, 'creditLimitMinor') end
    where id = ${row.id}`);
}

export type GroupRow = typeof customerGroup.$inferSelect;

export async function selectGroups(q: Queryable, companyId: number): Promise<GroupRow[]> {
  return q
    .select()
    .from(customerGroup)
    .where(eq(customerGroup.companyId, companyId))
    .orderBy(customerGroup.name);
}

export async function findGroup(q: Queryable, companyId: number, key: string): Promise<GroupRow | null> {
  const rows = await q
    .select()
    .from(customerGroup)
    .where(and(eq(customerGroup.companyId, companyId), eq(customerGroup.key, key)));
  return rows[0] ?? null;
}

export async function upsertGroup(
  q: Queryable,
  row: {
    companyId: number;
    key: string;
    name: string;
    creditLimitMinor: number | null;
    currency: string;
    now: Date;
  },
): Promise<void> {
  const values = { name: row.name, creditLimitMinor: row.creditLimitMinor, updatedAt: row.now };
  await q
    .insert(customerGroup)
    .values({ companyId: row.companyId, key: row.key, currency: row.currency, ...values })
    .onConflictDoUpdate({ target: [customerGroup.companyId, customerGroup.key], set: values });
}

export async function countGroupMembers(q: Queryable, companyId: number, key: string): Promise<number> {
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from customer where company_id = ${companyId} and group_key = ${key}`);
  return result.rows[0]?.n ?? 0;
}
