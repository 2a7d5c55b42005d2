import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { decimalSql } from "../../db/money-sql";
import { arrayParam } from "../../db/sql-arrays";
import type { IsoDate } from "../../shared/dates";
import { DomainError } from "../../shared/errors";
import { closePromisesPaidInFull } from "../workbench/close-kept-promises";
import type { Reason } from "./engine/engine.types";

/** One line's match, ready to be written. Allocations are signed like the items (credit notes negative). */
export type MatchToApply = {
  lineId: number;
  customerId: number;
  bookingDate: IsoDate;
  amountMinor: number;
  currency: string;
  reference: string | null;
  counterpartyIban: string | null;
  allocations: { invoiceId: number; amountMinor: number }[];
  writeOff: { invoiceId: number; amountMinor: number; reason: string } | null;
  rule: string;
  score: number | null;
  reasons: Reason[];
  /** null: applied by the matching run. */
  appliedById: number | null;
  /** The allocated invoices' numbers, oldest due first then by number, when the caller has them (the run does): the
   * timeline's summary then needs no lookup. */
  invoiceNumbers?: string[];
};

const allocated = (m: MatchToApply) => m.allocations.reduce((sum, a) => sum + a.amountMinor, 0);

/**
 * Writes a batch of matches in a handful of statements: the line's payment (one per line, reused when a
 * line is matched again after an undo), the match, its allocations and write-off, the items' open amounts
 * and statuses, the line's status, the payer's IBAN learned for next time, and the customer's timeline.
 * An item that no longer owes what the match allocates fails the whole batch (nothing is written).
 */
