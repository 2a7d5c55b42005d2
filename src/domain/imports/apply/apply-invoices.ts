import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { checkInvoices } from "./invoice-checks";
import { stagedInvoices } from "./invoice-staging";
import type { ApplyContext, ApplyResult } from "./staging";

/** What a staged row `s` says is still owed, and the status that goes with it. */
const STAGED_OPEN_SQL = "coalesce(s.open_amount_minor, s.amount_minor)";
const STAGED_OPEN = sql.raw(STAGED_OPEN_SQL);
const STAGED_STATUS = sql.raw(
  `case when ${STAGED_OPEN_SQL} = 0 then 'paid'::invoice_status else 'open'::invoice_status end`,
);

/**
 * An invoice that Encours itself has matched payments to keeps the smaller open amount: the ERP's
 * extract may not know yet of a payment matched here, and nobody must be chased for it.
 */
const NEW_OPEN_SQL = `case when exists (
    select 1 from payment_allocation a where a.invoice_id = invoice.id and a.source in ('manual', 'auto') and a.reversed_at is null
  ) then sign(${STAGED_OPEN_SQL}) * least(abs(${STAGED_OPEN_SQL}), abs(invoice.open_amount_minor))
  else ${STAGED_OPEN_SQL} end`;
const NEW_OPEN = sql.raw(NEW_OPEN_SQL);
/** Reappearing in an extract reopens an item that a snapshot had closed; other closures stand. */
const NEW_STATUS = sql.raw(`case when (${NEW_OPEN_SQL}) = 0 then 'paid'::invoice_status
  when invoice.status = 'closed' and invoice.closed_reason is distinct from 'absent_from_snapshot' then 'closed'::invoice_status
  else 'open'::invoice_status end`);

/**
 * The staged invoices that are new or may differ from the stored one `i`: a cheap, read-only
 * superset of what the update's own WHERE accepts, so that the million unchanged rows of a
 * re-import are neither locked nor rewritten, only counted.
 */
function mayChange(poNumber: boolean): SQL {
  return sql`i.id is null
    or (i.customer_id, i.number, i.type, i.issue_date, i.due_date, i.amount_minor, i.currency, i.open_amount_minor, i.status)
      is distinct from (s.customer_id, s.number, s.type, s.issue_date, s.due_date, s.amount_minor, s.currency,
        ${STAGED_OPEN}, ${STAGED_STATUS})
    ${poNumber ? sql`or s.po_number is distinct from i.po_number` : sql``}
    or (i.custom_fields || s.custom_fields) <> i.custom_fields
    or (s.payment_reference is not null and s.payment_reference is distinct from i.payment_reference)
    or (s.document_url is not null and s.document_url is distinct from i.document_url)`;
}

/** Staged invoices with their customer and the id of the stored invoice (null: new), less those that cannot have changed. */
function candidates(ctx: ApplyContext, poNumber: boolean): SQL {
  return sql`select s.*, i.id as invoice_id from (
      select st.*, cu.id as customer_id from ${stagedInvoices(ctx)} st
      join customer cu on cu.company_id = ${ctx.companyId} and cu.external_ref = st.customer_ref
    ) s left join invoice i on i.company_id = ${ctx.companyId} and i.external_ref = s.external_ref
    where ${mayChange(poNumber)}`;
}

/**
 * Updates the stored invoices that changed and inserts the new ones, in one statement with one
 * timeline entry per customer touched. A file without a PO column leaves the PO numbers known.
 */
