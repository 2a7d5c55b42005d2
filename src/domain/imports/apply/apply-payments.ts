import { sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { decimalSql } from "../../../db/money-sql";
import type { ImportIssue } from "../imports.types";
import { type ApplyContext, type ApplyResult, countStaged, duplicateKeys, unknownCustomers } from "./staging";

/** A payment already allocated cannot change amount or currency by import: that would unbalance its allocations. */
async function allocatedChanges(tx: Tx, ctx: ApplyContext): Promise<ImportIssue[]> {
  const result = await tx.execute<{ line: number; value: string }>(sql`
    select r.line, r.data->>'amountMinor' as value from import_row r
    join payment p on p.company_id = ${ctx.companyId} and p.external_ref = r.data->>'externalRef'
    where r.batch_id = ${ctx.batchId} and r.entity = 'payment' and p.unapplied_minor <> p.amount_minor
      and ((r.data->>'amountMinor')::bigint <> p.amount_minor or r.data->>'currency' <> p.currency)
    order by r.line`);
  return result.rows.map((row) => ({
    line: row.line,
    column: "amount",
    field: "amount",
    value: row.value,
    message:
      "this payment is already matched to invoices; its amount cannot change by import (undo the matching first)",
  }));
}

/**
 * Upserts staged payments, then allocates each new payment to the open invoice it names (oldest
 * payment first when several name the same invoice), never beyond what the invoice still owes.
 */
export async function applyPayments(tx: Tx, ctx: ApplyContext): Promise<ApplyResult> {
  const total = await countStaged(tx, ctx.batchId, "payment");
  if (total === 0) return { created: 0, updated: 0, unchanged: 0, issues: [] };
  const issues = [
    ...(await duplicateKeys(tx, ctx.batchId, "payment", "externalRef", "external_ref")),
    ...(await unknownCustomers(tx, ctx, "payment")),
    ...(await allocatedChanges(tx, ctx)),
  ];
  if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues };
  const result = await tx.execute<{ created: number; updated: number }>(sql`
    with upserted as (
      insert into payment (company_id, customer_id, external_ref, payment_date, amount_minor, unapplied_minor, currency,
        reference, invoice_number, source, last_import_batch_id)
      select ${ctx.companyId}, cu.id, d->>'externalRef', (d->>'date')::date, (d->>'amountMinor')::bigint,
        (d->>'amountMinor')::bigint, d->>'currency', d->>'reference', d->>'invoiceNumber', 'import', ${ctx.batchId}
      from (select data as d from import_row where batch_id = ${ctx.batchId} and entity = 'payment') s
      left join customer cu on cu.company_id = ${ctx.companyId} and cu.external_ref = d->>'customerRef'
      on conflict (company_id, external_ref) do update set
        customer_id = coalesce(excluded.customer_id, payment.customer_id), payment_date = excluded.payment_date,
        amount_minor = excluded.amount_minor,
        unapplied_minor = excluded.amount_minor - (payment.amount_minor - payment.unapplied_minor),
        currency = excluded.currency, reference = excluded.reference, invoice_number = excluded.invoice_number,
        updated_at = ${ctx.now}, last_import_batch_id = excluded.last_import_batch_id
      where (payment.customer_id, payment.payment_date, payment.amount_minor, payment.currency, payment.reference, payment.invoice_number)
        is distinct from (coalesce(excluded.customer_id, payment.customer_id), excluded.payment_date, excluded.amount_minor,
          excluded.currency, excluded.reference, excluded.invoice_number)
      returning (xmax = 0) as inserted, id, customer_id, amount_minor, currency, reference, payment_date
    ), timeline as (
      insert into activity (company_id, customer_id, type, summary, data, occurred_at)
      select ${ctx.companyId}, customer_id, 'payment',
        case when amount_minor < 0 then 'Refund or returned payment of ' else 'Payment of ' end
          || ${decimalSql("abs(amount_minor)", "currency")} || ' ' || currency
          || case when amount_minor < 0 then '' else ' received' end || coalesce(', ref ' || reference, ''),
        jsonb_build_object('paymentId', id, 'amount', ${decimalSql("amount_minor", "currency")}, 'currency', currency,
          'reference', reference, 'batchId', ${ctx.batchId}::bigint),
        (payment_date + time '12:00') at time zone 'UTC'
      from upserted where inserted and customer_id is not null returning 1
    )
    select (select count(*) filter (where inserted) from upserted)::int as created,
      (select count(*) filter (where not inserted) from upserted)::int as updated`);
  await allocateNamedInvoices(tx, ctx);
  const row = result.rows[0] ?? { created: 0, updated: 0 };
  return {
    created: row.created,
    updated: row.updated,
    unchanged: total - row.created - row.updated,
    issues: [],
  };
}

async function allocateNamedInvoices(tx: Tx, ctx: ApplyContext): Promise<void> {
  await tx.execute(sql`
    with candidates as (
      select p.id as payment_id, i.id as invoice_id, p.unapplied_minor, i.open_amount_minor, p.currency, p.payment_date,
        sum(p.unapplied_minor) over (partition by i.id order by p.payment_date, p.id) - p.unapplied_minor as before
      from payment p
      join invoice i on i.company_id = p.company_id and i.number = p.invoice_number and i.status = 'open'
        and i.type = 'invoice' and i.currency = p.currency and (p.customer_id is null or i.customer_id = p.customer_id)
      where p.last_import_batch_id = ${ctx.batchId} and p.invoice_number is not null and p.unapplied_minor > 0
        and not exists (select 1 from payment_allocation a where a.payment_id = p.id)
    ), allocations as (
      select payment_id, invoice_id, currency, payment_date,
        least(unapplied_minor, greatest(open_amount_minor - before, 0)) as amount
      from candidates
    ), inserted as (
      insert into payment_allocation (payment_id, invoice_id, amount_minor, currency, allocation_date, source)
      select payment_id, invoice_id, amount, currency, payment_date, 'import' from allocations where amount > 0
      returning payment_id, invoice_id, amount_minor
    ), invoices as (
      update invoice set open_amount_minor = invoice.open_amount_minor - t.total,
        status = case when invoice.open_amount_minor - t.total = 0 then 'paid'::invoice_status else invoice.status end,
        updated_at = ${ctx.now}
      from (select invoice_id, sum(amount_minor) as total from inserted group by invoice_id) t
      where invoice.id = t.invoice_id returning 1
    )
    update payment set unapplied_minor = payment.unapplied_minor - t.total
    from (select payment_id, sum(amount_minor) as total from inserted group by payment_id) t
    where payment.id = t.payment_id`);
}
