import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { ensureReferenceRates } from "./ensure-reference-rates";
import type { ReferenceRate, ReferenceRateInput } from "./legal.schemas";
import { toReferenceRate } from "./list-reference-rates";
import { findRateRecordByKey, upsertAdminRates } from "./reference-rates.repo";
import { isProvisionalNote } from "./reference-rates.rules";

/** Adds a rate, or replaces the one of the same series and date; `created` tells which. */
export async function saveReferenceRate(
  ctx: AppContext,
  actor: Actor,
  input: ReferenceRateInput,
): Promise<{ rate: ReferenceRate; created: boolean }> {
  await ensureReferenceRates(ctx.db);
  const note = input.note ?? null;
  const values = {
    series: input.series,
    effectiveFrom: input.effectiveFrom,
    ratePercent: input.ratePercent,
    note,
    isProvisional: input.isProvisional ?? isProvisionalNote(note),
  };
  return ctx.db.transaction(async (tx) => {
    const before = await findRateRecordByKey(tx, input.series, input.effectiveFrom);
    const { created } = await upsertAdminRates(tx, [values], actor.userId);
    const after = (await findRateRecordByKey(tx, input.series, input.effectiveFrom))!;
    await recordAudit(tx, {
      actor,
      action: created > 0 ? "create" : "update",
      entity: "reference_rate",
      entityId: after.id,
      before: before ? toReferenceRate(before) : undefined,
      after: toReferenceRate(after),
    });
    return { rate: toReferenceRate(after), created: created > 0 };
  });
}
