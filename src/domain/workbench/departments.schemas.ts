import { z } from "zod";

/**
 * HTTP API of a company's departments ("services": sales administration, logistics, quality…), which own
 * disputes besides or instead of a person and are told of them by an internal email (shared with the web app).
 * The people who open disputes read the list (for the pickers); only an administrator changes it.
 *
 * - GET   /api/companies/:id/departments                                  → DepartmentList (inactive ones included)
 * - POST  /api/companies/:id/departments (AddDepartmentInput)             → 201 DepartmentList
 * - PATCH /api/companies/:id/departments/:departmentId (UpdateDepartmentInput) → DepartmentList
 * A department is never deleted: disputes keep the one they were given, a department deactivated is no longer
 * offered.
 */

const Name = z.string().trim().min(1, "must not be empty").max(120);

/** One address: the department's shared mailbox. */
export const DepartmentEmail = z
  .string()
  .trim()
  .pipe(z.email("must be an email address, e.g. litiges@example.com").max(320));

export const DepartmentEntry = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  isActive: z.boolean(),
  /** Disputes it owns, and those of them still open or under review. */
  disputeCount: z.number().int(),
  activeDisputeCount: z.number().int(),
});
export type DepartmentEntry = z.infer<typeof DepartmentEntry>;

export const DepartmentList = z.object({
  companyId: z.number().int(),
  /** By name. */
  items: z.array(DepartmentEntry),
});
export type DepartmentList = z.infer<typeof DepartmentList>;

export const AddDepartmentInput = z.object({ name: Name, email: DepartmentEmail });
export type AddDepartmentInput = z.infer<typeof AddDepartmentInput>;

export const UpdateDepartmentInput = z
  .object({ name: Name.optional(), email: DepartmentEmail.optional(), isActive: z.boolean().optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "change at least one of name, email, isActive",
  });
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInput>;

/** A dispute's department as the lists show it. */
export const DepartmentRef = z.object({ id: z.number().int(), name: z.string() });
export type DepartmentRef = z.infer<typeof DepartmentRef>;
