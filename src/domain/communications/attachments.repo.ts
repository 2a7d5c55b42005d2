import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { arrayParam } from "../../db/sql-arrays";
import type { EmailAttachment } from "./transport";

/**
 * The documents kept with the invoices of a dunning action (the latest per invoice: the e-invoice PDF
 * or XML it was imported from), in invoice-number order, PDFs first.
 */
export async function selectActionDocuments(q: Queryable, actionId: number): Promise<EmailAttachment[]> {
  const result = await q.execute<{ file_name: string; media_type: string; content: Buffer }>(sql`
    select file_name, media_type, content from (
      select distinct on (d.invoice_id) d.invoice_id, d.file_name, d.media_type, d.content, i.number
      from dunning_action a
      join invoice i on i.id = any(a.invoice_ids)
      join invoice_document d on d.invoice_id = i.id
      where a.id = ${actionId}
      order by d.invoice_id, (d.media_type = 'application/pdf') desc, d.id desc
    ) latest order by number`);
  return result.rows.map((r) => ({ fileName: r.file_name, mediaType: r.media_type, content: r.content }));
}

/** Which of these dunning actions have documents kept with their invoices (one query for a batch). */
export async function selectActionsWithDocuments(
  q: Queryable,
  actionIds: readonly number[],
): Promise<Set<number>> {
  if (actionIds.length === 0) return new Set();
  const result = await q.execute<{ id: number }>(sql`
    select a.id from dunning_action a
    where a.id = any(${arrayParam(actionIds)}::bigint[])
      and exists (select 1 from invoice_document d where d.invoice_id = any(a.invoice_ids))`);
  return new Set(result.rows.map((r) => Number(r.id)));
}
