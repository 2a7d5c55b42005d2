import type { AppContext } from "../context";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { countInvoices, type InvoiceRow, selectInvoices } from "./ledger.repo";
import { decimal } from "./ledger.rules";
import type { InvoiceListItem, InvoiceListQuery, InvoicePage } from "./ledger.schemas";

export function toInvoiceItem(row: InvoiceRow): InvoiceListItem {
  return {
    id: row.id,
    number: row.number,
    externalRef: row.external_ref,
    type: row.type,
    companyId: row.company_id,
    customer: { id: row.customer_id, name: row.customer_name, externalRef: row.customer_ref },
    issueDate: row.issue_date,
    dueDate: row.due_date,
    amount: decimal(row.amount_minor, row.currency),
    openAmount: decimal(row.open_amount_minor, row.currency),
    currency: row.currency,
    status: row.status,
    closedReason: row.closed_reason,
    daysOverdue: row.days_overdue,
    poNumber: row.po_number,
    documentUrl: row.document_url,
  };
}

export async function listInvoices(
  ctx: AppContext,
  actor: Actor,
  query: InvoiceListQuery,
): Promise<InvoicePage> {
  const { page, pageSize, sort, order, ...rest } = query;
  const filter = { ...rest, scope: portfolioScope(actor), now: ctx.clock.now() };
  const [rows, total] = await Promise.all([
    selectInvoices(ctx.db, filter, { limit: pageSize, offset: (page - 1) * pageSize, sort, order }),
    countInvoices(ctx.db, filter),
  ]);
  return { items: rows.map(toInvoiceItem), total, page, pageSize };
}
