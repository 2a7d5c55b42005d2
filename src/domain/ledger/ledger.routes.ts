import { z } from "zod";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { READ_ROLES } from "../users/users.rules";
import { getInvoiceDocument } from "./get-invoice-document";
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

  app.get(
    "/api/invoices/:id/document",
    {
      onRequest: requireRoles(READ_ROLES),
      schema: { tags: ["invoices"], params: z.object({ id: IdParam }) },
    },
    async (request, reply) => {
      const document = await getInvoiceDocument(ctx, actorOf(request), request.params.id);
      const safeName = document.fileName.replace(/["\\\r\n]/g, "_");
      return reply
        .type(document.mediaType)
        .header("content-disposition", `inline; filename="${safeName}"`)
        .send(document.content);
    },
  );
}
