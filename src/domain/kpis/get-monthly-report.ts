import { endOfMonth, isoDate } from "../../shared/dates";
import { DomainError, notFound } from "../../shared/errors";
import { renderPdf } from "../communications/pdf-document";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { DashboardQuery, MonthlyReportQuery } from "./dashboard.schemas";
import { getDashboard } from "./get-dashboard";
import { listDisputeBreakdown, listTopOverdue } from "./list-dashboard-details";
import { type MonthlyReportData, monthlyReportDocument } from "./monthly-report-layout";
import { type ReportLanguage, wordOf } from "./monthly-report-words";

export type MonthlyReportFile = { filename: string; body: Buffer; language: ReportLanguage };

/**
 * The monthly KPI report as a PDF: the figures of the month's last snapshot (its month end once the
 * month is over) against the previous month and the same month a year earlier, the twelve-month trend,
 * the aged balance and the collectors' league, all read from the stored snapshots like the dashboard,
 * plus the dashboard's two detail tables (top overdue customers, disputes by reason and age) as of that
 * day. Same filters and same visibility as the dashboard; in the user's language unless one is asked for.
 */
export async function getMonthlyReport(
  ctx: AppContext,
  actor: Actor,
  query: MonthlyReportQuery,
): Promise<MonthlyReportFile> {
  const language: ReportLanguage = query.lang ?? (actor.language === "fr" ? "fr" : "en");
  const monthEnd = endOfMonth(isoDate(`${query.month}-01`));
  const filters: DashboardQuery = {
    companyId: query.companyId,
    currency: query.currency,
    segment: query.segment,
    collectorId: query.collectorId,
    date: monthEnd,
  };
  const dashboard = await getDashboard(ctx, actor, filters);
  if (!dashboard.company) throw notFound("company", query.companyId);
  const { current, date, currency } = dashboard;
  if (!current || !date || !currency || date.slice(0, 7) !== query.month) {
    throw new DomainError(
      "NOT_FOUND",
      `No KPI snapshot of ${dashboard.company.code} in ${query.month}: take one with encours kpi --date ${monthEnd} --company ${dashboard.company.code}`,
      { issues: [{ field: "month", value: query.month, message: "has no KPI snapshot for this company" }] },
    );
  }
  // The detail tables as of the snapshot's day, in the currency the snapshot was read in.
  const detail: DashboardQuery = {
    ...filters,
    companyId: dashboard.company.id,
    currency: currency as DashboardQuery["currency"],
    date: isoDate(date),
  };
  const [top, disputes] = await Promise.all([
    listTopOverdue(ctx, actor, detail),
    listDisputeBreakdown(ctx, actor, detail),
  ]);
  const data: MonthlyReportData = {
    language,
    month: query.month,
    company: { code: dashboard.company.code, name: dashboard.company.name },
    scope: scopeText(language, query, dashboard, actor),
    dashboard: { ...dashboard, current, date, currency },
    top: top.items,
    disputes: disputes.items,
  };
  const body = await renderPdf(monthlyReportDocument(data));
  const cut = [dashboard.company.code, currency, query.month].join("-").replace(/[^\w.-]/g, "_");
  return { filename: `encours-kpi-report-${cut}.pdf`, body, language };
}

/** The cut the report covers, in words: the segment and the collector, when one is chosen. */
function scopeText(
  language: ReportLanguage,
  query: MonthlyReportQuery,
  dashboard: Awaited<ReturnType<typeof getDashboard>>,
  actor: Actor,
): string {
  const parts: string[] = [];
  if (query.segment === "-") parts.push(wordOf(language, "noSegment"));
  else if (query.segment !== undefined) parts.push(wordOf(language, "segment", { name: query.segment }));
  const collectorId =
    actor.role === "collector" && actor.userId !== null ? actor.userId : (query.collectorId ?? null);
  if (collectorId === 0) parts.push(wordOf(language, "noCollector"));
  else if (collectorId !== null) {
    const name =
      dashboard.collectors.find((c) => c.id === collectorId)?.name ??
      (actor.userId === collectorId ? actor.name : `#${collectorId}`);
    parts.push(wordOf(language, "collector", { name }));
  }
  return parts.join(" · ");
}
