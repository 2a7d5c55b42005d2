import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { arrayParam } from "../../db/sql-arrays";
import { companyToday } from "../customers/customers.scope";

export type ClaimCompanyRow = { country: string; today: string };

export type ClaimInvoiceRow = {
  id: number;
  number: string;
  due_date: string;
  currency: string;
  open_amount_minor: number;
  /** Allocations of payments made after the due date (dated no later than today). */
  payments: { date: string; minor: number }[];
};

/** The customer's company country (its jurisdiction) and today in the company's time zone. */
export async function findClaimCompany(
  q: Queryable,
  customerId: number,
  now: Date,
): Promise<ClaimCompanyRow | null> {
  const result = await q.execute<ClaimCompanyRow>(sql`
    select company.country, ${companyToday(now)} as today
    from customer join company on company.id = customer.company_id
    where customer.id = ${customerId}`);
  return result.rows[0] ?? null;
}

/**
 * The customer's open invoices past due today, with the payments allocated to them after the due
 * date: the interest of those days ran on a larger balance, which the open amount alone would hide.
 */
export async function selectClaimInvoices(
  q: Queryable,
  customerId: number,
  now: Date,
): Promise<ClaimInvoiceRow[]> {
  const result = await q.execute<ClaimInvoiceRow>(sql`
    select invoice.id, invoice.number, invoice.due_date, invoice.currency, invoice.open_amount_minor,
      coalesce(
        json_agg(json_build_object('date', least(payment.payment_date, ${companyToday(now)}), 'minor', allocation.amount_minor)
          order by payment.payment_date, allocation.id)
          filter (where payment.id is not null),
        '[]'::json) as payments
    from invoice
    join company on company.id = invoice.company_id
    left join payment_allocation allocation on allocation.invoice_id = invoice.id and allocation.reversed_at is null
    left join payment on payment.id = allocation.payment_id and payment.payment_date > invoice.due_date
    where invoice.customer_id = ${customerId} and invoice.type = 'invoice' and invoice.status = 'open'
      and invoice.open_amount_minor > 0 and invoice.due_date < ${companyToday(now)}
    group by invoice.id
    order by invoice.due_date, invoice.id`);
  return result.rows;
}

/**
 * `selectClaimInvoices` for many customers at once, each as of its own today: one statement for a
 * whole batch of letters. By customer id.
 */
export async function selectClaimInvoicesMany(
  q: Queryable,
  requests: readonly { customerId: number; today: string }[],
): Promise<Map<number, ClaimInvoiceRow[]>> {
  const rowsOf = new Map<number, ClaimInvoiceRow[]>();
  if (requests.length === 0) return rowsOf;
  const todayOf = new Map(requests.map((r) => [r.customerId, r.today]));
  const ids = [...todayOf.keys()];
  const result = await q.execute<ClaimInvoiceRow & { customer_id: number }>(sql`
    select invoice.customer_id, invoice.id, invoice.number, invoice.due_date, invoice.currency,
      invoice.open_amount_minor,
      coalesce(
        json_agg(json_build_object('date', least(payment.payment_date, today.day), 'minor', allocation.amount_minor)
          order by payment.payment_date, allocation.id)
          filter (where payment.id is not null),
        '[]'::json) as payments
    from invoice
    join unnest(${arrayParam(ids)}::bigint[], ${arrayParam(ids.map((id) => todayOf.get(id)))}::date[])
      as today(customer_id, day) on today.customer_id = invoice.customer_id
    left join payment_allocation allocation on allocation.invoice_id = invoice.id and allocation.reversed_at is null
    left join payment on payment.id = allocation.payment_id and payment.payment_date > invoice.due_date
    where invoice.type = 'invoice' and invoice.status = 'open'
      and invoice.open_amount_minor > 0 and invoice.due_date < today.day
    group by invoice.id, today.day
    order by invoice.customer_id, invoice.due_date, invoice.id`);
  for (const row of result.rows) {
    const customerId = Number(row.customer_id);
    const { customer_id: _customer, ...claimRow } = row;
    const rows = rowsOf.get(customerId) ?? [];
    rows.push(claimRow);
    rowsOf.set(customerId, rows);
  }
  return rowsOf;
}