export async function applyMatches(
  tx: Tx,
  companyId: number,
  matches: MatchToApply[],
  now: Date,
): Promise<Map<number, number>> {
  const matchIds = new Map<number, number>();
  if (matches.length === 0) return matchIds;
  const payments = await tx.execute<{ id: number; line_id: number }>(sql`
    insert into payment (company_id, customer_id, external_ref, payment_date, amount_minor, unapplied_minor, currency,
      reference, method, source)
    select ${companyId}, u.customer_id, 'bank:' || u.line_id, u.booking_date, u.amount, u.unapplied, u.currency,
      u.reference, 'transfer', 'bank'
    from unnest(${arrayParam(matches.map((m) => m.lineId))}::bigint[], ${arrayParam(matches.map((m) => m.customerId))}::bigint[],
      ${arrayParam(matches.map((m) => m.bookingDate))}::date[], ${arrayParam(matches.map((m) => m.amountMinor))}::bigint[],
      ${arrayParam(matches.map((m) => m.amountMinor - allocated(m)))}::bigint[], ${arrayParam(matches.map((m) => m.currency))}::text[],
      ${arrayParam(matches.map((m) => m.reference))}::text[])
      as u(line_id, customer_id, booking_date, amount, unapplied, currency, reference)
    on conflict (company_id, external_ref) do update set customer_id = excluded.customer_id,
      unapplied_minor = excluded.unapplied_minor, updated_at = ${now}
    returning id::float8 as id, substr(external_ref, 6)::float8 as line_id`);
  const paymentOf = new Map(payments.rows.map((r) => [Number(r.line_id), Number(r.id)]));
  const paymentIds = matches.map((m) => paymentOf.get(m.lineId) ?? 0);

  const inserted = await tx.execute<{ id: number; line_id: number }>(sql`
    insert into bank_match (company_id, line_id, customer_id, payment_id, rule, score, reasons, unapplied_minor,
      applied_by_id, applied_at)
    select ${companyId}, u.line_id, u.customer_id, u.payment_id, u.rule, u.score, u.reasons::jsonb, u.unapplied,
      u.applied_by, ${now}
    from unnest(${arrayParam(matches.map((m) => m.lineId))}::bigint[], ${arrayParam(matches.map((m) => m.customerId))}::bigint[],
      ${arrayParam(paymentIds)}::bigint[], ${arrayParam(matches.map((m) => m.rule))}::text[], ${arrayParam(matches.map((m) => m.score))}::int[],
      ${arrayParam(matches.map((m) => JSON.stringify(m.reasons)))}::text[], ${arrayParam(matches.map((m) => m.amountMinor - allocated(m)))}::bigint[],
      ${arrayParam(matches.map((m) => m.appliedById))}::bigint[])
      as u(line_id, customer_id, payment_id, rule, score, reasons, unapplied, applied_by)
    returning id::float8 as id, line_id::float8 as line_id`);
  for (const row of inserted.rows) matchIds.set(Number(row.line_id), Number(row.id));

  const rows = matches.flatMap((m, i) =>
    m.allocations.map((a) => ({ m, a, paymentId: paymentIds[i] ?? 0, matchId: matchIds.get(m.lineId) ?? 0 })),
  );
  if (rows.length > 0) {
    await tx.execute(sql`
      insert into payment_allocation (payment_id, invoice_id, amount_minor, currency, allocation_date, source,
        created_by_id, match_id)
      select u.payment_id, u.invoice_id, u.amount, u.currency, u.allocation_date,
        (case when u.created_by is null then 'auto' else 'manual' end)::allocation_source, u.created_by, u.match_id
      from unnest(${arrayParam(rows.map((r) => r.paymentId))}::bigint[], ${arrayParam(rows.map((r) => r.a.invoiceId))}::bigint[],
        ${arrayParam(rows.map((r) => r.a.amountMinor))}::bigint[], ${arrayParam(rows.map((r) => r.m.currency))}::text[],
        ${arrayParam(rows.map((r) => r.m.bookingDate))}::date[], ${arrayParam(rows.map((r) => r.m.appliedById))}::bigint[],
        ${arrayParam(rows.map((r) => r.matchId))}::bigint[])
        as u(payment_id, invoice_id, amount, currency, allocation_date, created_by, match_id)`);
  }
  const writeOffs = matches.filter((m) => m.writeOff !== null);
  if (writeOffs.length > 0) {
    await tx.execute(sql`
      insert into invoice_write_off (company_id, invoice_id, match_id, amount_minor, currency, reason, created_by_id,
        created_at)
      select ${companyId}, u.invoice_id, u.match_id, u.amount, u.currency, u.reason, u.created_by, ${now}
      from unnest(${arrayParam(writeOffs.map((m) => m.writeOff?.invoiceId))}::bigint[],
        ${arrayParam(writeOffs.map((m) => matchIds.get(m.lineId)))}::bigint[], ${arrayParam(writeOffs.map((m) => m.writeOff?.amountMinor))}::bigint[],
        ${arrayParam(writeOffs.map((m) => m.currency))}::text[], ${arrayParam(writeOffs.map((m) => m.writeOff?.reason))}::text[],
        ${arrayParam(writeOffs.map((m) => m.appliedById))}::bigint[])
        as u(invoice_id, match_id, amount, currency, reason, created_by)`);
  }
  await settleItems(tx, matches, now);
  await markLines(tx, matches, paymentIds, now);
  await learnIbans(tx, companyId, matches);
  await recordTimeline(tx, companyId, matches, now);
  await closePromisesPaidInFull(
    tx,
    matches.filter((m) => m.allocations.length > 0).map((m) => m.customerId),
    now,
  );
  return matchIds;
}

/** Lowers each item's open amount by what the batch allocates and writes off; never past zero. */
async function settleItems(tx: Tx, matches: MatchToApply[], now: Date): Promise<void> {
  const parts = matches.flatMap((m) => [
    ...m.allocations,
    ...(m.writeOff ? [{ invoiceId: m.writeOff.invoiceId, amountMinor: m.writeOff.amountMinor }] : []),
  ]);
  if (parts.length === 0) return;
  const totals = new Map<number, number>();
  for (const p of parts) totals.set(p.invoiceId, (totals.get(p.invoiceId) ?? 0) + p.amountMinor);
  const updated = await tx.execute<{ id: number }>(sql`
    update invoice i set open_amount_minor = i.open_amount_minor - t.total,
      status = (case when i.open_amount_minor = t.total then 'paid' else 'open' end)::invoice_status,
      updated_at = ${now}
    from unnest(${arrayParam([...totals.keys()])}::bigint[], ${arrayParam([...totals.values()])}::bigint[]) as t(invoice_id, total)
    where i.id = t.invoice_id and i.status = 'open' and t.total <> 0
      and sign(t.total) = sign(i.open_amount_minor) and abs(t.total) <= abs(i.open_amount_minor)
    returning i.id`);
  const expected = [...totals.values()].filter((total) => total !== 0).length;
  if (updated.rows.length !== expected) {
    throw new DomainError(
      "CONFLICT",
      "An invoice of this match no longer owes what the match allocates to it",
      {
        issues: [{ field: "allocations", message: "reload the line: the open items have changed" }],
      },
    );
  }
}

