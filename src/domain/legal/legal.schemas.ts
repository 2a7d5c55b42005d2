import { z } from "zod";
import { IsoDateSchema } from "../../shared/schemas";

/** `encours due-date` and any HTTP twin: an invoice date, free-text terms, the end-of-month reading. */
export const DueDateInput = z.object({
  invoiceDate: IsoDateSchema,
  terms: z.string().trim().min(1, "must not be empty").max(500),
  reading: z.enum(["A", "B"], { message: "must be A (EOM(D + N)) or B (EOM(D) + N)" }).default("A"),
});
export type DueDateInput = z.infer<typeof DueDateInput>;

export const DueDateResult = z.object({ dueDate: z.string() });
export type DueDateResult = z.infer<typeof DueDateResult>;
