import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { executePrepared } from "../../db/prepared";
import { companyToday, customerScopeCondition } from "../customers/customers.scope";
import type { PortfolioScope } from "../users/users.rules";
import type { InvoiceListQuery } from "./ledger.schemas";

export type InvoiceRow = {
  id: number;
  number: string;
  external_ref: string;
  type: "invoice" | "credit_note";
  company_id: number;
  customer_id: number;
  customer_name: string;
  customer_ref: string;
  issue_date: string;
  due_date: string;
  amount_minor: number;
  open_amount_minor: number;
  currency: string;
  status: "open" | "paid" | "closed";
  closed_reason: string | null;
  days_overdue: number;
  po_number: string | null;
  document_url: string | null;
};

const SORT_COLUMNS: Record<InvoiceListQuery["sort"], SQL> = {
  dueDate: sql`invoice.due_date`,
  issueDate: sql`invoice.issue_date`,
  number: sql`invoice.number`,
  amount: sql`invoice.amount_minor`,
  openAmount: sql`invoice.open_amount_minor`,
  daysOverdue: sql`days_overdue`,
};

export type InvoiceFilter = Omit<InvoiceListQuery, "page" | "pageSize" | "sort" | "order"> & {
  scope: PortfolioScope;
  now: Date;
};

function whereInvoices(filter: InvoiceFilter): SQL {
  const conditions: SQL[] = [customerScopeCondition(filter.scope)];
  if (filter.companyId !== undefined) conditions.push(sql`invoice.company_id = ${filter.companyId}`);
  if (filter.customerId !== undefined) conditions.push(sql`invoice.customer_id = ${filter.customerId}`);
  if (filter.type !== undefined) conditions.push(sql`invoice.type = ${filter.type}`);
  if (filter.status === "overdue") {
    conditions.push(
      sql`invoice.status = 'open' and invoice.type = 'invoice' and invoice.due_date < ${companyToday(filter.now)}`,
    );
  } else if (filter.status === "settled") {
    conditions.push(sql`invoice.status <> 'open'`);
  } else if (filter.status !== "all") {
    conditions.push(sql`invoice.status = ${filter.status}`);
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(invoice.number ilike ${like} or invoice.external_ref ilike ${like} or customer.name ilike ${like}
      or customer.external_ref ilike ${like} or invoice.po_number ilike ${like})`);
  }
  return sql.join(conditions, sql` and `);
}

const FROM = sql`invoice join customer on customer.id = invoice.customer_id join company on company.id = invoice.company_id`;

export async function selectInvoices(
  q: Queryable,
  filter: InvoiceFilter,
  page: { limit: number; offset: number; sort: InvoiceListQuery["sort"]; order: "asc" | "desc" },
): Promise<InvoiceRow[]> {
  const direction = page.order === "desc" ? sql`desc` : sql`asc`;
  const result = await executePrepared<InvoiceRow>(
    q,
    "invoices",
    sql`
    select invoice.id, invoice.number, invoice.external_ref, invoice.type, invoice.company_id, invoice.customer_id,
      customer.name as customer_name, customer.external_ref as customer_ref,
      invoice.issue_date, invoice.due_date, invoice.amount_minor, invoice.open_amount_minor, invoice.currency,
      invoice.status, invoice.closed_reason, invoice.po_number, invoice.document_url,
      (${companyToday(filter.now)} - invoice.due_date) as days_overdue
    from ${FROM}
    where ${whereInvoices(filter)}
    order by ${SORT_COLUMNS[page.sort]} ${direction}, invoice.id ${direction}
    limit ${page.limit} offset ${page.offset}`,
  );
  return result.rows;
}

export async function countInvoices(q: Queryable, filter: InvoiceFilter): Promise<number> {
  const result = await executePrepared<{ n: number }>(
    q,
    "invoices_count",
    sql`select count(*)::int as n from ${FROM} where ${whereInvoices(filter)}`,
  );
  return result.rows[0]?.n ?? 0;
}