async function markLines(tx: Tx, matches: MatchToApply[], paymentIds: number[], now: Date): Promise<void> {
  const lineIds = matches.map((m) => m.lineId);
  await tx.execute(sql`
    update bank_line l set status = u.status::bank_line_status, customer_id = u.customer_id, payment_id = u.payment_id,
      score = u.score, updated_at = ${now}
    from unnest(${arrayParam(lineIds)}::bigint[], ${arrayParam(matches.map((m) => (m.allocations.length > 0 || m.writeOff ? "matched" : "unapplied")))}::text[],
      ${arrayParam(matches.map((m) => m.customerId))}::bigint[], ${arrayParam(paymentIds)}::bigint[], ${arrayParam(matches.map((m) => m.score))}::int[])
      as u(line_id, status, customer_id, payment_id, score)
    where l.id = u.line_id`);
  await tx.execute(sql`delete from match_suggestion where line_id = any(${arrayParam(lineIds)}::bigint[])`);
}

async function learnIbans(tx: Tx, companyId: number, matches: MatchToApply[]): Promise<void> {
  const known = matches.filter((m) => m.counterpartyIban);
  if (known.length === 0) return;
  await tx.execute(sql`
    insert into customer_bank_account (company_id, customer_id, iban, source, learned_from_line_id)
    select ${companyId}, u.customer_id, u.iban, 'learned', u.line_id
    from unnest(${arrayParam(known.map((m) => m.customerId))}::bigint[], ${arrayParam(known.map((m) => m.counterpartyIban))}::text[],
      ${arrayParam(known.map((m) => m.lineId))}::bigint[]) as u(customer_id, iban, line_id)
    on conflict (company_id, iban, customer_id) do nothing`);
}

async function recordTimeline(tx: Tx, companyId: number, matches: MatchToApply[], now: Date): Promise<void> {
  await tx.execute(sql`
    insert into activity (company_id, customer_id, type, summary, data, occurred_at, actor_id)
    select ${companyId}, u.customer_id, 'payment_matched',
      'Bank payment of ' || ${decimalSql("u.amount", "u.currency")} || ' ' || u.currency
        || coalesce(' matched to ' || array_to_string(u.numbers, ', '), ' kept as unapplied cash'),
      jsonb_build_object('lineId', u.line_id, 'amount', ${decimalSql("u.amount", "u.currency")}, 'currency', u.currency,
        'invoiceIds', to_jsonb(u.invoice_ids), 'invoiceNumbers', coalesce(to_jsonb(u.numbers), '[]'::jsonb),
        'rule', u.rule, 'automatic', u.actor is null),
      ${now}, u.actor
    from (
      select t.line_id, t.customer_id, t.amount, t.currency, t.rule, t.actor, ids.invoice_ids,
        coalesce(
          (select array_agg(n.value order by n.ord) from jsonb_array_elements_text(t.numbers::jsonb)
             with ordinality as n(value, ord)),
          (select array_agg(i.number order by i.due_date, i.number collate "C") from invoice i
             where i.id = any(ids.invoice_ids))) as numbers
      from unnest(${arrayParam(matches.map((m) => m.lineId))}::bigint[], ${arrayParam(matches.map((m) => m.customerId))}::bigint[],
        ${arrayParam(matches.map((m) => m.amountMinor))}::bigint[], ${arrayParam(matches.map((m) => m.currency))}::text[],
        ${arrayParam(matches.map((m) => m.rule))}::text[], ${arrayParam(matches.map((m) => m.appliedById))}::bigint[],
        ${arrayParam(matches.map((m) => JSON.stringify(m.allocations.map((a) => a.invoiceId))))}::text[],
        ${arrayParam(matches.map((m) => (m.invoiceNumbers && m.invoiceNumbers.length > 0 ? JSON.stringify(m.invoiceNumbers) : null)))}::text[])
        as t(line_id, customer_id, amount, currency, rule, actor, invoices, numbers)
      cross join lateral (select array_agg(x::bigint) as invoice_ids from jsonb_array_elements_text(t.invoices::jsonb) x) ids
    ) u`);
}
