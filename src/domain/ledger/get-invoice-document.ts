import { sql } from "drizzle-orm";
import { notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { customerScopeCondition } from "../customers/customers.scope";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";

export type InvoiceDocument = { fileName: string; mediaType: string; content: Buffer };

/** The latest document kept with an invoice (the e-invoice it was imported from), within the actor's portfolio. */
export async function getInvoiceDocument(
  ctx: AppContext,
  actor: Actor,
  invoiceId: number,
): Promise<InvoiceDocument> {
  const result = await ctx.db.execute<{ file_name: string; media_type: string; content: Buffer }>(sql`
    select d.file_name, d.media_type, d.content from invoice_document d
    join invoice on invoice.id = d.invoice_id join customer on customer.id = invoice.customer_id
    where d.invoice_id = ${invoiceId} and ${customerScopeCondition(portfolioScope(actor))}
    order by d.id desc limit 1`);
  const row = result.rows[0];
  if (!row) throw notFound("Document of invoice", invoiceId);
  return { fileName: row.file_name, mediaType: row.media_type, content: row.content };
}
