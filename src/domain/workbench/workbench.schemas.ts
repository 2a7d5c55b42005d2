import { z } from "zod";
import { DecimalString, IdParam, IsoDateSchema, PageQuery, pageOf, Ref } from "../../shared/schemas";
import { DepartmentRef } from "./departments.schemas";
import { DisputeReasonLabel } from "./dispute-reasons.schemas";

/**
 * HTTP API of the workbench's calls, promises to pay and disputes (shared with the CLI and the web app).
 * Amounts are decimal strings in major units; business dates `YYYY-MM-DD`.
 *
 * - POST /api/customers/:id/promises (RecordPromiseInput)     → 201 PromiseToPay
 * - GET  /api/customers/:id/promises                          → PromiseList (with the promise-kept rate)
 * - POST /api/promises/:id/cancel (CancelPromiseInput)        → PromiseToPay
 * - POST /api/customers/:id/disputes (OpenDisputeInput)       → 201 { items: Dispute[] } (one per invoice)
 * - GET  /api/customers/:id/disputes                          → { items: Dispute[] }
 * - GET  /api/disputes?status=&ownerId=&departmentId=&companyId=&page=&pageSize= → DisputePage (portfolio-scoped)
 * - POST /api/disputes/:id/transition (TransitionDisputeInput) → Dispute
 * - POST /api/customers/:id/calls (LogCallInput)              → 201 CallResult
 * The dispute reasons and departments are each company's catalogues: see dispute-reasons.schemas.ts and
 * departments.schemas.ts.
 */

/** A date in a reply: a plain string (IsoDateSchema's transform cannot be encoded in a reply). */
const ReplyDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date in the form YYYY-MM-DD");

const PositiveAmount = DecimalString.refine((value) => !value.startsWith("-") && /[1-9]/.test(value), {
  message: "must be an amount greater than zero",
});
const Note = z.string().trim().max(2000);

/** A dispute reason's code, checked against the company's active catalogue (see dispute-reasons.schemas.ts). */
export const DisputeReason = z.string().trim().min(1, "choose a reason").max(40);
export type DisputeReason = z.infer<typeof DisputeReason>;

export const DISPUTE_STATUSES = ["open", "under_review", "resolved", "rejected", "closed"] as const;
export const DisputeStatus = z.enum(DISPUTE_STATUSES);
export type DisputeStatus = z.infer<typeof DisputeStatus>;

/** The dispute workflow: open → under review → resolved or rejected → closed. */
export const DISPUTE_TRANSITIONS: Record<DisputeStatus, readonly DisputeStatus[]> = {
  open: ["under_review"],
  under_review: ["resolved", "rejected"],
  resolved: ["closed"],
  rejected: ["closed"],
  closed: [],
};

/** Statuses that hold the disputed invoice from dunning. */
export const ACTIVE_DISPUTE_STATUSES: readonly DisputeStatus[] = ["open", "under_review"];

export const PROMISE_STATUSES = ["open", "kept", "partly_kept", "broken", "cancelled"] as const;
export const PromiseStatus = z.enum(PROMISE_STATUSES);
export type PromiseStatus = z.infer<typeof PromiseStatus>;

/** How the customer made the promise. */
export const PROMISE_CHANNELS = ["phone", "email", "letter", "portal", "meeting", "other"] as const;
export const PromiseChannel = z.enum(PROMISE_CHANNELS);
export type PromiseChannel = z.infer<typeof PromiseChannel>;

export const CALL_OUTCOMES = ["reached", "voicemail", "wrong_number", "refused"] as const;
export const CallOutcome = z.enum(CALL_OUTCOMES);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** The task types of the scenarios' task actions. */
export const WORK_TASK_TYPES = ["call", "email", "review"] as const;
export const WorkTaskType = z.enum(WORK_TASK_TYPES);

export const RecordPromiseInput = z.object({
  /** Major units, in the currency of the invoices. */
  amount: PositiveAmount,
  promisedDate: IsoDateSchema,
  invoiceIds: z
    .array(IdParam)
    .min(1, "choose at least one invoice")
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: "lists an invoice twice" }),
  channel: PromiseChannel.default("phone"),
  note: Note.optional(),
});
export type RecordPromiseInput = z.infer<typeof RecordPromiseInput>;

/** The body may be left out (null). */
export const CancelPromiseInput = z.object({ note: Note.optional() }).nullish();
export type CancelPromiseInput = z.infer<typeof CancelPromiseInput>;

export const PromiseToPay = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  status: PromiseStatus,
  amount: DecimalString,
  /** Paid towards the promise: payments dated from the day it was made to its deadline, allocated to its invoices. */
  paid: DecimalString,
  currency: z.string(),
  promisedDate: ReplyDate,
  graceDays: z.number().int(),
  /** Promised date + grace days: dunning on its invoices is held through this day. */
  deadline: ReplyDate,
  madeOn: ReplyDate,
  channel: z.string().nullable(),
  note: z.string().nullable(),
  invoices: z.array(z.object({ id: z.number().int(), number: z.string() })),
  createdBy: Ref.nullable(),
  createdAt: z.string(),
});
export type PromiseToPay = z.infer<typeof PromiseToPay>;

