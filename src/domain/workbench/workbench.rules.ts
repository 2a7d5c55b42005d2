import { DomainError } from "../../shared/errors";
import type { Role } from "../users/users.schemas";
import { DISPUTE_TRANSITIONS, type DisputeStatus } from "./workbench.schemas";

/** The people who work the customers write (calls, promises, disputes); sales reps and viewers read their scope. */
export const WORK_ROLES: readonly Role[] = ["admin", "credit_manager", "collector"];

export type PromiseOutcome = "kept" | "partly_kept" | "broken";

/** Kept when what was paid towards it reaches the promised amount; broken when nothing was paid. */
export function promiseOutcome(amountMinor: number, paidMinor: number): PromiseOutcome {
  if (paidMinor >= amountMinor) return "kept";
  return paidMinor > 0 ? "partly_kept" : "broken";
}

export type PromiseCounts = { kept: number; partlyKept: number; broken: number };

/**
 * kept / (kept + partly kept + broken), in percent with two decimals (half up), computed on integers;
 * null when no promise of the customer has been checked yet. Open and cancelled promises do not count.
 */
export function keptRatePercent(counts: PromiseCounts): number | null {
  const checked = counts.kept + counts.partlyKept + counts.broken;
  if (checked === 0) return null;
  return Math.floor((counts.kept * 20000 + checked) / (2 * checked)) / 100;
}

export function canTransition(from: DisputeStatus, to: DisputeStatus): boolean {
  return DISPUTE_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: DisputeStatus, to: DisputeStatus): void {
  if (canTransition(from, to)) return;
  const allowed = DISPUTE_TRANSITIONS[from];
  throw new DomainError(
    "INVALID_STATE",
    `A dispute ${from} cannot become ${to}${allowed.length ? ` (allowed: ${allowed.join(", ")})` : " (it is closed)"}`,
    { from, to, allowed },
  );
}

/** Resolving or rejecting a dispute says how: the note is the resolution. */
export function transitionNeedsNote(to: DisputeStatus): boolean {
  return to === "resolved" || to === "rejected";
}
