import type { AppContext } from "../context";
import { ensureReferenceRates } from "./ensure-reference-rates";
import type { RateSeries, ReferenceRate, ReferenceRateList } from "./legal.schemas";
import { percentText } from "./legal-decimal";
import { type RateRecord, selectRateRecords } from "./reference-rates.repo";

export function toReferenceRate(record: RateRecord): ReferenceRate {
  return {
    id: record.id,
    series: record.series as RateSeries,
    effectiveFrom: record.effectiveFrom,
    ratePercent: percentText(record.ratePercent),
    note: record.note,
    isProvisional: record.isProvisional,
    source: record.source === "admin" ? "admin" : "shipped",
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The reference-rate table, by series, newest first. */
export async function listReferenceRates(ctx: AppContext, series?: RateSeries): Promise<ReferenceRateList> {
  await ensureReferenceRates(ctx.db);
  return { items: (await selectRateRecords(ctx.db, series)).map(toReferenceRate) };
}
