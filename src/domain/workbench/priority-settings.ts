import { notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { assertRole, MANAGER_ROLES } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { DEFAULT_PRIORITY_WEIGHTS } from "./agenda.rules";
import type { PrioritySettings, SavePrioritySettings } from "./agenda.schemas";
import { companyExists, firstCompanyId, selectWeights, upsertWeights } from "./agenda-settings.repo";

/** The agenda's weights of a company (the first company when none is named), the defaults until saved. */
export async function getPrioritySettings(ctx: AppContext, companyId?: number): Promise<PrioritySettings> {
  const id = companyId ?? (await firstCompanyId(ctx.db));
  if (id === null || !(await companyExists(ctx.db, id))) throw notFound("Company", companyId ?? null);
  const saved = (await selectWeights(ctx.db, [id])).get(id);
  return { companyId: id, weights: saved ?? DEFAULT_PRIORITY_WEIGHTS, isDefault: saved === undefined };
}

/** A credit manager sets the weights of the priority score for a company; the audit log keeps the old ones. */
export async function savePrioritySettings(
  ctx: AppContext,
  actor: Actor,
  input: SavePrioritySettings,
): Promise<PrioritySettings> {
  assertRole(actor, MANAGER_ROLES);
  const before = await getPrioritySettings(ctx, input.companyId);
  await ctx.db.transaction(async (tx) => {
    await upsertWeights(tx, {
      companyId: input.companyId,
      weights: input.weights,
      userId: actor.userId,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "priority_setting",
      entityId: input.companyId,
      before: before.weights,
      after: input.weights,
    });
  });
  return { companyId: input.companyId, weights: input.weights, isDefault: false };
}
