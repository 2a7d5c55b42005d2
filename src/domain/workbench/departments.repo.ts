import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { department } from "../../db/schema";
import type { DepartmentEntry } from "./departments.schemas";

export type DepartmentRow = typeof department.$inferSelect;

/** A company's departments by name, each with the disputes it owns (all, and still held). */
export async function selectDepartments(q: Queryable, companyId: number): Promise<DepartmentEntry[]> {
  const result = await q.execute<DepartmentEntry>(sql`
    select dep.id, dep.name, dep.email, dep.is_active as "isActive",
      (select count(*)::int from dispute d where d.owner_department_id = dep.id) as "disputeCount",
      (select count(*)::int from dispute d where d.owner_department_id = dep.id
        and d.status in ('open', 'under_review')) as "activeDisputeCount"
    from department dep where dep.company_id = ${companyId}
    order by lower(dep.name), dep.id`);
  return result.rows;
}

/** A department of this company (another company's is not found). */
export async function findDepartment(
  q: Queryable,
  companyId: number,
  departmentId: number,
): Promise<DepartmentRow | null> {
  const [row] = await q
    .select()
    .from(department)
    .where(and(eq(department.companyId, companyId), eq(department.id, departmentId)));
  return row ?? null;
}

/** Adds a department; null when the company already has one of that name (any case). */
export async function insertDepartment(
  q: Queryable,
  row: { companyId: number; name: string; email: string; now: Date },
): Promise<number | null> {
  const rows = await q
    .insert(department)
    .values({
      companyId: row.companyId,
      name: row.name,
      email: row.email,
      createdAt: row.now,
      updatedAt: row.now,
    })
    .onConflictDoNothing()
    .returning({ id: department.id });
  return rows[0]?.id ?? null;
}

/** Another department of the company with this name (any case), when there is one. */
export async function findDepartmentNamed(
  q: Queryable,
  target: { companyId: number; name: string; exceptId: number },
): Promise<DepartmentRow | null> {
  const [row] = await q
    .select()
    .from(department)
    .where(
      and(
        eq(department.companyId, target.companyId),
        sql`lower(${department.name}) = lower(${target.name})`,
        sql`${department.id} <> ${target.exceptId}`,
      ),
    );
  return row ?? null;
}

/**
 * Locks a company's departments until the transaction ends, so that two renames cannot both find a name free
 * (the second then meets the first's name and is refused with 409, not with the unique index's error).
 */
export async function lockDepartments(tx: Tx, companyId: number): Promise<void> {
  await tx.execute(sql`select id from department where company_id = ${companyId} for update`);
}

export async function updateDepartment(
  q: Queryable,
  change: {
    companyId: number;
    departmentId: number;
    set: { name?: string; email?: string; isActive?: boolean };
    now: Date;
  },
): Promise<void> {
  await q
    .update(department)
    .set({ ...change.set, updatedAt: change.now })
    .where(and(eq(department.companyId, change.companyId), eq(department.id, change.departmentId)));
}
