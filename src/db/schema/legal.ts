import { sql } from "drizzle-orm";
import { boolean, check, numeric, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, day, id, instant, ref, updatedAt } from "./columns";
import { appUser } from "./users";

/**
 * Reference rates of the late-interest regimes (ECB, Bank of England, French legal rate,
 * Basiszinssatz): one row per series and date it took effect. Seeded from the CSV shipped with each
 * release; an administrator adds or corrects rows without a release. `source` = 'shipped' rows are
 * refreshed by the next release's file, 'admin' rows never; a row removed by an administrator stays
 * as a tombstone (`deleted_at`) so that the shipped file does not bring it back.
 */
export const referenceRate = pgTable(
  "reference_rate",
  {
    id: id(),
    series: text("series").notNull(),
    effectiveFrom: day("effective_from").notNull(),
    /** Percent per year as an exact decimal ("3.15", "-0.88"). */
    ratePercent: numeric("rate_percent", { precision: 9, scale: 4 }).notNull(),
    note: text("note"),
    isProvisional: boolean("is_provisional").notNull().default(false),
    source: text("source").notNull().default("shipped"),
    deletedAt: instant("deleted_at"),
    updatedById: ref("updated_by_id").references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reference_rate_series_date_key").on(t.series, t.effectiveFrom),
    check("reference_rate_source", sql`${t.source} in ('shipped', 'admin')`),
  ],
);
