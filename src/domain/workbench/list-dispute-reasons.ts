import type { Queryable } from "../../db/client";
import { type FieldIssue, notFound } from "../../shared/errors";
import type { AppContext } from "../context";
import { companyExists } from "./agenda-settings.repo";
import { findDisputeReason, insertDefaultDisputeReasons, selectDisputeReasons } from "./dispute-reasons.repo";
import type { DisputeReasonList } from "./dispute-reasons.schemas";

/**
 * Gives a company the default reasons when its catalogue is empty (a company created after the catalogue's
 * migration, by the CLI, the API or the demo). Runs in the caller's transaction; a company whose
 * administrator kept any reason is left as it is.
 */
export async function ensureDisputeReasons(q: Queryable, companyId: number): Promise<boolean> {
  return insertDefaultDisputeReasons(q, companyId);
}

/** A company's dispute reasons, active and inactive, in the form's order. */
export async function listDisputeReasons(ctx: AppContext, companyId: number): Promise<DisputeReasonList> {
  if (!(await companyExists(ctx.db, companyId))) throw notFound("Company", companyId);
  await ctx.db.transaction((tx) => ensureDisputeReasons(tx, companyId));
  return { companyId, items: await selectDisputeReasons(ctx.db, companyId) };
}

export type ActiveDisputeReason = { code: string; labelFr: string; labelEn: string };

/**
 * The reason a new dispute gives, checked against the company's active catalogue; otherwise the issue, which
 * names the value and the codes that would do, so that an API client can correct itself.
 */
export async function findActiveDisputeReason(
  q: Queryable,
  target: { companyId: number; code: string; field: string },
): Promise<{ reason: ActiveDisputeReason } | { issue: FieldIssue }> {
  const { companyId, code, field } = target;
  let reason = await findDisputeReason(q, companyId, code);
  if (!reason && (await insertDefaultDisputeReasons(q, companyId))) {
    reason = await findDisputeReason(q, companyId, code);
  }
  if (reason?.isActive)
    return { reason: { code: reason.code, labelFr: reason.labelFr, labelEn: reason.labelEn } };
  const active = (await selectDisputeReasons(q, companyId)).filter((r) => r.isActive).map((r) => r.code);
  const known = active.length > 0 ? `; active reasons: ${active.join(", ")}` : "";
  const message = reason
    ? `is a dispute reason the administrator has deactivated${known}`
    : `is not a dispute reason of this company${known}`;
  return { issue: { field, value: code, message } };
}
