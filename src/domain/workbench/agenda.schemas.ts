import { z } from "zod";
import { DecimalString, IdParam, IsoDateSchema, Ref } from "../../shared/schemas";

/**
 * HTTP API of the collector's agenda ("my day"), shared with the web app.
 *
 * - GET  /api/agenda?collectorId=&kind=&window=&q=&limit=  → Agenda (the signed-in user's, or a collector's
 *   for credit managers and administrators; sales reps see their own customers' items)
 * - GET  /api/agenda/weights?companyId=                      → PrioritySettings
 * - PUT  /api/agenda/weights (SavePrioritySettings)          → PrioritySettings (credit manager, admin)
 * - POST /api/agenda/snooze (SnoozeInput)                    → 201 Snooze
 * - POST /api/agenda/reassign (ReassignInput)                → ReassignResult (credit manager, admin)
 * - GET  /api/agenda/collectors                              → { items: Ref[] } (the active collectors)
 */

export const AGENDA_KINDS = [
  "task",
  "promise_due",
  "promise_broken",
  "dispute_overdue",
  "delivery_failed",
  "credit_limit",
] as const;
export const AgendaKind = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof AgendaKind>;

/** How far ahead the agenda looks: overdue items are always in. */
export const AGENDA_WINDOWS = ["today", "week", "month"] as const;
export const AgendaWindow = z.enum(AGENDA_WINDOWS);
export type AgendaWindow = z.infer<typeof AgendaWindow>;
export const WINDOW_DAYS: Record<AgendaWindow, number> = { today: 0, week: 7, month: 30 };

export const AgendaQuery = z.object({
  collectorId: IdParam.optional(),
  kind: AgendaKind.optional(),
  window: AgendaWindow.default("week"),
  /** Customer name, reference or legal id. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AgendaQuery = z.infer<typeof AgendaQuery>;

export const PRIORITY_FACTORS = [
  "overdueAmount",
  "daysPastDue",
  "riskClass",
  "strategic",
  "brokenPromises",
  "disputeAge",
] as const;
export const PriorityFactor = z.enum(PRIORITY_FACTORS);
export type PriorityFactor = z.infer<typeof PriorityFactor>;

const Weight = z.number().int().min(0).max(100);
export const PriorityWeights = z.object({
  overdueAmount: Weight,
  daysPastDue: Weight,
  riskClass: Weight,
  strategic: Weight,
  brokenPromises: Weight,
  disputeAge: Weight,
});
export type PriorityWeights = z.infer<typeof PriorityWeights>;

export const PrioritySettings = z.object({
  companyId: z.number().int(),
  weights: PriorityWeights,
  /** No weights saved for the company yet: the defaults apply. */
  isDefault: z.boolean(),
});
export type PrioritySettings = z.infer<typeof PrioritySettings>;

export const SavePrioritySettings = z.object({ companyId: IdParam, weights: PriorityWeights });
export type SavePrioritySettings = z.infer<typeof SavePrioritySettings>;

export const PrioritySettingsQuery = z.object({ companyId: IdParam.optional() });

/** One term of the score: weight × factor (the factor from 0 to 100), divided by 100. */
export const ScoreTerm = z.object({
  factor: PriorityFactor,
  weight: z.number().int(),
  /** What was measured, as shown to a person: "1250.00 EUR", "45", "C", "true". */
  value: z.string(),
  /** The factor from 0 to 100. */
  factorValue: z.number(),
  points: z.number(),
});
export type ScoreTerm = z.infer<typeof ScoreTerm>;

const ReplyDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const AgendaItem = z.object({
  /** kind:id, the key a snooze names. */
  key: z.string(),
  kind: AgendaKind,
  /** The task's due date, the promised date, the dispute's deadline, the day a message failed, or today. */
  date: ReplyDate,
  bucket: z.enum(["overdue", "today", "upcoming"]),
  customer: z.object({ id: z.number().int(), name: z.string(), externalRef: z.string() }),
  companyId: z.number().int(),
  /** The task, promise, dispute or message id; the customer's for a credit limit. */
  refId: z.number().int(),
  /** The task's title, the dispute's invoice, the message's recipient. */
  label: z.string().nullable(),
  /** Task type, promise status, dispute status, message channel. */
  detail: z.string().nullable(),
  amount: DecimalString.nullable(),
  currency: z.string().nullable(),
  /** For a credit limit: the limit that is exceeded (the customer's or its group's). */
  limit: DecimalString.nullable(),
  score: z.number(),
  explanation: z.array(ScoreTerm),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Agenda = z.object({
  /** Whose agenda: the collector (or sales rep) it was built for. */
  owner: Ref,
  today: ReplyDate,
  items: z.array(AgendaItem),
  counts: z.record(AgendaKind, z.number().int()),
  /** More items than the limit matched. */
  isTruncated: z.boolean(),
});
export type Agenda = z.infer<typeof Agenda>;

export const SnoozeInput = z.object({
  customerId: IdParam,
  key: z.string().regex(/^[a-z_]+:\d{1,15}$/, "must be an agenda item key such as task:12"),
  until: IsoDateSchema,
  reason: z.string().trim().min(1, "say why").max(500),
});
export type SnoozeInput = z.infer<typeof SnoozeInput>;

export const Snooze = z.object({
  key: z.string(),
  until: ReplyDate,
  reason: z.string(),
  customerId: z.number(),
});
export type Snooze = z.infer<typeof Snooze>;

export const ReassignInput = z.object({
  customerIds: z
    .array(IdParam)
    .min(1, "choose at least one customer")
    .max(5000)
    .refine((ids) => new Set(ids).size === ids.length, { message: "lists a customer twice" }),
  collectorId: IdParam,
});
export type ReassignInput = z.infer<typeof ReassignInput>;

export const ReassignResult = z.object({
  collector: Ref,
  items: z.array(
    z.object({
      customerId: z.number().int(),
      status: z.enum(["reassigned", "unchanged", "not_found"]),
      /** The collector before, when there was one. */
      from: Ref.nullable(),
    }),
  ),
  reassigned: z.number().int(),
  /** Open tasks of those customers that followed them to the new collector. */
  tasksMoved: z.number().int(),
});
export type ReassignResult = z.infer<typeof ReassignResult>;

export const CollectorList = z.object({ items: z.array(Ref) });
