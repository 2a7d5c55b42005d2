import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { kpiSnapshot } from "../../db/schema";
import type { IsoDate } from "../../shared/dates";
import { parseMajor } from "../../shared/money";
import { ALL_KEY } from "./kpis.repo";
import { KpiReport } from "./kpis.schemas";
import type { GroupKey } from "./kpis-components.repo";

export type SnapshotRow = GroupKey & { date: IsoDate; report: KpiReport };
export type SnapshotSource = "scheduler" | "cli" | "api" | "backfill" | "demo";

/**
 * The KPI statements read whole tables (every item, every allocation of a company) and group them four
 * ways (GROUPING SETS). For this one transaction:
 * - 64 MB of sort memory, so that the sorts and hashes do not spill to disk (the default is 4 MB);
 * - hash joins only: no nested loops, which only win on a handful of rows but which the planner picks when
 *   it has no statistics (the embedded database is never analysed: a nested loop over the allocations made
 *   the balances of 3,000 invoices take 1.4 s instead of 0.15 s), and no merge joins, one of which joined 60,000
 *   items to their customer's delay on the currency alone (33 s instead of 0.7 s);
 * - no parallel workers: each would build the same per-invoice sums of allocations again (three times the
 *   work on two CPUs);
 * - no JIT, whose compilation costs more than it saves on statements of this size.
 */
export async function setWholeTablePlans(q: Queryable): Promise<void> {
  await q.execute(
    sql`set local work_mem = '64MB'; set local enable_nestloop = off; set local enable_mergejoin = off;
      set local max_parallel_workers_per_gather = 0; set local jit = off`,
  );
}

/** The dates among `dates` that already have a snapshot for the company. */
export async function selectSnapshotDates(
  q: Queryable,
  companyId: number,
  dates: IsoDate[],
): Promise<Set<string>> {
  if (dates.length === 0) return new Set();
  const rows = await q
    .selectDistinct({ date: kpiSnapshot.snapshotDate })
    .from(kpiSnapshot)
    .where(and(eq(kpiSnapshot.companyId, companyId), inArray(kpiSnapshot.snapshotDate, dates)));
  return new Set(rows.map((r) => r.date));
}

/** The company-wide rows (every segment, every collector) of one date, one per currency. */
export async function selectCompanyRows(
  q: Queryable,
  companyId: number,
  date: IsoDate,
): Promise<KpiReport[]> {
  const rows = await q
    .select({ figures: kpiSnapshot.figures })
    .from(kpiSnapshot)
    .where(
      and(
        eq(kpiSnapshot.companyId, companyId),
        eq(kpiSnapshot.snapshotDate, date),
        eq(kpiSnapshot.segmentKey, ALL_KEY),
        eq(kpiSnapshot.collectorKey, ALL_KEY),
      ),
    )
    .orderBy(asc(kpiSnapshot.currency));
  return rows.map((r) => KpiReport.parse(r.figures));
}

/** Removes one date's snapshot (an explicit recompute only), inside the caller's transaction. */
export async function deleteSnapshot(q: Queryable, companyId: number, date: IsoDate): Promise<number> {
  const deleted = await q
    .delete(kpiSnapshot)
    .where(and(eq(kpiSnapshot.companyId, companyId), eq(kpiSnapshot.snapshotDate, date)))
    .returning({ id: kpiSnapshot.id });
  return deleted.length;
}

/**
 * One multi-row INSERT for every key of a date; a row another process wrote meanwhile is left as it is
 * (snapshots are never overwritten silently).
 */
export async function insertSnapshot(
  q: Queryable,
  companyId: number,
  rows: SnapshotRow[],
  options: { source: SnapshotSource; recomputedAt: Date | null },
): Promise<number> {
  if (rows.length === 0) return 0;
  const values = rows.map((row) => {
    const minor = (amount: string) => parseMajor(amount, row.currency).minor;
    const k = row.report;
    return {
      companyId,
      snapshotDate: row.date,
      currency: row.currency,
      segmentKey: row.segmentKey,
      collectorKey: row.collectorKey,
      figures: k,
      receivablesMinor: minor(k.receivables),
      overdueMinor: minor(k.overdueReceivables),
      disputedMinor: minor(k.disputedReceivables),
      cashCollectedMinor: minor(k.cashCollected),
      notDueMinor: minor(k.aging.notDue),
      d1To30Minor: minor(k.aging.d1_30),
      d31To60Minor: minor(k.aging.d31_60),
      d61To90Minor: minor(k.aging.d61_90),
      d90PlusMinor: minor(k.aging.d90plus),
      source: options.source,
      recomputedAt: options.recomputedAt,
    };
  });
  let written = 0;
  // Chunks keep each statement under PostgreSQL's 65,535 bind parameters.
  for (let from = 0; from < values.length; from += 2000) {
    const inserted = await q
      .insert(kpiSnapshot)
      .values(values.slice(from, from + 2000))
      .onConflictDoNothing()
      .returning({ id: kpiSnapshot.id });
    written += inserted.length;
  }
  return written;
}

/** Keys of the stored rows of one date, for the filters (segments, collectors present that day). */
export async function selectSnapshotKeys(
  q: Queryable,
  companyId: number,
  date: IsoDate,
): Promise<{ currency: string; segmentKey: string; collectorKey: string }[]> {
  const rows = await q
    .select({
      currency: kpiSnapshot.currency,
      segmentKey: kpiSnapshot.segmentKey,
      collectorKey: kpiSnapshot.collectorKey,
    })
    .from(kpiSnapshot)
    .where(and(eq(kpiSnapshot.companyId, companyId), eq(kpiSnapshot.snapshotDate, date)));
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}

/** The latest snapshot date on or before `date` for the company, or null. */
export async function selectLatestDate(
  q: Queryable,
  companyId: number,
  date: IsoDate,
): Promise<IsoDate | null> {
  const result = await q.execute<{ date: string | null }>(sql`
    select max(snapshot_date)::text as date from kpi_snapshot
    where company_id = ${companyId} and snapshot_date <= ${date}::date`);
  return (result.rows[0]?.date ?? null) as IsoDate | null;
}
