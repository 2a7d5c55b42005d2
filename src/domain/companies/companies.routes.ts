import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { ADMIN_ROLES, READ_ROLES } from "../users/users.rules";
import { Company, CompanyList, CreateCompanyInput } from "./companies.schemas";
import { createCompany } from "./create-company";
import { listCompanies } from "./list-companies";

export function companiesRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/companies",
    { onRequest: requireRoles(READ_ROLES), schema: { tags: ["companies"], response: { 200: CompanyList } } },
    async () => listCompanies(ctx),
  );
  app.post(
    "/api/companies",
    {
      onRequest: requireRoles(ADMIN_ROLES),
      schema: { tags: ["companies"], body: CreateCompanyInput, response: { 201: Company } },
    },
    async (request, reply) => reply.code(201).send(await createCompany(ctx, actorOf(request), request.body)),
  );
}
