import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { decimalSql } from "../../../db/money-sql";
import { arrayParam } from "../../../db/sql-arrays";
import { stagedInvoices } from "./invoice-staging";
import { type ApplyContext, type ApplyResult, countStaged } from "./staging";

const NONE: ApplyResult = { created: 0, updated: 0, unchanged: 0, issues: [] };

/**
 * Suppliers (FEC 401 accounts), linked to the customer that is the same party: same legal id,
 * same VAT id, or the same name — so that the customer page can show what the company owes them.
 */
export async function applySuppliers(tx: Tx, ctx: ApplyContext): Promise<ApplyResult> {
  const total = await countStaged(tx, ctx.batchId, "supplier");
  if (total === 0) return NONE;
  const result = await tx.execute<{ created: number; updated: number }>(sql`
    with upserted as (
      insert into supplier (company_id, external_ref, name, legal_id, vat_id, customer_id)
      select distinct on (d->>'externalRef') ${ctx.companyId}, d->>'externalRef', d->>'name', d->>'legalId', d->>'vatId',
        (select c.id from customer c where c.company_id = ${ctx.companyId} and (
            (d->>'legalId' is not null and c.legal_id = d->>'legalId') or (d->>'vatId' is not null and c.vat_id = d->>'vatId')
            or lower(trim(c.name)) = lower(trim(d->>'name'))) order by c.id limit 1)
      from (select line, data as d from import_row where batch_id = ${ctx.batchId} and entity = 'supplier') s
      order by d->>'externalRef', s.line desc
      on conflict (company_id, external_ref) do update set name = excluded.name,
        legal_id = coalesce(excluded.legal_id, supplier.legal_id), vat_id = coalesce(excluded.vat_id, supplier.vat_id),
        customer_id = coalesce(supplier.customer_id, excluded.customer_id), updated_at = ${ctx.now}
      where (supplier.name, supplier.customer_id) is distinct from (excluded.name, coalesce(supplier.customer_id, excluded.customer_id))
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated from upserted`);
  const row = result.rows[0] ?? { created: 0, updated: 0 };
  return {
    created: row.created,
    updated: row.updated,
    unchanged: total - row.created - row.updated,
    issues: [],
  };
}

export async function applyPayables(tx: Tx, ctx: ApplyContext): Promise<ApplyResult> {
  const total = await countStaged(tx, ctx.batchId, "payable");
  if (total === 0) return NONE;
  const result = await tx.execute<{ created: number; updated: number }>(sql`
    with upserted as (
      insert into payable (company_id, supplier_id, external_ref, number, doc_date, due_date, amount_minor, open_amount_minor, currency)
      select ${ctx.companyId}, su.id, d->>'externalRef', d->>'number', (d->>'date')::date, (d->>'dueDate')::date,
        (d->>'amountMinor')::bigint, (d->>'openAmountMinor')::bigint, d->>'currency'
      from (select data as d from import_row where batch_id = ${ctx.batchId} and entity = 'payable') s
      join supplier su on su.company_id = ${ctx.companyId} and su.external_ref = d->>'supplierRef'
      on conflict (company_id, external_ref) do update set number = excluded.number, doc_date = excluded.doc_date,
        due_date = excluded.due_date, amount_minor = excluded.amount_minor, open_amount_minor = excluded.open_amount_minor,
        currency = excluded.currency, updated_at = ${ctx.now}
      where (payable.number, payable.doc_date, payable.due_date, payable.amount_minor, payable.open_amount_minor, payable.currency)
        is distinct from (excluded.number, excluded.doc_date, excluded.due_date, excluded.amount_minor, excluded.open_amount_minor, excluded.currency)
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated from upserted`);
  const row = result.rows[0] ?? { created: 0, updated: 0 };
  return {
    created: row.created,
    updated: row.updated,
    unchanged: total - row.created - row.updated,
    issues: [],
  };
}

/** The key of the allocation a lettering of the accounting became. */
function letteringKey(ctx: ApplyContext, d: string): SQL {
  return sql.raw(
    `'lettering:' || ${Number(ctx.companyId)} || ':' || (${d}->>'paymentRef') || ':' || (${d}->>'invoiceRef')`,
  );
}

/**
 * Lettering from the accounting becomes allocations, once each (the external key makes a re-import a no-op;
 * a lettering whose amount changed, or that comes back after being undone, updates its allocation). From an
 * FEC, a lettering between a payment and an invoice that the file both holds, no longer lettered together
 * there, is undone: the accountant took it back ("délettrage"). Allocations made in Encours (matching, by
 * hand) are never touched. The payments' unapplied cash is then recomputed from their allocations.
 */
