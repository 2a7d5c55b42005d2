import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import type { Role } from "../users/users.schemas";
import { computeKpis } from "./compute-kpis";
import { KpiQuery, KpiReports } from "./kpis.schemas";

/** Credit managers, admins and viewers (the CFO) see every customer; collectors their portfolio only. */
const KPI_ROLES: readonly Role[] = ["admin", "credit_manager", "viewer", "collector"];

export function kpisRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/kpis",
    {
      onRequest: requireRoles(KPI_ROLES),
      schema: { tags: ["kpis"], querystring: KpiQuery, response: { 200: KpiReports } },
    },
    async (request) => computeKpis(ctx, actorOf(request), request.query),
  );
}
