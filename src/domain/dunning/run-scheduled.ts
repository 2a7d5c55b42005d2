import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../users/users.types";
import { checkPromises } from "../workbench/check-promises";
import { runDunning } from "./run-dunning";
import { hasRunOn } from "./runs.repo";
import { findDunningSettings, listCompanyIds } from "./settings.repo";

export type ScheduledRun = { companyId: number; date: string; actions: number; skipped: string | null };

/**
 * The scheduler's daily job: checks the promises to pay that fell due, then runs the dunning of each
 * company whose current day (in its own time zone) has not been run yet. Safe to call from several processes: the run locks the company and is idempotent.
 */
export async function runScheduledDunning(ctx: AppContext): Promise<ScheduledRun[]> {
  const done: ScheduledRun[] = [];
  for (const companyId of await listCompanyIds(ctx.db)) {
    const settings = await findDunningSettings(ctx.db, companyId);
    if (!settings) continue;
    const date = ctx.clock.today(settings.timeZone);
    if (await hasRunOn(ctx.db, companyId, date)) continue;
    // Broken promises first: their hold ends, and the collector's call task exists when the run sees them.
    await checkPromises(ctx, date, { companyId });
    const result = await runDunning(ctx, SYSTEM_ACTOR, {
      companyId,
      date,
      trigger: "scheduler",
      collectActions: false,
    });
    for (const day of result.days) {
      done.push({ companyId, date: day.date, actions: day.created, skipped: day.skipped });
    }
  }
  return done;
}
