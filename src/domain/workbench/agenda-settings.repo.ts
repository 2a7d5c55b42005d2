import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaSnooze, prioritySetting } from "../../db/schema";
import type { PriorityWeights } from "./agenda.schemas";

/** The saved weights of these companies (companies without a row are absent). */
export async function selectWeights(
  q: Queryable,
  companyIds: readonly number[],
): Promise<Map<number, PriorityWeights>> {
  if (companyIds.length === 0) return new Map();
  const rows = await q
    .select()
    .from(prioritySetting)
    .where(inArray(prioritySetting.companyId, [...companyIds]));
  return new Map(
    rows.map((r) => [
      r.companyId,
      {
        overdueAmount: r.overdueAmount,
        daysPastDue: r.daysPastDue,
        riskClass: r.riskClass,
        strategic: r.strategic,
        brokenPromises: r.brokenPromises,
        disputeAge: r.disputeAge,
      },
    ]),
  );
}

export async function upsertWeights(
  q: Queryable,
  row: { companyId: number; weights: PriorityWeights; userId: number | null; now: Date },
): Promise<void> {
  const values = { ...row.weights, updatedById: row.userId, updatedAt: row.now };
  await q
    .insert(prioritySetting)
    .values({ companyId: row.companyId, ...values })
    .onConflictDoUpdate({ target: prioritySetting.companyId, set: values });
}

export async function companyExists(q: Queryable, companyId: number): Promise<boolean> {
  const result = await q.execute(sql`select 1 from company where id = ${companyId}`);
  return result.rows.length > 0;
}

/** The first company by id: the one a single-company installation has. */
export async function firstCompanyId(q: Queryable): Promise<number | null> {
  const result = await q.execute<{ id: number }>(sql`select min(id) as id from company`);
  return result.rows[0]?.id ?? null;
}

const ITEM_TABLES: Record<string, string> = {
  task: "task",
  promise_due: "promise_to_pay",
  promise_broken: "promise_to_pay",
  dispute_overdue: "dispute",
};

/** The customer a workbench item (task, promise, dispute) belongs to; null when there is no such item. */
export async function findItemCustomer(q: Queryable, kind: string, id: number): Promise<number | null> {
  const table = ITEM_TABLES[kind];
  if (!table) return null;
  const result = await q.execute<{ customer_id: number | null }>(
    sql`select customer_id from ${sql.identifier(table)} where id = ${id}`,
  );
  return result.rows[0]?.customer_id ?? null;
}

export async function insertSnooze(
  q: Queryable,
  row: {
    companyId: number;
    customerId: number;
    key: string;
    until: string;
    reason: string;
    userId: number | null;
  },
): Promise<void> {
  await q.insert(agendaSnooze).values({
    companyId: row.companyId,
    customerId: row.customerId,
    itemKey: row.key,
    untilDate: row.until,
    reason: row.reason,
    createdById: row.userId,
  });
}
