import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import type { ImportIssue } from "../imports.types";
import { type ApplyContext, type ApplyResult, countStaged, duplicateKeys, unknownCustomers } from "./staging";

/** Staged invoices joined to their customer; `d` is the staged record. */
const SOURCE = (ctx: ApplyContext) => sql`
  select r.line, r.data as d, cu.id as customer_id
  from import_row r join customer cu on cu.company_id = ${ctx.companyId} and cu.external_ref = r.data->>'customerRef'
  where r.batch_id = ${ctx.batchId} and r.entity = 'invoice'`;

/**
 * An invoice that Encours itself has matched payments to keeps the smaller open amount: the ERP's
 * extract may not know yet of a payment matched here, and nobody must be chased for it.
 */
const NEW_OPEN_SQL = `case when exists (
    select 1 from payment_allocation a where a.invoice_id = invoice.id and a.source in ('manual', 'auto') and a.reversed_at is null
  ) then sign(excluded.open_amount_minor) * least(abs(excluded.open_amount_minor), abs(invoice.open_amount_minor))
  else excluded.open_amount_minor end`;
const NEW_OPEN = sql.raw(NEW_OPEN_SQL);
/** Reappearing in an extract reopens an item that a snapshot had closed; other closures stand. */
const NEW_STATUS = sql.raw(`case when (${NEW_OPEN_SQL}) = 0 then 'paid'::invoice_status
  when invoice.status = 'closed' and invoice.closed_reason is distinct from 'absent_from_snapshot' then 'closed'::invoice_status
  else 'open'::invoice_status end`);

/** What is still owed can never exceed the invoice (an e-invoice's amount due may say otherwise). */
async function openBeyondAmount(tx: Tx, ctx: ApplyContext): Promise<ImportIssue[]> {
  const result = await tx.execute<{ line: number; value: string; amount: string }>(sql`
    select r.line, r.data->>'openAmountMinor' as value, r.data->>'amountMinor' as amount from import_row r
    where r.batch_id = ${ctx.batchId} and r.entity = 'invoice'
      and abs((r.data->>'openAmountMinor')::bigint) > abs((r.data->>'amountMinor')::bigint)
    order by r.line`);
  return result.rows.map((row) => ({
    line: row.line,
    column: "open_amount",
    field: "open_amount",
    value: row.value,
    message: `the amount still due is larger than the invoice amount (${row.amount} minor units)`,
  }));
}

