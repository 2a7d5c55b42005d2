import { endOfMonth, type IsoDate } from "../../shared/dates";
import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";
import { listUsers } from "../users/list-users";
import type { Actor } from "../users/users.types";
import { type SnapshotKey, selectLeague, selectSnapshotsAt } from "./dashboard.repo";
import type { Dashboard, DashboardQuery } from "./dashboard.schemas";
import { selectLatestDate, selectSnapshotKeys } from "./kpi-snapshots.repo";
import { ALL_KEY } from "./kpis.repo";
import { monthsBefore } from "./kpis.rules";

/**
 * A comparison point (a month ago, a year ago, a month of the chart) is the latest snapshot on or before
 * its date, at most this many days older: a backfill keeps month ends, so a year ago is the month end
 * before it. The page names the date compared with.
 */
const TOLERANCE_DAYS = 31;

export type DashboardScope = {
  company: { id: number; code: string; name: string; currency: string; timeZone: string } | null;
  requestedDate: IsoDate;
  segmentKey: string;
  collectorKey: string;
};

/** The company, date and keys a dashboard query names; a collector always sees their own portfolio. */
export async function dashboardScope(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
): Promise<DashboardScope> {
  const companies = (await listCompanies(ctx)).items;
  const company =
    companies.find((c) => c.id === query.companyId) ?? (query.companyId ? null : companies[0]) ?? null;
  const requestedDate = query.date ?? ctx.clock.today(company?.timeZone ?? "UTC");
  const segmentKey = query.segment === undefined ? ALL_KEY : query.segment === "-" ? "" : query.segment;
  const collectorKey =
    actor.role === "collector" && actor.userId !== null
      ? String(actor.userId)
      : query.collectorId === undefined
        ? ALL_KEY
        : query.collectorId === 0
          ? ""
          : String(query.collectorId);
  return { company, requestedDate, segmentKey, collectorKey };
}

/**
 * The credit manager's dashboard, read from the stored snapshots only: the figures of the latest
 * snapshot on or before the date asked, the same key a month and a year earlier (trends), the month ends
 * of the last twelve months (charts) and the collectors' league table. A handful of indexed reads,
 * whatever the size of the ledger.
 */
export async function getDashboard(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const scope = await dashboardScope(ctx, actor, query);
  const empty: Dashboard = {
    company: scope.company && { id: scope.company.id, code: scope.company.code, name: scope.company.name },
    date: null,
    requestedDate: scope.requestedDate,
    currency: null,
    currencies: [],
    segments: [],
    collectors: [],
    current: null,
    lastMonth: null,
    lastYear: null,
    trend: [],
    league: [],
  };
  if (!scope.company) return empty;
  const date = await selectLatestDate(ctx.db, scope.company.id, scope.requestedDate);
  if (!date) return empty;
  const keys = await selectSnapshotKeys(ctx.db, scope.company.id, date);
  const currencies = [...new Set(keys.map((k) => k.currency))].sort();
  const currency =
    query.currency ?? (currencies.includes(scope.company.currency) ? scope.company.currency : currencies[0]!);
  const key: SnapshotKey = {
    companyId: scope.company.id,
    currency,
    segmentKey: scope.segmentKey,
    collectorKey: scope.collectorKey,
  };
  const months = Array.from({ length: 11 }, (_, i) => endOfMonth(monthsBefore(date, 11 - i)));
  const lastMonth = monthsBefore(date, 1);
  const lastYear = monthsBefore(date, 12);
  const [points, league, users] = await Promise.all([
    selectSnapshotsAt(ctx.db, key, [...months, lastMonth, lastYear, date], TOLERANCE_DAYS),
    scope.collectorKey === ALL_KEY ? selectLeague(ctx.db, key, date) : Promise.resolve([]),
    listUsers(ctx, {}),
  ]);
  const nameOf = new Map(users.items.map((u) => [String(u.id), u.name]));
  const trend = [...months, date].flatMap((d) => {
    const k = points.get(d);
    // A chart point belongs to its month: an older snapshot standing in for a missing month is left out.
    if (!k || k.date.slice(0, 7) !== d.slice(0, 7)) return [];
    const { dsoCountback, overdueRatio, cashCollected, receivables } = k;
    return [{ date: k.date, dsoCountback, overdueRatio, cashCollected, receivables }];
  });
  const collectorKeys = new Set(keys.filter((k) => k.collectorKey !== ALL_KEY).map((k) => k.collectorKey));
  return {
    ...empty,
    date,
    currency,
    currencies,
    segments: [...new Set(keys.map((k) => k.segmentKey).filter((s) => s !== ALL_KEY && s !== ""))].sort(),
    collectors: [...collectorKeys]
      .filter((c) => c !== "")
      .map((c) => ({ id: Number(c), name: nameOf.get(c) ?? `#${c}` }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    current: points.get(date) ?? null,
    lastMonth: points.get(lastMonth) ?? null,
    lastYear: points.get(lastYear) ?? null,
    trend,
    league: league.map((row) => ({
      collectorId: row.collectorKey === "" ? null : Number(row.collectorKey),
      name: row.collectorKey === "" ? null : (nameOf.get(row.collectorKey) ?? `#${row.collectorKey}`),
      report: row.report,
    })),
  };
}