export async function applyLettering(tx: Tx, ctx: ApplyContext): Promise<ApplyResult> {
  const total = await countStaged(tx, ctx.batchId, "allocation");
  const undone = ctx.isLetteringAuthority ? await undoAbsentLettering(tx, ctx) : [];
  if (total === 0 && undone.length === 0) return NONE;
  const result = await tx.execute<{ created: number; updated: number }>(sql`
    with upserted as (
      insert into payment_allocation (payment_id, invoice_id, amount_minor, currency, allocation_date, source, external_key)
      select p.id, i.id, (d->>'amountMinor')::bigint, d->>'currency', (d->>'date')::date, 'import', ${letteringKey(ctx, "d")}
      from (select data as d from import_row where batch_id = ${ctx.batchId} and entity = 'allocation') s
      join payment p on p.company_id = ${ctx.companyId} and p.external_ref = d->>'paymentRef'
      join invoice i on i.company_id = ${ctx.companyId} and i.external_ref = d->>'invoiceRef'
      on conflict (external_key) do update set amount_minor = excluded.amount_minor,
        allocation_date = excluded.allocation_date, reversed_at = null
      where payment_allocation.source = 'import' and (payment_allocation.reversed_at is not null
        or payment_allocation.amount_minor <> excluded.amount_minor)
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated
    from upserted`);
  // A separate statement: a sibling CTE would not see the allocations just written.
  await tx.execute(sql`
    update payment set unapplied_minor = payment.amount_minor - coalesce((
        select sum(a.amount_minor) from payment_allocation a where a.payment_id = payment.id and a.reversed_at is null), 0)
    where payment.company_id = ${ctx.companyId} and (payment.id in (
      select p.id from import_row r join payment p on p.company_id = ${ctx.companyId} and p.external_ref = r.data->>'paymentRef'
      where r.batch_id = ${ctx.batchId} and r.entity = 'allocation') or payment.id = any(${arrayParam(undone)}::bigint[]))`);
  const created = result.rows[0]?.created ?? 0;
  const updated = (result.rows[0]?.updated ?? 0) + undone.length;
  return {
    created,
    updated,
    unchanged: Math.max(0, total - created - (result.rows[0]?.updated ?? 0)),
    issues: [],
  };
}

/**
 * Undoes the lettering allocations between a payment and an invoice of this file that its lettering no
 * longer joins, with a timeline entry each; returns the payments concerned. Items the file does not hold
 * keep theirs: a partial export says nothing about them.
 */
async function undoAbsentLettering(tx: Tx, ctx: ApplyContext): Promise<number[]> {
  const result = await tx.execute<{ payment_id: number }>(sql`
    with current as (
      select ${letteringKey(ctx, "data")} as key from import_row where batch_id = ${ctx.batchId} and entity = 'allocation'
    ), undone as (
      update payment_allocation a set reversed_at = ${ctx.now}
      from payment p, invoice i
      where a.payment_id = p.id and a.invoice_id = i.id and p.company_id = ${ctx.companyId}
        and i.company_id = ${ctx.companyId} and a.source = 'import' and a.reversed_at is null
        and a.external_key like 'lettering:%'
        and p.external_ref in (select data->>'externalRef' from import_row where batch_id = ${ctx.batchId} and entity = 'payment')
        and i.external_ref in (select external_ref from ${stagedInvoices(ctx)} si)
        and not exists (select 1 from current c where c.key = a.external_key)
      returning a.payment_id, p.external_ref as payment_ref, i.external_ref as invoice_ref, i.customer_id, a.invoice_id,
        a.amount_minor, a.currency
    ), logged as (
      insert into activity (company_id, customer_id, invoice_id, type, summary, data, occurred_at)
      select ${ctx.companyId}, u.customer_id, u.invoice_id, 'allocation_reversed',
        'Lettering of payment ' || u.payment_ref || ' with invoice ' || u.invoice_ref || ' ('
          || ${decimalSql("u.amount_minor", "u.currency")} || ' ' || u.currency || ') undone in the accounting ('
          || ${ctx.fileName}::text || ')',
        jsonb_build_object('paymentRef', u.payment_ref, 'invoiceRef', u.invoice_ref, 'amountMinor', u.amount_minor,
          'currency', u.currency, 'batchId', ${ctx.batchId}::bigint, 'fileName', ${ctx.fileName}::text),
        ${ctx.now}
      from undone u
    )
    select distinct payment_id from undone`);
  return result.rows.map((r) => Number(r.payment_id));
}
