import { queryOptions } from "@tanstack/react-query";
import type {
  Dashboard,
  DisputeBreakdown,
  EXPORT_TABLES,
  TopOverdue,
} from "../../../domain/kpis/dashboard.schemas";
import type { KpiReports } from "../../../domain/kpis/kpis.schemas";
import type { Role } from "../../../domain/users/users.schemas";
import { api, apiUrl } from "../../api/api-client";

/** Who may read the KPIs; the API checks the same roles (collectors see their portfolio only). */
export const KPI_ROLES: readonly Role[] = ["admin", "credit_manager", "viewer", "collector"];
/** Who may take or recompute a snapshot from the page. */
export const SNAPSHOT_ROLES: readonly Role[] = ["admin", "credit_manager"];

export type KpiParams = { companyId?: number; date?: string };

export function kpisQuery(params: KpiParams) {
  return queryOptions({
    queryKey: ["kpis", params],
    queryFn: ({ signal }) => api.get<KpiReports>("/kpis", params, signal),
  });
}

/** The dashboard's filters, as in the page's query string. */
export type DashboardParams = {
  companyId?: number;
  currency?: string;
  segment?: string;
  collectorId?: number;
  date?: string;
};

export function dashboardQuery(params: DashboardParams) {
  return queryOptions({
    queryKey: ["kpis", "dashboard", params],
    queryFn: ({ signal }) => api.get<Dashboard>("/kpis/dashboard", params, signal),
  });
}

export function topOverdueQuery(params: DashboardParams) {
  return queryOptions({
    queryKey: ["kpis", "top-overdue", params],
    queryFn: ({ signal }) => api.get<TopOverdue>("/kpis/top-overdue", params, signal),
  });
}

export function disputeBreakdownQuery(params: DashboardParams) {
  return queryOptions({
    queryKey: ["kpis", "disputes", params],
    queryFn: ({ signal }) => api.get<DisputeBreakdown>("/kpis/disputes", params, signal),
  });
}

export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The download address of one dashboard table (the session cookie authenticates the download). */
export function exportUrl(
  table: ExportTable,
  format: "csv" | "xlsx",
  lang: string,
  params: DashboardParams,
): string {
  return apiUrl("/kpis/export", { ...params, table, format, lang: lang === "fr" ? "fr" : "en" });
}

/** The download address of the monthly PDF report (`month`: YYYY-MM) with the dashboard's filters. */
export function reportUrl(month: string, lang: string, params: DashboardParams): string {
  const { date: _date, ...filters } = params;
  return apiUrl("/kpis/report.pdf", { ...filters, month, lang: lang === "fr" ? "fr" : "en" });
}

export function takeSnapshot(input: { companyId: number; date: string; recompute?: boolean }) {
  return api.post<{ outcome: string; date: string }>("/kpis/snapshots", input);
}
