import { validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { assertRole, MANAGER_ROLES } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import type { ReassignInput, ReassignResult } from "./agenda.schemas";
import { findActiveCollector, lockCustomers, reassignCustomers as writeReassignment } from "./reassign.repo";

/**
 * A credit manager moves customers to another collector in one transaction: the customers, the open tasks
 * the former collector had on them, a timeline entry per customer and one audit row naming them all.
 * Each customer gets its own result: reassigned, unchanged (already that collector's) or not found.
 */
export async function reassignCustomers(
  ctx: AppContext,
  actor: Actor,
  input: ReassignInput,
): Promise<ReassignResult> {
  assertRole(actor, MANAGER_ROLES);
  const collector = await findActiveCollector(ctx.db, input.collectorId);
  if (!collector || !["collector", "credit_manager"].includes(collector.role)) {
    throw validationError("Choose an active collector", [
      {
        field: "collectorId",
        value: input.collectorId,
        message: "is not an active collector or credit manager",
      },
    ]);
  }
  const to = { id: collector.id, name: collector.name };
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const found = new Map((await lockCustomers(tx, input.customerIds)).map((row) => [row.id, row]));
    const changed = [...found.values()].filter((row) => row.collector_id !== to.id);
    const tasksMoved = await writeReassignment(tx, { changed, collector: to, actorId: actor.userId, now });
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor,
        action: "reassign",
        entity: "customer",
        entityId: null,
        before: changed.map((c) => ({ customerId: c.id, collectorId: c.collector_id })),
        after: { collectorId: to.id, customerIds: changed.map((c) => c.id), tasksMoved },
      });
    }
    const items = input.customerIds.map((customerId) => {
      const row = found.get(customerId);
      if (!row) return { customerId, status: "not_found" as const, from: null };
      const from =
        row.collector_id === null ? null : { id: row.collector_id, name: row.collector_name ?? "" };
      return {
        customerId,
        status: row.collector_id === to.id ? ("unchanged" as const) : ("reassigned" as const),
        from,
      };
    });
    return { collector: to, items, reassigned: changed.length, tasksMoved };
  });
}
