import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { referenceRate } from "../../db/schema";
import type { IsoDate } from "../../shared/dates";
import type { RateSeries } from "./legal.schemas";
import type { RateRow } from "./reference-rates.rules";

export type RateRecord = typeof referenceRate.$inferSelect;

export type RateValues = {
  series: RateSeries;
  effectiveFrom: IsoDate;
  ratePercent: string;
  note: string | null;
  isProvisional: boolean;
};

export type UpsertCounts = { created: number; updated: number };

/** Changed when the rate, note or provisional mark differ, or the row was removed. */
const differs: SQL = sql`(${referenceRate.ratePercent}, ${referenceRate.note}, ${referenceRate.isProvisional}, ${referenceRate.deletedAt} is null)
  is distinct from (excluded.rate_percent, excluded.note, excluded.is_provisional, true)`;

function counts(rows: { inserted: boolean }[]): UpsertCounts {
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created };
}

/**
 * The release's table: new rows are added; rows still as shipped are refreshed (a provisional rate
 * confirmed by the next release); rows an administrator set or removed are left alone. Idempotent.
 */
export async function upsertShippedRates(q: Queryable, rows: readonly RateValues[]): Promise<UpsertCounts> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const result = await q
    .insert(referenceRate)
    .values(rows.map((row) => ({ ...row, source: "shipped" })))
    .onConflictDoUpdate({
      target: [referenceRate.series, referenceRate.effectiveFrom],
      set: {
        ratePercent: sql`excluded.rate_percent`,
        note: sql`excluded.note`,
        isProvisional: sql`excluded.is_provisional`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${referenceRate.source} = 'shipped' and ${referenceRate.deletedAt} is null and ${differs}`,
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return counts(result);
}

/** An administrator's rows: added, or replacing the row of the same series and date (even a removed one). */
export async function upsertAdminRates(
  q: Queryable,
  rows: readonly RateValues[],
  actorId: number | null,
): Promise<UpsertCounts> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const result = await q
    .insert(referenceRate)
    .values(rows.map((row) => ({ ...row, source: "admin", updatedById: actorId })))
    .onConflictDoUpdate({
      target: [referenceRate.series, referenceRate.effectiveFrom],
      set: {
        ratePercent: sql`excluded.rate_percent`,
        note: sql`excluded.note`,
        isProvisional: sql`excluded.is_provisional`,
        source: "admin",
        deletedAt: null,
        updatedById: actorId,
        updatedAt: sql`now()`,
      },
      setWhere: differs,
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return counts(result);
}

/** The rates in force for computations: every series, removed rows left out. */
export async function selectActiveRates(q: Queryable): Promise<RateRow[]> {
  const rows = await q
    .select({
      series: referenceRate.series,
      effectiveFrom: referenceRate.effectiveFrom,
      ratePercent: referenceRate.ratePercent,
      isProvisional: referenceRate.isProvisional,
    })
    .from(referenceRate)
    .where(isNull(referenceRate.deletedAt))
    .orderBy(asc(referenceRate.series), asc(referenceRate.effectiveFrom));
  return rows.map((row) => ({
    ...row,
    series: row.series as RateSeries,
    effectiveFrom: row.effectiveFrom as IsoDate,
  }));
}

/** The table as an administrator sees it, newest first within each series. */
export async function selectRateRecords(q: Queryable, series?: RateSeries): Promise<RateRecord[]> {
  const conditions = [isNull(referenceRate.deletedAt)];
  if (series) conditions.push(eq(referenceRate.series, series));
  return q
    .select()
    .from(referenceRate)
    .where(and(...conditions))
    .orderBy(asc(referenceRate.series), sql`${referenceRate.effectiveFrom} desc`);
}

export async function findRateRecord(q: Queryable, id: number): Promise<RateRecord | null> {
  const rows = await q
    .select()
    .from(referenceRate)
    .where(and(eq(referenceRate.id, id), isNull(referenceRate.deletedAt)));
  return rows[0] ?? null;
}

export async function findRateRecordByKey(
  q: Queryable,
  series: RateSeries,
  effectiveFrom: IsoDate,
): Promise<RateRecord | null> {
  const rows = await q
    .select()
    .from(referenceRate)
    .where(and(eq(referenceRate.series, series), eq(referenceRate.effectiveFrom, effectiveFrom)));
  return rows[0] ?? null;
}

export async function updateRateRecord(
  q: Queryable,
  id: number,
  values: Pick<RateValues, "ratePercent" | "note" | "isProvisional">,
  actorId: number | null,
): Promise<RateRecord> {
  const rows = await q
    .update(referenceRate)
    .set({ ...values, source: "admin", updatedById: actorId, updatedAt: sql`now()` })
    .where(eq(referenceRate.id, id))
    .returning();
  return rows[0]!;
}

/** Kept as a tombstone owned by the administrator, so that the shipped file does not bring it back. */
export async function markRateDeleted(q: Queryable, id: number, actorId: number | null): Promise<void> {
  await q
    .update(referenceRate)
    .set({ deletedAt: sql`now()`, source: "admin", updatedById: actorId, updatedAt: sql`now()` })
    .where(eq(referenceRate.id, id));
}
