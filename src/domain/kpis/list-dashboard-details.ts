import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { selectDisputeBreakdown, selectTopOverdue } from "./dashboard.repo";
import type { DashboardQuery, DisputeBreakdown, TopOverdue } from "./dashboard.schemas";
import { dashboardScope } from "./get-dashboard";
import { selectLatestDate, setWholeTablePlans } from "./kpi-snapshots.repo";
import { ALL_KEY, type KpiScope } from "./kpis.repo";

const TOP_CUSTOMERS = 10;

/** The scope of the dashboard's detail tables: its company, currency, cut and the date it shows. */
async function detailScope(ctx: AppContext, actor: Actor, query: DashboardQuery) {
  const scope = await dashboardScope(ctx, actor, query);
  if (!scope.company) return null;
  const date = (await selectLatestDate(ctx.db, scope.company.id, scope.requestedDate)) ?? scope.requestedDate;
  const currency = query.currency ?? scope.company.currency;
  const kpiScope: KpiScope & { currency: string } = {
    companyId: scope.company.id,
    currency,
    segment: scope.segmentKey === ALL_KEY ? undefined : scope.segmentKey,
    collectorId:
      scope.collectorKey === ALL_KEY ? undefined : scope.collectorKey === "" ? 0 : Number(scope.collectorKey),
    portfolio: portfolioScope(actor),
  };
  return { date, currency, kpiScope };
}

/** The ten customers with the most overdue on the dashboard's date (rebuilt from the history). */
export async function listTopOverdue(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
): Promise<TopOverdue> {
  const scope = await detailScope(ctx, actor, query);
  if (!scope) return { currency: null, items: [] };
  const rows = await ctx.db.transaction(async (tx) => {
    await setWholeTablePlans(tx);
    return selectTopOverdue(tx, scope.kpiScope, scope.date, TOP_CUSTOMERS);
  });
  return {
    currency: scope.currency,
    items: rows.map((r) => ({
      customerId: Number(r.customer_id),
      name: r.name,
      externalRef: r.external_ref,
      overdue: decimal(r.overdue, scope.currency),
      receivables: decimal(r.receivables, scope.currency),
      maxDaysOverdue: r.max_days,
    })),
  };
}

/** Disputes live on the dashboard's date, by reason and age. */
export async function listDisputeBreakdown(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
): Promise<DisputeBreakdown> {
  const scope = await detailScope(ctx, actor, query);
  if (!scope) return { currency: null, items: [] };
  const rows = await selectDisputeBreakdown(ctx.db, scope.kpiScope, scope.date);
  return {
    currency: scope.currency,
    items: rows.map((r) => ({
      reason: r.reason,
      age: r.age as DisputeBreakdown["items"][number]["age"],
      count: r.count,
      amount: decimal(r.amount, scope.currency),
    })),
  };
}
