import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { company } from "../../db/schema";
import type { WorkCalendar } from "./calendar.rules";
import type { DunningSettings } from "./dunning.schemas";

export type CompanyDunningSettings = DunningSettings & WorkCalendar & { companyId: number; code: string };

/** The dunning settings kept on the company row, with what the run's calendar needs. */
export async function findDunningSettings(
  db: Queryable,
  companyId: number,
): Promise<CompanyDunningSettings | null> {
  const [row] = await db
    .select({
      companyId: company.id,
      code: company.code,
      country: company.country,
      timeZone: company.timeZone,
      minGapDays: company.dunningMinGapDays,
      catchUp: company.dunningCatchUp,
      sendWindowStart: company.sendWindowStart,
      sendWindowEnd: company.sendWindowEnd,
      workingDays: company.workingDays,
      promiseGraceDays: company.promiseGraceDays,
      collectionEmail: company.collectionEmail,
    })
    .from(company)
    .where(eq(company.id, companyId));
  if (!row) return null;
  return { ...row, catchUp: row.catchUp === "all" ? "all" : "latest" };
}

export async function updateDunningSettings(
  db: Queryable,
  companyId: number,
  settings: DunningSettings,
): Promise<void> {
  await db
    .update(company)
    .set({
      dunningMinGapDays: settings.minGapDays,
      dunningCatchUp: settings.catchUp,
      sendWindowStart: settings.sendWindowStart,
      sendWindowEnd: settings.sendWindowEnd,
      workingDays: [...new Set(settings.workingDays)].sort(),
      promiseGraceDays: settings.promiseGraceDays,
      collectionEmail: settings.collectionEmail,
    })
    .where(eq(company.id, companyId));
}

export async function listCompanyIds(db: Queryable): Promise<number[]> {
  const rows = await db.select({ id: company.id }).from(company).orderBy(company.id);
  return rows.map((r) => r.id);
}
