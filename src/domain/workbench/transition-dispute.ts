import { DomainError, notFound, validationError } from "../../shared/errors";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { findDispute, selectDisputesByIds, updateDisputeStatus } from "./disputes.repo";
import { toDispute } from "./list-disputes";
import { getWorkCustomer } from "./work-customer";
import { assertTransition, transitionNeedsNote } from "./workbench.rules";
import type { Dispute, DisputeStatus, TransitionDisputeInput } from "./workbench.schemas";

/**
 * Moves a dispute along its workflow (open → under review → resolved or rejected → closed). Resolving or
 * rejecting needs a note saying how; dunning of the invoice resumes once the dispute is neither open nor
 * under review (a credit note that settles it arrives through the ledger).
 */
export async function transitionDispute(
  ctx: AppContext,
  actor: Actor,
  disputeId: number,
  input: TransitionDisputeInput,
): Promise<Dispute> {
  const row = await findDispute(ctx.db, disputeId);
  if (!row) throw notFound("Dispute", disputeId);
  await getWorkCustomer(ctx, actor, row.customerId);
  const from = row.status as DisputeStatus;
  assertTransition(from, input.to);
  const note = input.note || null;
  if (transitionNeedsNote(input.to) && note === null) {
    throw validationError(`Say how the dispute was ${input.to}`, [
      { field: "note", message: `is required to mark a dispute ${input.to}` },
    ]);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const resolutionNote = transitionNeedsNote(input.to) && note !== null ? note : undefined;
    if (!(await updateDisputeStatus(tx, { id: disputeId, from, to: input.to, now, resolutionNote }))) {
      throw new DomainError("CONFLICT", "The dispute was changed by someone else meanwhile; reload it", {
        id: disputeId,
      });
    }
    await recordAudit(tx, {
      actor,
      action: "transition",
      entity: "dispute",
      entityId: disputeId,
      before: { status: from },
      after: { status: input.to, note },
    });
    await recordActivity(tx, {
      companyId: row.companyId,
      customerId: row.customerId,
      invoiceId: row.invoiceId,
      type: "dispute_status_changed",
      actorId: actor.userId,
      occurredAt: now,
      summary: `Dispute ${from} → ${input.to}${note ? `: ${note}` : ""}`,
      data: { disputeId, from, to: input.to, note },
    });
  });
  const [updated] = await selectDisputesByIds(ctx.db, [disputeId], now);
  if (!updated) throw notFound("Dispute", disputeId);
  return toDispute(updated);
}
