import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import type { Role } from "../users/users.schemas";
import { computeKpis } from "./compute-kpis";
import {
  Dashboard,
  DashboardQuery,
  DisputeBreakdown,
  ExportQuery,
  MonthlyReportQuery,
  SnapshotInput,
  SnapshotReply,
  TopOverdue,
} from "./dashboard.schemas";
import { exportDashboardTable } from "./export-dashboard-table";
import { getDashboard } from "./get-dashboard";
import { getMonthlyReport } from "./get-monthly-report";
import { KpiQuery, KpiReports } from "./kpis.schemas";
import { listDisputeBreakdown, listTopOverdue } from "./list-dashboard-details";
import { RECOMPUTE_ROLES, takeKpiSnapshot } from "./take-kpi-snapshot";

/** Credit managers, admins and viewers (the CFO) see every customer; collectors their portfolio only. */
const KPI_ROLES: readonly Role[] = ["admin", "credit_manager", "viewer", "collector"];

export function kpisRoutes(app: App, ctx: AppContext): void {
  const read = { onRequest: requireRoles(KPI_ROLES) };
  const tags = ["kpis"];
  app.get(
    "/api/kpis",
    { ...read, schema: { tags, querystring: KpiQuery, response: { 200: KpiReports } } },
    async (request) => computeKpis(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/kpis/dashboard",
    { ...read, schema: { tags, querystring: DashboardQuery, response: { 200: Dashboard } } },
    async (request) => getDashboard(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/kpis/top-overdue",
    { ...read, schema: { tags, querystring: DashboardQuery, response: { 200: TopOverdue } } },
    async (request) => listTopOverdue(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/kpis/disputes",
    { ...read, schema: { tags, querystring: DashboardQuery, response: { 200: DisputeBreakdown } } },
    async (request) => listDisputeBreakdown(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/kpis/export",
    { ...read, schema: { tags, querystring: ExportQuery } },
    async (request, reply) => {
      const file = await exportDashboardTable(ctx, actorOf(request), request.query);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  // The monthly PDF report (same filters and visibility as the dashboard; `month` is YYYY-MM).
  app.get(
    "/api/kpis/report.pdf",
    { ...read, schema: { tags, querystring: MonthlyReportQuery } },
    async (request, reply) => {
      const report = await getMonthlyReport(ctx, actorOf(request), request.query);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${report.filename}"`)
        .header("content-language", report.language)
        .send(report.body);
    },
  );
  // Takes a day's snapshot if it is missing; `recompute: true` replaces it (logged in the audit log).
  app.post(
    "/api/kpis/snapshots",
    {
      onRequest: requireRoles(RECOMPUTE_ROLES),
      schema: { tags, body: SnapshotInput, response: { 200: SnapshotReply } },
    },
    async (request) => takeKpiSnapshot(ctx, actorOf(request), { ...request.body, source: "api" }),
  );
}
