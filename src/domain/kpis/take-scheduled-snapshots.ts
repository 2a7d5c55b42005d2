import { addDays } from "../../shared/dates";
import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { takeKpiSnapshot } from "./take-kpi-snapshot";

export type ScheduledSnapshot = { companyId: number; date: string; outcome: string; rows: number };

/**
 * The scheduler's daily KPI job, after the dunning: each company's snapshot of yesterday in its own time
 * zone (the last day that is over, so that the stored figures are final). Taken once: a later tick finds
 * it stored and writes nothing.
 */
export async function takeScheduledSnapshots(ctx: AppContext): Promise<ScheduledSnapshot[]> {
  const done: ScheduledSnapshot[] = [];
  for (const company of (await listCompanies(ctx)).items) {
    const date = addDays(ctx.clock.today(company.timeZone), -1);
    const result = await takeKpiSnapshot(ctx, SYSTEM_ACTOR, {
      companyId: company.id,
      date,
      source: "scheduler",
    });
    if (result.outcome !== "stored")
      done.push({ companyId: company.id, date, outcome: result.outcome, rows: result.rows });
  }
  return done;
}
