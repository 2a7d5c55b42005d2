import { DomainError, notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { ADMIN_ROLES, assertRole } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { companyExists } from "./agenda-settings.repo";
import {
  findDepartment,
  findDepartmentNamed,
  insertDepartment,
  lockDepartments,
  updateDepartment,
} from "./departments.repo";
import type { AddDepartmentInput, DepartmentList, UpdateDepartmentInput } from "./departments.schemas";
import { listDepartments } from "./list-departments";

/** The administrator's changes to a company's departments; each writes its audit row in its transaction. */
type Target = { companyId: number };

async function checkCompany(ctx: AppContext, actor: Actor, companyId: number): Promise<void> {
  assertRole(actor, ADMIN_ROLES);
  if (!(await companyExists(ctx.db, companyId))) throw notFound("Company", companyId);
}

function duplicateName(name: string): DomainError {
  return new DomainError("CONFLICT", `The department ${name} already exists`, {
    issues: [{ field: "name", value: name, message: "is already a department of this company" }],
  });
}

/** Adds a department, active at once; its name is unique in the company whatever the case. */
export async function addDepartment(
  ctx: AppContext,
  actor: Actor,
  target: Target & { input: AddDepartmentInput },
): Promise<DepartmentList> {
  const { companyId, input } = target;
  await checkCompany(ctx, actor, companyId);
  await ctx.db.transaction(async (tx) => {
    const id = await insertDepartment(tx, { companyId, ...input, now: ctx.clock.now() });
    if (id === null) throw duplicateName(input.name);
    await recordAudit(tx, { actor, action: "create", entity: "department", entityId: id, after: input });
  });
  return listDepartments(ctx, actor, companyId);
}

/**
 * Renames a department, changes its address, or deactivates it (it leaves the pickers; the disputes it owns
 * keep it) or reactivates it. Emails already queued keep the address they were queued with.
 */
export async function updateDepartmentOf(
  ctx: AppContext,
  actor: Actor,
  target: Target & { departmentId: number; input: UpdateDepartmentInput },
): Promise<DepartmentList> {
  const { companyId, departmentId, input } = target;
  await checkCompany(ctx, actor, companyId);
  await ctx.db.transaction(async (tx) => {
    await lockDepartments(tx, companyId);
    const before = await findDepartment(tx, companyId, departmentId);
    if (!before) throw notFound("Department", departmentId);
    if (
      input.name !== undefined &&
      (await findDepartmentNamed(tx, { companyId, name: input.name, exceptId: departmentId }))
    )
      throw duplicateName(input.name);
    await updateDepartment(tx, { companyId, departmentId, set: input, now: ctx.clock.now() });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "department",
      entityId: departmentId,
      before: { name: before.name, email: before.email, isActive: before.isActive },
      after: input,
    });
  });
  return listDepartments(ctx, actor, companyId);
}
