import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, currency, day, id, instant, minor, ref } from "./columns";
import { company } from "./companies";

/**
 * One day's KPIs per company, currency, segment and collector. `segment_key` and `collector_key` are
 * never NULL, so that the unique key holds for the company-wide rows too: '*' means every segment
 * (every collector), '' the customers without one, otherwise the segment name or the collector's user id.
 * `figures` is the KpiReport of kpis.schemas.ts as computed that day; the amounts the dashboard sums and
 * charts are also kept as bigint minor units.
 */
export const kpiSnapshot = pgTable(
  "kpi_snapshot",
  {
    id: id(),
    companyId: ref("company_id")
      .notNull()
      .references(() => company.id),
    snapshotDate: day("snapshot_date").notNull(),
    currency: currency().notNull(),
    segmentKey: text("segment_key").notNull(),
    collectorKey: text("collector_key").notNull(),
    figures: jsonb("figures").notNull(),
    receivablesMinor: minor("receivables_minor").notNull(),
    overdueMinor: minor("overdue_minor").notNull(),
    disputedMinor: minor("disputed_minor").notNull(),
    cashCollectedMinor: minor("cash_collected_minor").notNull(),
    notDueMinor: minor("not_due_minor").notNull(),
    d1To30Minor: minor("d1_30_minor").notNull(),
    d31To60Minor: minor("d31_60_minor").notNull(),
    d61To90Minor: minor("d61_90_minor").notNull(),
    d90PlusMinor: minor("d90plus_minor").notNull(),
    /** scheduler, cli, api, backfill or demo: who took the snapshot. */
    source: text("source").notNull(),
    createdAt: createdAt(),
    recomputedAt: instant("recomputed_at"),
  },
  (t) => [
    uniqueIndex("kpi_snapshot_key").on(t.companyId, t.currency, t.segmentKey, t.collectorKey, t.snapshotDate),
    index("kpi_snapshot_date_idx").on(t.companyId, t.snapshotDate),
  ],
);
