import type { Me, Role } from "../../../domain/users/users.schemas";

/** Who may import files and read the import history; the API checks the same roles. */
export const IMPORT_ROLES: readonly Role[] = ["admin", "credit_manager"];

/** Who may edit scenarios, rules and dunning settings, and approve reviewed actions. */
export const DUNNING_ROLES: readonly Role[] = ["admin", "credit_manager"];

/** True when the signed-in user has one of `roles`; a page or menu entry without roles is for everyone. */
export function hasRole(me: Me | null, roles: readonly Role[] | undefined): boolean {
  if (!roles) return true;
  return me !== null && roles.includes(me.user.role);
}
