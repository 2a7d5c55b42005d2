import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { executePrepared } from "../../db/prepared";
import type { PortfolioScope } from "../users/users.rules";
import type { CustomerListQuery } from "./customers.schemas";
import { companyToday, customerScopeCondition } from "./customers.scope";

export type CustomerListRow = {
  id: number;
  external_ref: string;
  name: string;
  company_id: number;
  company_code: string;
  segment: string | null;
  country: string | null;
  currency: string;
  is_strategic: boolean;
  risk_class: string | null;
  collector_id: number | null;
  collector_name: string | null;
  sales_rep_id: number | null;
  sales_rep_name: string | null;
  open_minor: number;
  overdue_minor: number;
  open_count: number;
  max_days_overdue: number;
  credit_limit_minor: number | null;
  account_status: string;
};

export type CustomerFilter = Omit<CustomerListQuery, "page" | "pageSize" | "sort" | "order"> & {
  scope: PortfolioScope;
  now: Date;
};

/**
 * Open and overdue totals per customer, in the customer's currency only (never two currencies in
 * one sum). Open credit notes reduce the open balance; overdue counts invoices past due only.
 */
function totals(now: Date): SQL {
  return sql`(
    select invoice.customer_id,
      sum(invoice.open_amount_minor)::bigint as open_minor,
      coalesce(sum(invoice.open_amount_minor) filter (where invoice.type = 'invoice' and invoice.due_date < ${companyToday(now)}), 0)::bigint as overdue_minor,
      count(*)::int as open_count,
      coalesce(max(${companyToday(now)} - invoice.due_date) filter (where invoice.type = 'invoice' and invoice.due_date < ${companyToday(now)}), 0)::int as max_days_overdue
    from invoice
    join customer on customer.id = invoice.customer_id and customer.currency = invoice.currency
    join company on company.id = invoice.company_id
    where invoice.status = 'open'
    group by invoice.customer_id
  )`;
}

const SORTS: Record<CustomerListQuery["sort"], SQL> = {
  name: sql`lower(customer.name)`,
  overdueAmount: sql`coalesce(t.overdue_minor, 0)`,
  openAmount: sql`coalesce(t.open_minor, 0)`,
  daysOverdue: sql`coalesce(t.max_days_overdue, 0)`,
};

function whereCustomers(filter: CustomerFilter): SQL {
  const conditions: SQL[] = [customerScopeCondition(filter.scope)];
  if (filter.companyId !== undefined) conditions.push(sql`customer.company_id = ${filter.companyId}`);
  if (filter.segment !== undefined) conditions.push(sql`customer.segment = ${filter.segment}`);
  if (filter.collectorId !== undefined) conditions.push(sql`customer.collector_id = ${filter.collectorId}`);
  if (filter.overdueOnly) conditions.push(sql`coalesce(t.overdue_minor, 0) > 0`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(customer.name ilike ${like} or customer.external_ref ilike ${like}
      or customer.legal_id ilike ${like} or customer.vat_id ilike ${like} or customer.email ilike ${like})`);
  }
  return sql.join(conditions, sql` and `);
}

export async function selectCustomers(
  q: Queryable,
  filter: CustomerFilter,
  page: { limit: number; offset: number; sort: CustomerListQuery["sort"]; order: "asc" | "desc" },
): Promise<CustomerListRow[]> {
  const direction = page.order === "desc" ? sql`desc` : sql`asc`;
  const result = await q.execute<CustomerListRow>(sql`
    select customer.id, customer.external_ref, customer.name, customer.company_id, company.code as company_code,
      customer.segment, customer.country, customer.currency, customer.is_strategic, customer.risk_class,
      customer.collector_id, collector.name as collector_name, customer.sales_rep_id, sales_rep.name as sales_rep_name,
      coalesce(t.open_minor, 0) as open_minor, coalesce(t.overdue_minor, 0) as overdue_minor,
      coalesce(t.open_count, 0) as open_count, coalesce(t.max_days_overdue, 0) as max_days_overdue,
      customer.credit_limit_minor, customer.account_status
    from customer
    join company on company.id = customer.company_id
    left join ${totals(filter.now)} t on t.customer_id = customer.id
    left join app_user collector on collector.id = customer.collector_id
    left join app_user sales_rep on sales_rep.id = customer.sales_rep_id
    where ${whereCustomers(filter)}
    order by ${SORTS[page.sort]} ${direction}, customer.id asc
    limit ${page.limit} offset ${page.offset}`);
  return result.rows;
}

export async function countCustomers(q: Queryable, filter: CustomerFilter): Promise<number> {
  const join = filter.overdueOnly
    ? sql`left join ${totals(filter.now)} t on t.customer_id = customer.id`
    : sql``;
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from customer join company on company.id = customer.company_id ${join}
    where ${whereCustomers(filter)}`);
  return result.rows[0]?.n ?? 0;
}

