import { DomainError, notFound } from "../../shared/errors";
import { recordActivity, recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import { getPromise } from "./list-promises";
import { findPromiseRow, settlePromises } from "./promises.repo";
import { getWorkCustomer } from "./work-customer";
import type { CancelPromiseInput, PromiseToPay } from "./workbench.schemas";

/** Withdraws an open promise (recorded by mistake, replaced by another): dunning resumes on its invoices. */
export async function cancelPromise(
  ctx: AppContext,
  actor: Actor,
  promiseId: number,
  input: CancelPromiseInput,
): Promise<PromiseToPay> {
  const promise = await findPromiseRow(ctx.db, promiseId);
  if (!promise) throw notFound("Promise", promiseId);
  await getWorkCustomer(ctx, actor, promise.customer_id);
  const refused = () =>
    new DomainError("INVALID_STATE", `Only an open promise can be cancelled; this one is ${promise.status}`, {
      status: promise.status,
    });
  if (promise.status !== "open") throw refused();
  const note = input?.note || null;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const moved = await settlePromises(tx, [{ id: promiseId, status: "cancelled" }], now);
    // Checked or cancelled by someone else since it was read: nothing is written.
    if (moved.length === 0) throw refused();
    await recordAudit(tx, {
      actor,
      action: "cancel",
      entity: "promise_to_pay",
      entityId: promiseId,
      before: { status: "open" },
      after: { status: "cancelled", note },
    });
    await recordActivity(tx, {
      companyId: promise.company_id,
      customerId: promise.customer_id,
      type: "promise_cancelled",
      actorId: actor.userId,
      occurredAt: now,
      summary: `Promise to pay of ${promise.promised_date} cancelled${note ? `: ${note}` : ""}`,
      data: { promiseId, note },
    });
  });
  return getPromise(ctx, promiseId);
}
