import { DomainError, notFound, validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { ADMIN_ROLES, assertRole } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { companyExists } from "./agenda-settings.repo";
import {
  deleteUnusedDisputeReason,
  findDisputeReason,
  insertDisputeReason,
  selectDisputeReasons,
  updateDisputeReason,
} from "./dispute-reasons.repo";
import { orderIssues, POSITION_STEP } from "./dispute-reasons.rules";
import type {
  AddDisputeReasonInput,
  DisputeReasonList,
  ReorderDisputeReasonsInput,
  UpdateDisputeReasonInput,
} from "./dispute-reasons.schemas";
import { ensureDisputeReasons, listDisputeReasons } from "./list-dispute-reasons";

/** The administrator's changes to a company's dispute reasons; each writes its audit row in its transaction. */
type Target = { companyId: number };

async function checkCompany(ctx: AppContext, actor: Actor, companyId: number): Promise<void> {
  assertRole(actor, ADMIN_ROLES);
  if (!(await companyExists(ctx.db, companyId))) throw notFound("Company", companyId);
}

async function getReason(ctx: AppContext, companyId: number, code: string) {
  const reason = await findDisputeReason(ctx.db, companyId, code);
  if (!reason) throw notFound("Dispute reason", code);
  return reason;
}

/** Adds a reason at the end of the list; its code can never change afterwards. */
export async function addDisputeReason(
  ctx: AppContext,
  actor: Actor,
  target: Target & { input: AddDisputeReasonInput },
): Promise<DisputeReasonList> {
  const { companyId, input } = target;
  await checkCompany(ctx, actor, companyId);
  await ctx.db.transaction(async (tx) => {
    await ensureDisputeReasons(tx, companyId);
    if (!(await insertDisputeReason(tx, { companyId, ...input, now: ctx.clock.now() }))) {
      throw new DomainError("CONFLICT", `The dispute reason ${input.code} already exists`, {
        issues: [{ field: "code", value: input.code, message: "is already a reason of this company" }],
      });
    }
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "dispute_reason",
      entityId: `${companyId}:${input.code}`,
      after: input,
    });
  });
  return listDisputeReasons(ctx, companyId);
}

/** Renames a reason, or deactivates it (it leaves the form; disputes that carry it keep it) or reactivates it. */
export async function updateDisputeReasonOf(
  ctx: AppContext,
  actor: Actor,
  target: Target & { code: string; input: UpdateDisputeReasonInput },
): Promise<DisputeReasonList> {
  const { companyId, code, input } = target;
  await checkCompany(ctx, actor, companyId);
  const before = await getReason(ctx, companyId, code);
  const active = (await selectDisputeReasons(ctx.db, companyId)).filter((r) => r.isActive);
  if (input.isActive === false && active.length === 1 && active[0]?.code === code) {
    throw new DomainError(
      "CONFLICT",
      `The dispute reason ${code} is the last active one: no dispute could be opened`,
      {
        issues: [
          { field: "isActive", value: false, message: `${code} is the company's last active dispute reason` },
        ],
      },
    );
  }
  await ctx.db.transaction(async (tx) => {
    await updateDisputeReason(tx, { companyId, code, set: input, now: ctx.clock.now() });
    await recordAudit(tx, {
      actor,
      action: "update",
      entity: "dispute_reason",
      entityId: `${companyId}:${code}`,
      before: { labelFr: before.labelFr, labelEn: before.labelEn, isActive: before.isActive },
      after: input,
    });
  });
  return listDisputeReasons(ctx, companyId);
}

/** Puts the reasons in a new order: the request lists every code of the catalogue once. */
export async function reorderDisputeReasons(
  ctx: AppContext,
  actor: Actor,
  target: Target & { input: ReorderDisputeReasonsInput },
): Promise<DisputeReasonList> {
  const { companyId, input } = target;
  await checkCompany(ctx, actor, companyId);
  const current = (await listDisputeReasons(ctx, companyId)).items.map((r) => r.code);
  const issues = orderIssues(current, input.codes);
  if (issues.length > 0) {
    throw validationError(
      "The new order must list every dispute reason once",
      issues.map((message) => ({ field: "codes", value: input.codes, message })),
    );
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    for (const [index, code] of input.codes.entries()) {
      await updateDisputeReason(tx, { companyId, code, set: { position: (index + 1) * POSITION_STEP }, now });
    }
    await recordAudit(tx, {
      actor,
      action: "reorder",
      entity: "dispute_reason",
      entityId: companyId,
      before: current,
      after: input.codes,
    });
  });
  return listDisputeReasons(ctx, companyId);
}

/** Deletes a reason that no dispute ever carried (a typo); one in use can only be deactivated. */
export async function deleteDisputeReason(
  ctx: AppContext,
  actor: Actor,
  target: Target & { code: string },
): Promise<DisputeReasonList> {
  const { companyId, code } = target;
  await checkCompany(ctx, actor, companyId);
  const before = await getReason(ctx, companyId, code);
  // An empty catalogue would be given the defaults again, and no dispute could be opened meanwhile.
  if ((await selectDisputeReasons(ctx.db, companyId)).length === 1) {
    throw new DomainError("CONFLICT", `The dispute reason ${code} is the last one: add another first`, {
      issues: [{ field: "code", value: code, message: "is the company's last dispute reason" }],
    });
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteUnusedDisputeReason(tx, companyId, code))) {
      throw new DomainError(
        "CONFLICT",
        `The dispute reason ${code} is used by disputes: deactivate it instead`,
        {
          issues: [{ field: "code", value: code, message: "is used by disputes; deactivate it instead" }],
        },
      );
    }
    await recordAudit(tx, {
      actor,
      action: "delete",
      entity: "dispute_reason",
      entityId: `${companyId}:${code}`,
      before: { labelFr: before.labelFr, labelEn: before.labelEn, isActive: before.isActive },
    });
  });
  return listDisputeReasons(ctx, companyId);
}
