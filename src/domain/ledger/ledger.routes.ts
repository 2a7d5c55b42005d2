import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { READ_ROLES } from "../users/users.rules";
import { InvoiceListQuery, InvoicePage } from "./ledger.schemas";
import { listInvoices } from "./list-invoices";

export function ledgerRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/invoices",
    {
      onRequest: requireRoles(READ_ROLES),
      schema: { tags: ["invoices"], querystring: InvoiceListQuery, response: { 200: InvoicePage } },
    },
    async (request) => listInvoices(ctx, actorOf(request), request.query),
  );
}