export const PromiseList = z.object({
  items: z.array(PromiseToPay),
  /** kept / (kept + partly kept + broken), in percent with two decimals; null before any promise was checked. */
  keptRate: z.number().nullable(),
  counts: z.object({
    open: z.number().int(),
    kept: z.number().int(),
    partlyKept: z.number().int(),
    broken: z.number().int(),
    cancelled: z.number().int(),
  }),
});
export type PromiseList = z.infer<typeof PromiseList>;

export const DisputedInvoice = z.object({
  invoiceId: IdParam,
  /** Major units; the invoice's whole open amount when absent. */
  amount: PositiveAmount.optional(),
});

export const OpenDisputeInput = z.object({
  invoices: z
    .array(DisputedInvoice)
    .min(1, "choose at least one invoice")
    .max(100)
    .refine((items) => new Set(items.map((i) => i.invoiceId)).size === items.length, {
      message: "lists an invoice twice",
    }),
  reason: DisputeReason,
  /** The person who owns the dispute; they get an alert and an internal email. */
  ownerId: IdParam.optional(),
  /** An active department of the customer's company that owns it too (or alone); it gets an internal email. */
  departmentId: IdParam.optional(),
  deadline: IsoDateSchema.optional(),
  note: Note.optional(),
});
export type OpenDisputeInput = z.infer<typeof OpenDisputeInput>;

export const TransitionDisputeInput = z.object({
  to: DisputeStatus,
  /** Required when resolving or rejecting: how it was settled. */
  note: Note.optional(),
});
export type TransitionDisputeInput = z.infer<typeof TransitionDisputeInput>;

export const Dispute = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  customer: z.object({ id: z.number().int(), name: z.string(), externalRef: z.string() }),
  invoice: z.object({
    id: z.number().int(),
    number: z.string(),
    dueDate: ReplyDate,
    openAmount: DecimalString,
  }),
  amount: DecimalString,
  currency: z.string(),
  reason: z.string(),
  /** The reason's labels in the company's catalogue (the code when the catalogue lacks it). */
  reasonLabel: DisputeReasonLabel,
  status: DisputeStatus,
  owner: Ref.nullable(),
  /** The department that owns it, besides or instead of the person. */
  department: DepartmentRef.nullable(),
  deadline: ReplyDate.nullable(),
  /** Deadline passed while the dispute is still open or under review. */
  isPastDeadline: z.boolean(),
  note: z.string().nullable(),
  /** Why it was resolved by credit note or rejected, written at that step. */
  resolutionNote: z.string().nullable(),
  openedOn: ReplyDate,
  /** Days from the day it was opened to today (or to the day it was closed). */
  ageDays: z.number().int(),
  allowedTransitions: z.array(DisputeStatus),
  createdBy: Ref.nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Dispute = z.infer<typeof Dispute>;

export const DisputeList = z.object({ items: z.array(Dispute) });
export type DisputeList = z.infer<typeof DisputeList>;

export const DisputeListQuery = PageQuery.extend({
  /** A status, or `active` for open and under review (the disputes that hold dunning). */
  status: z.enum([...DISPUTE_STATUSES, "active"]).optional(),
  ownerId: IdParam.optional(),
  departmentId: IdParam.optional(),
  companyId: IdParam.optional(),
  customerId: IdParam.optional(),
});
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

export const DisputePage = pageOf(Dispute);
export type DisputePage = z.infer<typeof DisputePage>;

export const NextTaskInput = z.object({
  type: WorkTaskType,
  dueDate: IsoDateSchema,
  title: z.string().trim().min(1).max(300).optional(),
  /** The signed-in user when absent. */
  assigneeId: IdParam.optional(),
});
export type NextTaskInput = z.infer<typeof NextTaskInput>;

export const LogCallInput = z.object({
  contactId: IdParam.nullable().optional(),
  outcome: CallOutcome,
  note: Note.optional(),
  promise: RecordPromiseInput.optional(),
  dispute: OpenDisputeInput.optional(),
  nextTask: NextTaskInput.optional(),
});
export type LogCallInput = z.infer<typeof LogCallInput>;

export const WorkTask = z.object({
  id: z.number().int(),
  type: z.string(),
  title: z.string(),
  priority: z.string(),
  dueDate: ReplyDate,
  assignee: Ref.nullable(),
});
export type WorkTask = z.infer<typeof WorkTask>;

export const CallResult = z.object({
  outcome: CallOutcome,
  promise: PromiseToPay.nullable(),
  disputes: z.array(Dispute),
  task: WorkTask.nullable(),
});
export type CallResult = z.infer<typeof CallResult>;

export const PromiseCheckItem = z.object({
  promiseId: z.number().int(),
  companyId: z.number().int(),
  customerId: z.number().int(),
  customerRef: z.string(),
  status: z.enum(["kept", "partly_kept", "broken"]),
  amount: DecimalString,
  paid: DecimalString,
  currency: z.string(),
  promisedDate: ReplyDate,
  deadline: ReplyDate,
  asOf: ReplyDate,
  taskId: z.number().int().nullable(),
});
export type PromiseCheckItem = z.infer<typeof PromiseCheckItem>;
