import { type SQL, sql } from "drizzle-orm";
import { DomainError, notFound } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { customerScopeCondition } from "../customers/customers.scope";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { actionTypesSql, selectActions } from "./actions.repo";
import {
  type ActionListQuery,
  type EditActionInput,
  INSTANT_TYPES,
  type PlannedAction,
  type ReviewDecision,
} from "./dunning.schemas";
import { applyActionEffects } from "./run-write.repo";

function inScope(actor: Actor): SQL {
  return sql`a.customer_id in (select customer.id from customer where ${customerScopeCondition(portfolioScope(actor))})`;
}

export async function listActionItems(
  ctx: AppContext,
  actor: Actor,
  query: ActionListQuery,
): Promise<PlannedAction[]> {
  const filters: SQL[] = [inScope(actor)];
  if (query.companyId) filters.push(sql`a.company_id = ${query.companyId}`);
  if (query.customerId) filters.push(sql`a.customer_id = ${query.customerId}`);
  if (query.status) filters.push(sql`a.status = ${query.status}`);
  if (query.runDate) filters.push(sql`a.run_date = ${query.runDate}::date`);
  return selectActions(ctx.db, sql.join(filters, sql` and `), query.limit);
}

/** Approves (carries out: outbox, task, alert, status) or skips actions waiting in the review queue. */
export async function reviewActions(
  ctx: AppContext,
  actor: Actor,
  decision: ReviewDecision,
): Promise<{ results: { id: number; status: string }[] }> {
  const ids = JSON.stringify(decision.ids);
  const idList = sql`(select (jsonb_array_elements_text(${ids}::jsonb))::bigint)`;
  return ctx.db.transaction(async (tx) => {
    const updated = await tx.execute<{ id: number; status: string }>(sql`
      update dunning_action a
      set status = (case
            when ${decision.decision} = 'skip' then 'skipped'
            when a.type in (${actionTypesSql(INSTANT_TYPES)}) then 'done'
            else 'planned' end)::dunning_action_status,
          status_reason = ${decision.note ?? null},
          reviewed_by_id = ${actor.userId}, reviewed_at = now(), updated_at = now()
      where a.id in ${idList} and a.status = 'pending_review'
      returning a.id, a.status::text as status`);
    const done = new Map(updated.rows.map((r) => [Number(r.id), r.status]));
    if (decision.decision === "approve" && done.size > 0) {
      await applyActionEffects(tx, sql`a.id in ${idList} and a.reviewed_at is not null`);
    }
    await recordAudit(tx, {
      actor,
      action: decision.decision,
      entity: "dunning_action",
      entityId: null,
      after: { ids: [...done.keys()], note: decision.note ?? null },
    });
    return {
      results: decision.ids.map((id) => ({ id, status: done.get(id) ?? "not_pending" })),
    };
  });
}

/** Changes the recipient or adds a personal note to an action still waiting for review. */
export async function editAction(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: EditActionInput,
): Promise<PlannedAction> {
  const [before] = await selectActions(ctx.db, sql`a.id = ${id} and ${inScope(actor)}`);
  if (!before) throw notFound("Action", id);
  if (before.status !== "pending_review") {
    throw new DomainError("INVALID_STATE", "Only an action waiting for review can be edited", {
      issues: [{ field: "status", value: before.status, message: "not pending review" }],
    });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`
      update dunning_action
      set recipient = coalesce(${input.recipient ?? null}, recipient),
          params = case when ${input.note ?? null}::text is null then params
                   else params || jsonb_build_object('note', ${input.note ?? null}::text) end,
          updated_at = now()
      where id = ${id}`);
    await recordAudit(tx, {
      actor,
      action: "edit",
      entity: "dunning_action",
      entityId: id,
      before,
      after: input,
    });
  });
  const [after] = await selectActions(ctx.db, sql`a.id = ${id}`);
  if (!after) throw notFound("Action", id);
  return after;
}
