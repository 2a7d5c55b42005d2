import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { arrayParam } from "../../db/sql-arrays";
import type { Proposal } from "./engine/engine.types";

/** Replaces the suggestions of these lines with their new ranked proposals; the best one names the line's customer. */
export async function writeSuggestions(
  q: Queryable,
  lines: { lineId: number; proposals: Proposal[] }[],
  now: Date,
): Promise<void> {
  if (lines.length === 0) return;
  const lineIds = lines.map((l) => l.lineId);
  await q.execute(sql`delete from match_suggestion where line_id = any(${arrayParam(lineIds)}::bigint[])`);
  const rows = lines.flatMap((l) => l.proposals.map((p, rank) => ({ lineId: l.lineId, rank, p })));
  await q.execute(sql`
    insert into match_suggestion (line_id, rank, customer_id, allocations, write_off, unapplied_minor, score, rule, reasons)
    select u.line_id, u.rank, u.customer_id, u.allocations::jsonb, u.write_off::jsonb, u.unapplied, u.score, u.rule,
      u.reasons::jsonb
    from unnest(${arrayParam(rows.map((r) => r.lineId))}::bigint[], ${arrayParam(rows.map((r) => r.rank))}::int[],
      ${arrayParam(rows.map((r) => r.p.customerId))}::bigint[], ${arrayParam(rows.map((r) => JSON.stringify(r.p.allocations)))}::text[],
      ${arrayParam(rows.map((r) => (r.p.writeOff ? JSON.stringify(r.p.writeOff) : null)))}::text[],
      ${arrayParam(rows.map((r) => r.p.unappliedMinor))}::bigint[], ${arrayParam(rows.map((r) => r.p.score))}::int[],
      ${arrayParam(rows.map((r) => r.p.rule))}::text[], ${arrayParam(rows.map((r) => JSON.stringify(r.p.reasons)))}::text[])
      as u(line_id, rank, customer_id, allocations, write_off, unapplied, score, rule, reasons)`);
  await q.execute(sql`
    update bank_line l set status = 'suggested', customer_id = u.customer_id, score = u.score, updated_at = ${now}
    from unnest(${arrayParam(lineIds)}::bigint[], ${arrayParam(lines.map((l) => l.proposals[0]?.customerId ?? null))}::bigint[],
      ${arrayParam(lines.map((l) => l.proposals[0]?.score ?? null))}::int[]) as u(line_id, customer_id, score)
    where l.id = u.line_id`);
}

/** Lines nobody could be found for: the suspense list. */
export async function markUnmatched(q: Queryable, lineIds: number[], now: Date): Promise<void> {
  if (lineIds.length === 0) return;
  await q.execute(sql`delete from match_suggestion where line_id = any(${arrayParam(lineIds)}::bigint[])`);
  await q.execute(sql`
    update bank_line set status = 'unmatched', customer_id = null, score = null, updated_at = ${now}
    where id = any(${arrayParam(lineIds)}::bigint[])`);
}

export type SuggestionRow = {
  line_id: number;
  rank: number;
  customer_id: number;
  allocations: { invoiceId: number; amountMinor: number }[];
  write_off: { invoiceId: number; amountMinor: number; reason: string } | null;
  unapplied_minor: number;
  score: number;
  rule: string;
  reasons: Proposal["reasons"];
};

export async function selectSuggestions(q: Queryable, lineId: number): Promise<SuggestionRow[]> {
  const result = await q.execute<SuggestionRow>(sql`
    select line_id::float8 as line_id, rank, customer_id::float8 as customer_id, allocations, write_off,
      unapplied_minor::float8 as unapplied_minor, score, rule, reasons
    from match_suggestion where line_id = ${lineId} order by rank`);
  return result.rows.map((r) => ({
    ...r,
    line_id: Number(r.line_id),
    customer_id: Number(r.customer_id),
    unapplied_minor: Number(r.unapplied_minor),
  }));
}
