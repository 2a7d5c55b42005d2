import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { disputeReason } from "../../db/schema";
import { DEFAULT_DISPUTE_REASONS, POSITION_STEP } from "./dispute-reasons.rules";
import type { DisputeReasonEntry } from "./dispute-reasons.schemas";

/** A company's reasons in the form's order, each with the number of disputes that carry it. */
export async function selectDisputeReasons(q: Queryable, companyId: number): Promise<DisputeReasonEntry[]> {
  const result = await q.execute<DisputeReasonEntry>(sql`
    select r.code, r.label_fr as "labelFr", r.label_en as "labelEn", r.is_active as "isActive", r.position,
      (select count(*)::int from dispute d where d.company_id = r.company_id and d.reason = r.code)
        as "disputeCount"
    from dispute_reason r where r.company_id = ${companyId}
    order by r.position, r.code`);
  return result.rows.map((row) => ({ ...row, position: Number(row.position) }));
}

export async function findDisputeReason(q: Queryable, companyId: number, code: string) {
  const [row] = await q
    .select()
    .from(disputeReason)
    .where(and(eq(disputeReason.companyId, companyId), eq(disputeReason.code, code)));
  return row ?? null;
}

/** Gives a company the default reasons when it has none at all; true when it did. */
export async function insertDefaultDisputeReasons(q: Queryable, companyId: number): Promise<boolean> {
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from dispute_reason where company_id = ${companyId}`);
  if ((result.rows[0]?.n ?? 0) > 0) return false;
  await q
    .insert(disputeReason)
    .values(
      DEFAULT_DISPUTE_REASONS.map((reason, index) => ({
        companyId,
        ...reason,
        position: (index + 1) * POSITION_STEP,
      })),
    )
    .onConflictDoNothing();
  return true;
}

export async function insertDisputeReason(
  q: Queryable,
  row: { companyId: number; code: string; labelFr: string; labelEn: string; now: Date },
): Promise<boolean> {
  const rows = await q
    .insert(disputeReason)
    .values({
      companyId: row.companyId,
      code: row.code,
      labelFr: row.labelFr,
      labelEn: row.labelEn,
      // After the last one.
      position: sql`(select coalesce(max(position), 0) + ${POSITION_STEP} from dispute_reason
        where company_id = ${row.companyId})`,
      createdAt: row.now,
      updatedAt: row.now,
    })
    .onConflictDoNothing()
    .returning({ code: disputeReason.code });
  return rows.length > 0;
}

export async function updateDisputeReason(
  q: Queryable,
  change: {
    companyId: number;
    code: string;
    set: { labelFr?: string; labelEn?: string; isActive?: boolean; position?: number };
    now: Date;
  },
): Promise<void> {
  await q
    .update(disputeReason)
    .set({ ...change.set, updatedAt: change.now })
    .where(and(eq(disputeReason.companyId, change.companyId), eq(disputeReason.code, change.code)));
}

/** Deletes a reason no dispute carries (checked in the same statement); false when one does. */
export async function deleteUnusedDisputeReason(
  q: Queryable,
  companyId: number,
  code: string,
): Promise<boolean> {
  const result = await q.execute<{ code: string }>(sql`
    delete from dispute_reason r where r.company_id = ${companyId} and r.code = ${code}
      and not exists (select 1 from dispute d where d.company_id = r.company_id and d.reason = r.code)
    returning r.code`);
  return result.rows.length > 0;
}
