import { z } from "zod";
import { IdParam } from "../../shared/schemas";
import type { App, AppContext } from "../context";
import { actorOf, requireRoles } from "../users/users.http";
import { ADMIN_ROLES, READ_ROLES } from "../users/users.rules";
import { AddDepartmentInput, DepartmentList, UpdateDepartmentInput } from "./departments.schemas";
import { addDepartment, updateDepartmentOf } from "./edit-departments";
import { listDepartments } from "./list-departments";

const ByCompany = z.object({ id: IdParam });
const ByDepartment = z.object({ id: IdParam, departmentId: IdParam });

/**
 * A company's departments: everyone who sees disputes reads them (the people who open disputes pick one, the
 * others filter by them), the administrator edits them.
 */
export function departmentsRoutes(app: App, ctx: AppContext): void {
  const tags = ["workbench"];
  const read = { onRequest: requireRoles(READ_ROLES) };
  const admin = { onRequest: requireRoles(ADMIN_ROLES) };

  app.get(
    "/api/companies/:id/departments",
    { ...read, schema: { tags, params: ByCompany, response: { 200: DepartmentList } } },
    async (request) => listDepartments(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/companies/:id/departments",
    {
      ...admin,
      schema: { tags, params: ByCompany, body: AddDepartmentInput, response: { 201: DepartmentList } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addDepartment(ctx, actorOf(request), { companyId: request.params.id, input: request.body }),
        ),
  );
  app.patch(
    "/api/companies/:id/departments/:departmentId",
    {
      ...admin,
      schema: { tags, params: ByDepartment, body: UpdateDepartmentInput, response: { 200: DepartmentList } },
    },
    async (request) =>
      updateDepartmentOf(ctx, actorOf(request), {
        companyId: request.params.id,
        departmentId: request.params.departmentId,
        input: request.body,
      }),
  );
}
