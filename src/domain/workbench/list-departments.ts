import type { Queryable } from "../../db/client";
import { type FieldIssue, notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { assertRole, READ_ROLES } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { companyExists } from "./agenda-settings.repo";
import { findDepartment, selectDepartments } from "./departments.repo";
import type { DepartmentList } from "./departments.schemas";

/**
 * A company's departments, active and inactive, by name: the pickers of the dispute forms offer the active ones,
 * the disputes page's filter all of them (for every role that sees disputes).
 */
export async function listDepartments(
  ctx: AppContext,
  actor: Actor,
  companyId: number,
): Promise<DepartmentList> {
  assertRole(actor, READ_ROLES);
  if (!(await companyExists(ctx.db, companyId))) throw notFound("Company", companyId);
  return { companyId, items: await selectDepartments(ctx.db, companyId) };
}

export type ActiveDepartment = { id: number; name: string; email: string };

/**
 * The department a new dispute is given, checked against the customer's company; otherwise the issue, which
 * names the value and the active departments that would do, so that an API client can correct itself.
 */
export async function findActiveDepartment(
  q: Queryable,
  target: { companyId: number; departmentId: number; field: string },
): Promise<{ department: ActiveDepartment } | { issue: FieldIssue }> {
  const { companyId, departmentId, field } = target;
  const found = await findDepartment(q, companyId, departmentId);
  if (found?.isActive) return { department: { id: found.id, name: found.name, email: found.email } };
  const active = (await selectDepartments(q, companyId)).filter((d) => d.isActive);
  const known =
    active.length > 0
      ? `; active departments: ${active.map((d) => `${d.id} (${d.name})`).join(", ")}`
      : "; the company has no active department";
  const message = found
    ? `is a department the administrator has deactivated${known}`
    : `is not a department of the customer's company${known}`;
  return { issue: { field, value: departmentId, message } };
}
