import { z } from "zod";

/**
 * HTTP API of a company's dispute reason catalogue (shared with the web app). Everyone reads it; only an
 * administrator changes it. Codes are stable: disputes store the code, the labels can be renamed at will.
 *
 * - GET    /api/companies/:id/dispute-reasons               → DisputeReasonList (inactive ones included)
 * - POST   /api/companies/:id/dispute-reasons (AddDisputeReasonInput)        → 201 DisputeReasonList
 * - PATCH  /api/companies/:id/dispute-reasons/:code (UpdateDisputeReasonInput) → DisputeReasonList
 * - PUT    /api/companies/:id/dispute-reasons/order (ReorderDisputeReasonsInput) → DisputeReasonList
 * - DELETE /api/companies/:id/dispute-reasons/:code         → DisputeReasonList (only a reason never used)
 */

/** Lower-case letters, digits and underscores, starting with a letter: it is stored on every dispute. */
export const DisputeReasonCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be 1 to 40 lower-case letters, digits or _, starting with a letter");
export type DisputeReasonCode = z.infer<typeof DisputeReasonCode>;

const Label = z.string().trim().min(1, "must not be empty").max(120);

export const DisputeReasonEntry = z.object({
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  isActive: z.boolean(),
  position: z.number().int(),
  /** Disputes that carry this reason: a used reason can be deactivated, never deleted. */
  disputeCount: z.number().int(),
});
export type DisputeReasonEntry = z.infer<typeof DisputeReasonEntry>;

export const DisputeReasonList = z.object({
  companyId: z.number().int(),
  /** In the order the dispute form shows them. */
  items: z.array(DisputeReasonEntry),
});
export type DisputeReasonList = z.infer<typeof DisputeReasonList>;

export const AddDisputeReasonInput = z.object({
  code: DisputeReasonCode,
  labelFr: Label,
  labelEn: Label,
});
export type AddDisputeReasonInput = z.infer<typeof AddDisputeReasonInput>;

export const UpdateDisputeReasonInput = z
  .object({ labelFr: Label.optional(), labelEn: Label.optional(), isActive: z.boolean().optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: "change at least one of labelFr, labelEn, isActive",
  });
export type UpdateDisputeReasonInput = z.infer<typeof UpdateDisputeReasonInput>;

export const ReorderDisputeReasonsInput = z.object({
  /** Every code of the catalogue, once, in the new order. */
  codes: z
    .array(z.string().trim().min(1))
    .min(1, "list the reasons in their new order")
    .max(200)
    .refine((codes) => new Set(codes).size === codes.length, { message: "lists a reason twice" }),
});
export type ReorderDisputeReasonsInput = z.infer<typeof ReorderDisputeReasonsInput>;

/** A dispute's reason as the lists show it: the catalogue's labels, or the code when it has none. */
export const DisputeReasonLabel = z.object({ fr: z.string(), en: z.string() });
export type DisputeReasonLabel = z.infer<typeof DisputeReasonLabel>;
