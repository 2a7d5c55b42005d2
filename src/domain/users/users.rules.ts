import { DomainError } from "../../shared/errors";
import type { Role } from "./users.schemas";
import type { Actor } from "./users.types";

/**
 * Portfolio rule: collectors and sales reps see only the customers assigned to them; the other
 * roles see every customer. Returned as data so that each repository turns it into SQL.
 */
export type PortfolioScope =
  | { kind: "all" }
  | { kind: "collector"; userId: number }
  | { kind: "sales"; userId: number };

export function portfolioScope(actor: Actor): PortfolioScope {
  if (actor.userId !== null && actor.role === "collector") return { kind: "collector", userId: actor.userId };
  if (actor.userId !== null && actor.role === "sales") return { kind: "sales", userId: actor.userId };
  return { kind: "all" };
}

export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new DomainError("FORBIDDEN", `This action needs one of the roles: ${roles.join(", ")}`, {
      role: actor.role,
    });
  }
}

/** Everyone may read; writes are narrowed route by route. */
export const READ_ROLES: readonly Role[] = ["admin", "credit_manager", "collector", "sales", "viewer"];
export const ADMIN_ROLES: readonly Role[] = ["admin"];
export const MANAGER_ROLES: readonly Role[] = ["admin", "credit_manager"];
