import { eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import { dunningRun } from "../../db/schema";

/** Serialises runs of one company: a second run waits, then finds everything already done. */
export async function lockCompanyRun(tx: Tx, companyId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('encours.dunning.run'), ${companyId}::int)`);
}

export async function insertRun(
  db: Queryable,
  values: { companyId: number; runDate: string; trigger: string; actorId: number | null },
): Promise<number> {
  const [row] = await db.insert(dunningRun).values(values).returning({ id: dunningRun.id });
  return (row as { id: number }).id;
}

export async function finishRun(
  db: Queryable,
  id: number,
  values: {
    actionsCreated: number;
    itemsAdvanced: number;
    actionsCancelled: number;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .update(dunningRun)
    .set({ ...values, finishedAt: sql`now()` })
    .where(eq(dunningRun.id, id));
}

/** True when a finished run exists for the company and date (the scheduler runs each day once). */
export async function hasRunOn(db: Queryable, companyId: number, runDate: string): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from dunning_run
    where company_id = ${companyId} and run_date = ${runDate}::date and finished_at is not null
    limit 1`);
  return result.rows.length > 0;
}
