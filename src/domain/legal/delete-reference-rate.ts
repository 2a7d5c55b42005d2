import { notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { toReferenceRate } from "./list-reference-rates";
import { findRateRecord, markRateDeleted } from "./reference-rates.repo";

/** Removes a rate entered on a wrong date; it stays as a tombstone so that no release brings it back. */
export async function deleteReferenceRate(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findRateRecord(tx, id);
    if (!before) throw notFound("Reference rate", id);
    await markRateDeleted(tx, id, actor.userId);
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "reference_rate",
      entityId: id,
      before: toReferenceRate(before),
    });
  });
}
