import type { AppContext } from "../context";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { selectInvoices } from "./ledger.repo";
import type { InvoiceListItem } from "./ledger.schemas";
import { toInvoiceItem } from "./list-invoices";

/** A customer screen shows every item at once; a customer with more than this pages through /api/invoices. */
const MAX_ITEMS = 1000;

export async function listCustomerInvoices(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  status: "open" | "closed" | "all",
): Promise<{ items: InvoiceListItem[] }> {
  const filter = {
    customerId,
    status: status === "closed" ? ("settled" as const) : status,
    scope: portfolioScope(actor),
    now: ctx.clock.now(),
  };
  const rows = await selectInvoices(ctx.db, filter, {
    limit: MAX_ITEMS,
    offset: 0,
    sort: "dueDate",
    order: "asc",
  });
  return { items: rows.map(toInvoiceItem) };
}