function upsert(ctx: ApplyContext, present: ReadonlySet<string>): SQL {
  const poNumber = present.has("poNumber");
  const newPo = sql.raw(poNumber ? "s.po_number" : "invoice.po_number");
  return sql`
    with candidate as materialized (${candidates(ctx, poNumber)}),
    updated as (
      update invoice set
        customer_id = s.customer_id, number = s.number, type = s.type, issue_date = s.issue_date,
        due_date = s.due_date, amount_minor = s.amount_minor, currency = s.currency, po_number = ${newPo},
        payment_reference = coalesce(s.payment_reference, invoice.payment_reference),
        document_url = coalesce(s.document_url, invoice.document_url),
        custom_fields = invoice.custom_fields || s.custom_fields,
        open_amount_minor = ${NEW_OPEN}, status = ${NEW_STATUS},
        closed_reason = case when (${NEW_STATUS}) = 'closed' then invoice.closed_reason end,
        closed_at = case when (${NEW_STATUS}) = 'closed' then invoice.closed_at end,
        updated_at = ${ctx.now}, last_import_batch_id = ${ctx.batchId}
      from candidate s
      where s.invoice_id is not null and invoice.id = s.invoice_id and (
        (invoice.customer_id, invoice.number, invoice.type, invoice.issue_date, invoice.due_date, invoice.amount_minor,
          invoice.currency, invoice.po_number, invoice.open_amount_minor, invoice.status, invoice.custom_fields)
        is distinct from (s.customer_id, s.number, s.type, s.issue_date, s.due_date, s.amount_minor, s.currency,
          ${newPo}, ${NEW_OPEN}, ${NEW_STATUS}, invoice.custom_fields || s.custom_fields)
        or (s.payment_reference is not null and s.payment_reference is distinct from invoice.payment_reference)
        or (s.document_url is not null and s.document_url is distinct from invoice.document_url))
      returning invoice.customer_id
    ), inserted as (
      insert into invoice (company_id, customer_id, external_ref, number, type, issue_date, due_date, amount_minor,
        open_amount_minor, currency, po_number, payment_reference, document_url, custom_fields, status, last_import_batch_id)
      select ${ctx.companyId}, s.customer_id, s.external_ref, s.number, s.type, s.issue_date, s.due_date,
        s.amount_minor, ${STAGED_OPEN}, s.currency, s.po_number, s.payment_reference, s.document_url,
        s.custom_fields, ${STAGED_STATUS}, ${ctx.batchId}
      from candidate s where s.invoice_id is null
      -- In the order of the unique index: a first import of a million rows writes its pages in sequence.
      order by s.external_ref
      returning customer_id
    ), per_customer as (
      select customer_id, count(*) filter (where created) as created, count(*) filter (where not created) as updated
      from (select customer_id, true as created from inserted union all select customer_id, false from updated) t
      group by customer_id
    ), timeline as (
      insert into activity (company_id, customer_id, type, summary, data, occurred_at)
      select ${ctx.companyId}, customer_id, 'import',
        'Import ' || ${ctx.fileName}::text || ': ' || created || ' invoice(s) created, ' || updated || ' updated',
        jsonb_build_object('batchId', ${ctx.batchId}::bigint, 'fileName', ${ctx.fileName}::text, 'entity', 'invoice',
          'created', created, 'updated', updated, 'invoices', created + updated, 'payments', 0),
        ${ctx.now}
      from per_customer returning 1
    )
    select (select count(*) from inserted)::int as created, (select count(*) from updated)::int as updated`;
}

async function countStagedInvoices(tx: Tx, ctx: ApplyContext): Promise<number> {
  const result = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${stagedInvoices(ctx)} s`,
  );
  return result.rows[0]?.n ?? 0;
}

/**
 * Upserts staged invoices and credit notes by (company, external reference). Invoice imports of a
 * company take turns (a transaction-scoped lock), so that what is new when the statement starts is
 * still new when it inserts: no row is written twice, and new rows need no ON CONFLICT.
 */
export async function applyInvoices(
  tx: Tx,
  ctx: ApplyContext,
  present: ReadonlySet<string>,
): Promise<ApplyResult> {
  const total = await countStagedInvoices(tx, ctx);
  if (total === 0) return { created: 0, updated: 0, unchanged: 0, issues: [] };
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('encours.import.invoices'), ${ctx.companyId}::int)`,
  );
  // Compiling the upsert of a million rows takes about a second and saves nothing measurable.
  await tx.execute(sql`set local jit = off`);
  const issues = await checkInvoices(tx, ctx, stagedInvoices(ctx));
  if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues };
  const result = await tx.execute<{ created: number; updated: number }>(upsert(ctx, present));
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
        and not exists (select 1 from ${stagedInvoices(ctx)} s where s.external_ref = invoice.external_ref)
      returning id, customer_id, number
    ), timeline as (
      insert into activity (company_id, customer_id, invoice_id, type, summary, data, occurred_at)
      select ${ctx.companyId}, customer_id, id, 'invoice_closed',
        'Invoice ' || number || ' closed: absent from the complete extract ' || ${ctx.fileName}::text,
        jsonb_build_object('batchId', ${ctx.batchId}::bigint, 'reason', 'absent_from_snapshot', 'number', number,
          'fileName', ${ctx.fileName}::text), ${ctx.now}
      from closed returning 1
    )
    select count(*)::int as closed from closed`);
  return result.rows[0]?.closed ?? 0;
}
