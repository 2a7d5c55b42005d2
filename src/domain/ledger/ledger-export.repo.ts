import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type InvoiceExportRow = {
  customer_ref: string;
  number: string;
  type: string;
  issue_date: string;
  due_date: string;
  amount_minor: string;
  open_amount_minor: string;
  currency: string;
  po_number: string | null;
  external_ref: string;
  status: string;
};

function companyFilter(column: string, companyId: number | undefined) {
  return companyId === undefined ? sql`true` : sql`${sql.raw(column)} = ${companyId}`;
}

/** Every invoice and credit note in the native CSV columns, with its status. */
export async function selectInvoicesForExport(q: Queryable, companyId?: number): Promise<InvoiceExportRow[]> {
  const result = await q.execute<InvoiceExportRow>(sql`
    select c.external_ref as customer_ref, i.number, i.type::text, i.issue_date::text, i.due_date::text,
      i.amount_minor::text, i.open_amount_minor::text, i.currency, i.po_number, i.external_ref, i.status::text
    from invoice i join customer c on c.id = i.customer_id
    where ${companyFilter("i.company_id", companyId)}
    order by i.company_id, i.issue_date, i.number`);
  return result.rows;
}

export type PaymentExportRow = {
  customer_ref: string | null;
  date: string;
  amount_minor: string;
  unapplied_minor: string;
  currency: string;
  reference: string | null;
  invoice_number: string | null;
  external_ref: string;
};

export async function selectPaymentsForExport(q: Queryable, companyId?: number): Promise<PaymentExportRow[]> {
  const result = await q.execute<PaymentExportRow>(sql`
    select c.external_ref as customer_ref, p.payment_date::text as date, p.amount_minor::text,
      p.unapplied_minor::text, p.currency, p.reference, p.invoice_number, p.external_ref
    from payment p left join customer c on c.id = p.customer_id
    where ${companyFilter("p.company_id", companyId)}
    order by p.company_id, p.payment_date, p.external_ref`);
  return result.rows;
}