export type CustomerDetailRow = {
  id: number;
  external_ref: string;
  name: string;
  company_id: number;
  company_code: string;
  company_name: string;
  segment: string | null;
  language: string | null;
  country: string | null;
  currency: string;
  email: string | null;
  phone: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  payment_terms: string | null;
  credit_limit_minor: number | null;
  risk_class: string | null;
  is_strategic: boolean;
  collector_id: number | null;
  collector_name: string | null;
  sales_rep_id: number | null;
  sales_rep_name: string | null;
  legal_id: string | null;
  vat_id: string | null;
  account_status: string;
  group_key: string | null;
  group_name: string | null;
  group_limit_minor: number | null;
  group_currency: string | null;
};

/** A customer's header (`CustomerDetailRow`) when it is in the portfolio, else no row. */
export function customerDetailSql(id: number, scope: PortfolioScope): SQL {
  return sql`
    select customer.id, customer.external_ref, customer.name, customer.company_id, company.code as company_code,
      company.name as company_name, customer.segment, customer.language, customer.country, customer.currency,
      customer.email, customer.phone, customer.address_line1, customer.address_line2, customer.postal_code,
      customer.city, customer.payment_terms, customer.credit_limit_minor, customer.risk_class, customer.is_strategic,
      customer.collector_id, collector.name as collector_name, customer.sales_rep_id, sales_rep.name as sales_rep_name,
      customer.legal_id, customer.vat_id, customer.account_status, customer.group_key, g.name as group_name,
      g.credit_limit_minor as group_limit_minor, g.currency as group_currency
    from customer
    join company on company.id = customer.company_id
    left join app_user collector on collector.id = customer.collector_id
    left join app_user sales_rep on sales_rep.id = customer.sales_rep_id
    left join customer_group g on g.company_id = customer.company_id and g.key = customer.group_key
    where customer.id = ${id} and ${customerScopeCondition(scope)}`;
}

export async function findCustomer(
  q: Queryable,
  id: number,
  scope: PortfolioScope,
): Promise<CustomerDetailRow | null> {
  const result = await executePrepared<CustomerDetailRow>(q, "customer_detail", customerDetailSql(id, scope));
  return result.rows[0] ?? null;
}

export type CurrencyTotalsRow = {
  currency: string;
  open_minor: number;
  overdue_minor: number;
  not_due_minor: number;
  open_count: number;
  overdue_count: number;
  unapplied_minor: number;
  disputed_minor: number;
};

/** One row per currency in which the customer has open items or unapplied cash (`CurrencyTotalsRow`). */
export function customerTotalsSql(customerId: number, now: Date): SQL {
  const today = companyToday(now);
  return sql`
    with items as (
      select invoice.currency,
        sum(invoice.open_amount_minor)::bigint as open_minor,
        coalesce(sum(invoice.open_amount_minor) filter (where invoice.type = 'invoice' and invoice.due_date < ${today}), 0)::bigint as overdue_minor,
        coalesce(sum(invoice.open_amount_minor) filter (where invoice.due_date >= ${today}), 0)::bigint as not_due_minor,
        count(*)::int as open_count,
        (count(*) filter (where invoice.type = 'invoice' and invoice.due_date < ${today}))::int as overdue_count
      from invoice join company on company.id = invoice.company_id
      where invoice.customer_id = ${customerId} and invoice.status = 'open'
      group by invoice.currency
    ), cash as (
      select payment.currency, sum(payment.unapplied_minor)::bigint as unapplied_minor
      from payment where payment.customer_id = ${customerId} and payment.unapplied_minor <> 0
      group by payment.currency
    ), disputed as (
      select dispute.currency, sum(dispute.amount_minor)::bigint as disputed_minor
      from dispute where dispute.customer_id = ${customerId} and dispute.status in ('open', 'under_review')
      group by dispute.currency
    ), currencies as (
      select currency from items union select currency from cash union select currency from disputed
    )
    select currencies.currency,
      coalesce(items.open_minor, 0) as open_minor, coalesce(items.overdue_minor, 0) as overdue_minor,
      coalesce(items.not_due_minor, 0) as not_due_minor, coalesce(items.open_count, 0) as open_count,
      coalesce(items.overdue_count, 0) as overdue_count, coalesce(cash.unapplied_minor, 0) as unapplied_minor,
      coalesce(disputed.disputed_minor, 0) as disputed_minor
    from currencies
    left join items on items.currency = currencies.currency
    left join cash on cash.currency = currencies.currency
    left join disputed on disputed.currency = currencies.currency
    order by 1`;
}

export type ContactRow = {
  id: number;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  preferred_channel: "email" | "sms" | "letter" | "phone";
  is_primary: boolean;
};

export async function selectContacts(q: Queryable, customerId: number): Promise<ContactRow[]> {
  const result = await q.execute<ContactRow>(sql`
    select id, name, role, email, phone, language, preferred_channel, is_primary from contact
    where customer_id = ${customerId} order by is_primary desc, name, id`);
  return result.rows;
}

export async function selectSegments(
  q: Queryable,
  scope: PortfolioScope,
  companyId?: number,
): Promise<string[]> {
  const company = companyId === undefined ? sql`true` : sql`customer.company_id = ${companyId}`;
  const result = await q.execute<{ segment: string }>(sql`
    select distinct customer.segment from customer
    where customer.segment is not null and ${company} and ${customerScopeCondition(scope)} order by 1`);
  return result.rows.map((r) => r.segment);
}
