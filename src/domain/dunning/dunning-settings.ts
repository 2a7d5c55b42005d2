import { notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { DunningSettings } from "./dunning.schemas";
import { findDunningSettings, updateDunningSettings } from "./settings.repo";

export async function getDunningSettings(ctx: AppContext, companyId: number): Promise<DunningSettings> {
  const row = await findDunningSettings(ctx.db, companyId);
  if (!row) throw notFound("Company", companyId);
  return {
    minGapDays: row.minGapDays,
    catchUp: row.catchUp,
    sendWindowStart: row.sendWindowStart,
    sendWindowEnd: row.sendWindowEnd,
    workingDays: row.workingDays,
    promiseGraceDays: row.promiseGraceDays,
    collectionEmail: row.collectionEmail,
  };
}

export async function saveDunningSettings(
  ctx: AppContext,
  actor: Actor,
  companyId: number,
  settings: DunningSettings,
): Promise<DunningSettings> {
  const before = await getDunningSettings(ctx, companyId);
  await ctx.db.transaction(async (tx) => {
    await updateDunningSettings(tx, companyId, settings);
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "company_dunning_settings",
      entityId: companyId,
      before,
      after: settings,
    });
  });
  return getDunningSettings(ctx, companyId);
}
