import { notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { ReferenceRate, ReferenceRateUpdate } from "./legal.schemas";
import { toReferenceRate } from "./list-reference-rates";
import { findRateRecord, updateRateRecord } from "./reference-rates.repo";
import { isProvisionalNote } from "./reference-rates.rules";

/** Corrects one rate (value, note, provisional mark); the row then belongs to the administrator. */
export async function updateReferenceRate(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: ReferenceRateUpdate,
): Promise<ReferenceRate> {
  return ctx.db.transaction(async (tx) => {
    const before = await findRateRecord(tx, id);
    if (!before) throw notFound("Reference rate", id);
    const note = input.note === undefined ? before.note : input.note;
    const updated = await updateRateRecord(
      tx,
      id,
      {
        ratePercent: input.ratePercent,
        note,
        isProvisional: input.isProvisional ?? isProvisionalNote(note),
      },
      actor.userId,
    );
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "reference_rate",
      entityId: id,
      before: toReferenceRate(before),
      after: toReferenceRate(updated),
    });
    return toReferenceRate(updated);
  });
}
