import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";
import { listUsers } from "../users/list-users";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { selectSegments } from "./customers.repo";
import type { CustomerFacets } from "./customers.schemas";

/** The values offered by the customer list's filters. */
export async function listCustomerFacets(
  ctx: AppContext,
  actor: Actor,
  companyId?: number,
): Promise<CustomerFacets> {
  const [segments, collectors, companies] = await Promise.all([
    selectSegments(ctx.db, portfolioScope(actor), companyId),
    listUsers(ctx, { role: "collector" }),
    listCompanies(ctx),
  ]);
  return {
    segments,
    collectors: collectors.items.filter((u) => u.isActive).map((u) => ({ id: u.id, name: u.name })),
    companies: companies.items.map((c) => ({ id: c.id, code: c.code, name: c.name })),
  };
}
