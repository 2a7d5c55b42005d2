import { toIsoDateInZone } from "../../shared/dates";
import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { reportOf } from "./kpi-report";
import { setWholeTablePlans } from "./kpi-snapshots.repo";
import { ALL_KEY, type KpiScope } from "./kpis.repo";
import type { KpiQuery, KpiReport, KpiReports } from "./kpis.schemas";
import { keyOf, selectComponents } from "./kpis-components.repo";

/**
 * Every KPI of kpis.md for one as-of date, rebuilt live from the ledger's history (issue dates,
 * allocations live on that date), one report per currency the scope has items in. The dashboard reads
 * the stored snapshots instead (take-kpi-snapshot.ts), which the same statement computes.
 */
export async function computeKpis(ctx: AppContext, actor: Actor, query: KpiQuery): Promise<KpiReports> {
  const company = (await listCompanies(ctx)).items.find((c) => c.id === query.companyId);
  const date = query.date ?? toIsoDateInZone(ctx.clock.now(), company?.timeZone ?? "UTC");
  const scope: KpiScope = {
    companyId: query.companyId,
    currency: query.currency,
    segment: query.segment,
    collectorId: query.collectorId,
    portfolio: portfolioScope(actor),
  };
  const components = await ctx.db.transaction(async (tx) => {
    await setWholeTablePlans(tx);
    return selectComponents(tx, scope, date, "scope");
  });
  const found = [...components.values()]
    .filter((c) => c.stock !== null)
    .map((c) => c.currency)
    .sort();
  // A company without items yet still answers, in its own currency (all zero, ratios null).
  const currencies = query.currency
    ? [query.currency]
    : found.length === 0 && company
      ? [company.currency]
      : found;
  const items: KpiReport[] = currencies.map((currency) => {
    const parts = components.get(keyOf({ currency, segmentKey: ALL_KEY, collectorKey: ALL_KEY }));
    return reportOf(parts ?? null, currency, date);
  });
  return { items };
}
