import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { decimalSql } from "../../db/money-sql";

export type LiveMatch = {
  id: number;
  company_id: number;
  line_id: number;
  customer_id: number;
  payment_id: number;
};

export async function selectLiveMatch(
  tx: Tx,
  where: { matchId?: number; lineId?: number },
): Promise<LiveMatch | null> {
  const condition =
    where.matchId !== undefined ? sql`m.id = ${where.matchId}` : sql`m.line_id = ${where.lineId ?? 0}`;
  const result = await tx.execute<LiveMatch>(sql`
    select m.id::float8 as id, m.company_id::float8 as company_id, m.line_id::float8 as line_id,
      m.customer_id::float8 as customer_id, m.payment_id::float8 as payment_id
    from bank_match m where ${condition} and m.undone_at is null for update`);
  const row = result.rows[0];
  return row
    ? {
        id: Number(row.id),
        company_id: Number(row.company_id),
        line_id: Number(row.line_id),
        customer_id: Number(row.customer_id),
        payment_id: Number(row.payment_id),
      }
    : null;
}

/** Why a match is taken back: undone by a person, replaced by a match by hand, or a direct debit returned. */
export type UnmatchCause = "undone" | "rematched" | "returned";

const CAUSE_SUMMARIES: Record<UnmatchCause, string> = {
  undone: "Matching undone:",
  rematched: "Payment taken back:",
  returned: "Direct debit returned by the bank:",
};

/**
 * Takes a match back: its allocations and write-off are reversed (kept, with the time), the items owe
 * again what it had settled, the payment waits unapplied (on its customer when `keepCustomer`, as for a
 * returned direct debit, else on nobody), and the timeline says so. Returns the invoices reopened.
 */
export async function reverseMatch(
  tx: Tx,
  match: LiveMatch,
  input: {
    actorId: number | null;
    reason: string | null;
    now: Date;
    keepCustomer: boolean;
    cause: UnmatchCause;
    /** The bank's return reason code (a returned direct debit). */
    returnCode?: string | null;
  },
): Promise<string[]> {
  const reopened = await tx.execute<{ number: string }>(sql`
    with allocations as (
      update payment_allocation set reversed_at = ${input.now}
      where match_id = ${match.id} and reversed_at is null
      returning invoice_id, amount_minor
    ), write_offs as (
      update invoice_write_off set reversed_at = ${input.now}
      where match_id = ${match.id} and reversed_at is null
      returning invoice_id, amount_minor
    ), totals as (
      select invoice_id, sum(amount_minor) as total
      from (select * from allocations union all select * from write_offs) parts group by invoice_id
    )
    update invoice i set open_amount_minor = i.open_amount_minor + t.total,
      status = (case when i.status = 'paid' then 'open' else i.status end)::invoice_status, updated_at = ${input.now}
    from totals t where i.id = t.invoice_id
    returning i.number`);
  await tx.execute(sql`
    update payment set unapplied_minor = amount_minor,
      customer_id = ${input.keepCustomer ? sql`customer_id` : sql`null`}, updated_at = ${input.now}
    where id = ${match.payment_id}`);
  await tx.execute(sql`
    update bank_match set undone_at = ${input.now}, undone_by_id = ${input.actorId}, undo_reason = ${input.reason}
    where id = ${match.id}`);
  const numbers = reopened.rows.map((r) => r.number).sort();
  await tx.execute(sql`
    insert into activity (company_id, customer_id, type, summary, data, occurred_at, actor_id)
    select l.company_id, ${match.customer_id}, 'payment_unmatched',
      ${CAUSE_SUMMARIES[input.cause]} || ' ' || ${decimalSql("l.amount_minor", "l.currency")} || ' ' || l.currency
        || case when ${numbers.length} > 0 then ': ' || ${numbers.join(", ")} || ' reopened' else '' end
        || coalesce(' (' || ${input.reason}::text || ')', ''),
      jsonb_build_object('lineId', l.id, 'matchId', ${match.id}::bigint, 'reason', ${input.reason}::text,
        'reopened', ${JSON.stringify(numbers)}::jsonb, 'cause', ${input.cause}::text,
        'returnCode', ${input.returnCode ?? null}::text, 'amount', ${decimalSql("l.amount_minor", "l.currency")},
        'currency', l.currency),
      ${input.now}, ${input.actorId}
    from bank_line l where l.id = ${match.line_id}`);
  return numbers;
}
