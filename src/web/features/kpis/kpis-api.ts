import { queryOptions } from "@tanstack/react-query";
import type { KpiReports } from "../../../domain/kpis/kpis.schemas";
import type { Role } from "../../../domain/users/users.schemas";
import { api } from "../../api/api-client";

/** Who may read the KPIs; the API checks the same roles (collectors see their portfolio only). */
export const KPI_ROLES: readonly Role[] = ["admin", "credit_manager", "viewer", "collector"];

export type KpiParams = { companyId?: number; date?: string };

export function kpisQuery(params: KpiParams) {
  return queryOptions({
    queryKey: ["kpis", params],
    queryFn: ({ signal }) => api.get<KpiReports>("/kpis", params, signal),
  });
}