/** Upserts staged invoices and credit notes; writes one timeline entry per customer touched. */
export async function applyInvoices(
  tx: Tx,
  ctx: ApplyContext,
  present: ReadonlySet<string>,
): Promise<ApplyResult> {
  // A file without a PO column leaves the PO numbers already known untouched.
  const poNumber = sql.raw(present.has("poNumber") ? "excluded.po_number" : "invoice.po_number");
  const total = await countStaged(tx, ctx.batchId, "invoice");
  if (total === 0) return { created: 0, updated: 0, unchanged: 0, issues: [] };
  const issues = [
    ...(await duplicateKeys(tx, ctx.batchId, "invoice", "externalRef", "external_ref")),
    ...(await unknownCustomers(tx, ctx, "invoice")),
    ...(await openBeyondAmount(tx, ctx)),
  ];
  if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues };
  const result = await tx.execute<{ created: number; updated: number }>(sql`
    with upserted as (
      insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date, amount_minor,
        open_amount_minor, currency, po_number, payment_reference, document_url, custom_fields, status, last_import_batch_id)
      select ${ctx.companyId}, s.customer_id, d->>'externalRef', d->>'number', (d->>'type')::invoice_type,
        (d->>'issueDate')::date, (d->>'dueDate')::date, (d->>'amountMinor')::bigint,
        coalesce((d->>'openAmountMinor')::bigint, (d->>'amountMinor')::bigint), d->>'currency', d->>'poNumber',
        d->>'paymentReference', d->>'documentUrl', coalesce(d->'customFields', '{}'::jsonb),
        case when coalesce((d->>'openAmountMinor')::bigint, (d->>'amountMinor')::bigint) = 0 then 'paid'::invoice_status else 'open'::invoice_status end,
        ${ctx.batchId}
      from (${SOURCE(ctx)}) s
      on conflict (company_id, external_ref) do update set
        customer_id = excluded.customer_id, number = excluded.number, type = excluded.type,
        issue_date = excluded.issue_date, due_date = excluded.due_date, amount_minor = excluded.amount_minor,
        currency = excluded.currency, po_number = ${poNumber},
        payment_reference = coalesce(excluded.payment_reference, invoice.payment_reference),
        document_url = coalesce(excluded.document_url, invoice.document_url),
        custom_fields = invoice.custom_fields || excluded.custom_fields,
        open_amount_minor = ${NEW_OPEN}, status = ${NEW_STATUS},
        closed_reason = case when (${NEW_STATUS}) = 'closed' then invoice.closed_reason end,
        closed_at = case when (${NEW_STATUS}) = 'closed' then invoice.closed_at end,
        updated_at = ${ctx.now}, last_import_batch_id = excluded.last_import_batch_id
      where (invoice.customer_id, invoice.number, invoice.type, invoice.issue_date, invoice.due_date, invoice.amount_minor,
          invoice.currency, invoice.po_number, invoice.open_amount_minor, invoice.status, invoice.custom_fields)
        is distinct from (excluded.customer_id, excluded.number, excluded.type, excluded.issue_date, excluded.due_date,
          excluded.amount_minor, excluded.currency, ${poNumber}, ${NEW_OPEN}, ${NEW_STATUS},
          invoice.custom_fields || excluded.custom_fields)
        or (excluded.payment_reference is not null and excluded.payment_reference is distinct from invoice.payment_reference)
        or (excluded.document_url is not null and excluded.document_url is distinct from invoice.document_url)
      returning (xmax = 0) as inserted, customer_id
    ), per_customer as (
      select customer_id, count(*) filter (where inserted) as created, count(*) filter (where not inserted) as updated
      from upserted group by customer_id
    ), timeline as (
      insert into activity (company_id, customer_id, type, summary, data, occurred_at)
      select ${ctx.companyId}, customer_id, 'import',
        'Import ' || ${ctx.fileName}::text || ': ' || created || ' invoice(s) created, ' || updated || ' updated',
        jsonb_build_object('batchId', ${ctx.batchId}::bigint, 'fileName', ${ctx.fileName}::text, 'entity', 'invoice',
          'created', created, 'updated', updated, 'invoices', created + updated, 'payments', 0),
        ${ctx.now}
      from per_customer returning 1
    )
    select (select count(*) filter (where inserted) from upserted)::int as created,
      (select count(*) filter (where not inserted) from upserted)::int as updated`);
  const row = result.rows[0] ?? { created: 0, updated: 0 };
  return {
    created: row.created,
    updated: row.updated,
    unchanged: total - row.created - row.updated,
    issues: [],
  };
}

/**
 * A complete snapshot: open items of the company absent from the file are closed (never deleted),
 * with the reason on the item and on the customer's timeline; dunning ignores closed items.
 */
export async function closeAbsentInvoices(tx: Tx, ctx: ApplyContext): Promise<number> {
  const result = await tx.execute<{ closed: number }>(sql`
    with closed as (
      update invoice set status = 'closed', closed_reason = 'absent_from_snapshot', closed_at = ${ctx.now},
        updated_at = ${ctx.now}, last_import_batch_id = ${ctx.batchId}
      where invoice.company_id = ${ctx.companyId} and invoice.status = 'open'
        and not exists (select 1 from import_row r where r.batch_id = ${ctx.batchId} and r.entity = 'invoice'
          and r.data->>'externalRef' = invoice.external_ref)
      returning id, customer_id, number
    ), timeline as (
      insert into activity (company_id, customer_id, invoice_id, type, summary, data, occurred_at)
      select ${ctx.companyId}, customer_id, id, 'invoice_closed',
        'Invoice ' || number || ' closed: absent from the complete extract ' || ${ctx.fileName}::text,
        jsonb_build_object('batchId', ${ctx.batchId}::bigint, 'reason', 'absent_from_snapshot'), ${ctx.now}
      from closed returning 1
    )
    select count(*)::int as closed from closed`);
  return result.rows[0]?.closed ?? 0;
}
