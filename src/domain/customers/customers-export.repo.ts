import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

export type CustomerExportRow = {
  external_ref: string;
  name: string;
  company: string;
  segment: string | null;
  language: string | null;
  country: string | null;
  currency: string;
  email: string | null;
  phone: string | null;
  payment_terms: string | null;
  credit_limit_minor: string | null;
  collector_email: string | null;
  sales_rep_email: string | null;
  strategic: boolean;
  legal_id: string | null;
  vat_id: string | null;
  status: string;
  balance_minor: string;
};

/**
 * Every customer in the native CSV columns, with its account status and balance: open items (credit
 * notes negative) less unapplied cash, in the customer's currency.
 */
export async function selectCustomersForExport(
  q: Queryable,
  companyId?: number,
): Promise<CustomerExportRow[]> {
  const result = await q.execute<CustomerExportRow>(sql`
    select c.external_ref, c.name, co.code as company, c.segment, c.language, c.country, c.currency, c.email,
      c.phone, c.payment_terms, c.credit_limit_minor::text, col.email as collector_email,
      rep.email as sales_rep_email, c.is_strategic as strategic, c.legal_id, c.vat_id, c.account_status as status,
      (coalesce((select sum(i.open_amount_minor) from invoice i
          where i.customer_id = c.id and i.status = 'open' and i.currency = c.currency), 0)
        - coalesce((select sum(p.unapplied_minor) from payment p
          where p.customer_id = c.id and p.currency = c.currency), 0))::text as balance_minor
    from customer c
    join company co on co.id = c.company_id
    left join app_user col on col.id = c.collector_id
    left join app_user rep on rep.id = c.sales_rep_id
    where ${companyId === undefined ? sql`true` : sql`c.company_id = ${companyId}`}
    order by co.code, c.external_ref`);
  return result.rows;
}
