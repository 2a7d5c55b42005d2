import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import type { ImportIssue, ParsedImport } from "../imports.types";
import { type ApplyContext, type Entity, stageRecords } from "./staging";

/** Stages every record list of a parsed file (FEC, e-invoice, JSON API). */
export async function stageParsed(tx: Tx, batchId: number, parsed: ParsedImport): Promise<void> {
  const lists: [Entity, readonly { line: number }[]][] = [
    ["customer", parsed.customers],
    ["contact", parsed.contacts],
    ["supplier", parsed.suppliers],
    ["invoice", parsed.invoices],
    ["payable", parsed.payables],
    ["payment", parsed.payments],
    ["allocation", parsed.allocations],
  ];
  for (const [entity, records] of lists) {
    for (let i = 0; i < records.length; i += 5000)
      await stageRecords(tx, batchId, entity, records.slice(i, i + 5000));
  }
}

/** Keeps each e-invoice document with its invoice, once (same content = same document). */
export async function applyAttachments(tx: Tx, ctx: ApplyContext, parsed: ParsedImport): Promise<void> {
  for (const attachment of parsed.attachments) {
    const digest = createHash("sha256").update(attachment.content).digest("hex");
    await tx.execute(sql`
      with target as (select id from invoice where company_id = ${ctx.companyId} and external_ref = ${attachment.invoiceRef}),
      stored as (
        insert into invoice_document (invoice_id, file_name, media_type, sha256, content, import_batch_id)
        select id, ${attachment.fileName}, ${attachment.mediaType}, ${digest}, ${Buffer.from(attachment.content)}, ${ctx.batchId}
        from target on conflict (invoice_id, sha256) do nothing returning invoice_id, id
      )
      update invoice set document_url = '/api/invoices/' || invoice.id || '/document'
      from stored where invoice.id = stored.invoice_id and invoice.document_url is null`);
  }
}

/**
 * The seller of an e-invoice must be the company imported into. When the company's VAT or legal
 * id is known and differs, the file is refused; when it is not set yet, the file is accepted.
 */
export async function checkSeller(tx: Tx, ctx: ApplyContext, parsed: ParsedImport): Promise<ImportIssue[]> {
  const seller = parsed.seller;
  if (!seller) return [];
  const result = await tx.execute<{ vat_id: string | null; legal_id: string | null; name: string }>(
    sql`select vat_id, legal_id, name from company where id = ${ctx.companyId}`,
  );
  const own = result.rows[0];
  if (!own) return [];
  const norm = (v: string | null | undefined) => (v ?? "").replace(/[\s.-]/g, "").toUpperCase();
  const vatMismatch = own.vat_id && seller.vatId && norm(own.vat_id) !== norm(seller.vatId);
  const legalMismatch =
    own.legal_id && seller.legalId && !norm(seller.legalId).startsWith(norm(own.legal_id).slice(0, 9));
  if (!vatMismatch && !legalMismatch) return [];
  const column = vatMismatch ? "seller VAT id (BT-31)" : "seller legal id (BT-30)";
  const value = vatMismatch ? seller.vatId : seller.legalId;
  return [
    {
      line: 1,
      column,
      field: column,
      value,
      message: `the invoice's seller (${seller.name ?? "unnamed"}) is not ${own.name}, the company imported into`,
    },
  ];
}
