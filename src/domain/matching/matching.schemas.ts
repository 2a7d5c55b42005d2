import { z } from "zod";
import { DecimalString, IdParam, PageQuery, pageOf } from "../../shared/schemas";

/**
 * The matching API (bank statements in, lines matched to open items). Amounts are decimal strings in
 * major units of the line's currency; dates are YYYY-MM-DD strings.
 */
export const BankLineStatus = z.enum([
  "unmatched",
  "suggested",
  "matched",
  "unapplied",
  "ignored",
  "returned",
]);
export type BankLineStatus = z.infer<typeof BankLineStatus>;

export const MatchReason = z.object({
  code: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type MatchReason = z.infer<typeof MatchReason>;

const CustomerRef = z.object({ id: z.number().int(), name: z.string(), externalRef: z.string() });

export const ProposalAllocation = z.object({
  invoiceId: z.number().int(),
  number: z.string(),
  type: z.enum(["invoice", "credit_note"]),
  dueDate: z.string(),
  openAmount: DecimalString,
  amount: DecimalString,
});

export const Proposal = z.object({
  /** Rank (0 = best); accept a proposal by its rank. */
  rank: z.number().int(),
  customer: CustomerRef,
  allocations: z.array(ProposalAllocation),
  writeOff: z
    .object({ invoiceId: z.number().int(), number: z.string(), amount: DecimalString, reason: z.string() })
    .nullable(),
  unapplied: DecimalString,
  score: z.number().int(),
  rule: z.string(),
  reasons: z.array(MatchReason),
});
export type Proposal = z.infer<typeof Proposal>;

export const BankLineItem = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  statementId: z.number().int(),
  accountIban: z.string().nullable(),
  bookingDate: z.string(),
  valueDate: z.string().nullable(),
  amount: DecimalString,
  currency: z.string(),
  counterpartyName: z.string().nullable(),
  counterpartyIban: z.string().nullable(),
  structuredReference: z.string().nullable(),
  remittanceText: z.string().nullable(),
  bankReference: z.string().nullable(),
  isReversal: z.boolean(),
  status: BankLineStatus,
  /** The customer the money went to (matched or unapplied), or the best suggestion's. */
  customer: CustomerRef.nullable(),
  /** Score of the applied match or of the best suggestion. */
  score: z.number().int().nullable(),
  suggestionCount: z.number().int(),
});
export type BankLineItem = z.infer<typeof BankLineItem>;

export const AppliedMatch = z.object({
  id: z.number().int(),
  rule: z.string(),
  score: z.number().int().nullable(),
  customer: CustomerRef,
  allocations: z.array(ProposalAllocation),
  writeOff: z
    .object({ invoiceId: z.number().int(), number: z.string(), amount: DecimalString, reason: z.string() })
    .nullable(),
  unapplied: DecimalString,
  /** null = applied automatically by the matching run. */
  appliedBy: z.string().nullable(),
  appliedAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type AppliedMatch = z.infer<typeof AppliedMatch>;

export const BankLineDetail = BankLineItem.extend({
  endToEndId: z.string().nullable(),
  returnReason: z.string().nullable(),
  proposals: z.array(Proposal),
  matches: z.array(AppliedMatch),
});
export type BankLineDetail = z.infer<typeof BankLineDetail>;

export const BANK_LINE_SORTS = ["bookingDate", "amount", "score"] as const;

export const BankLineQuery = PageQuery.extend({
  companyId: IdParam.optional(),
  /** `todo` = unmatched and suggested (the workspace's default). */
  status: z.enum(["todo", ...BankLineStatus.options, "all"]).default("todo"),
  q: z.string().trim().max(200).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  minAmount: DecimalString.optional(),
  maxAmount: DecimalString.optional(),
  account: z.string().trim().max(40).optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(BANK_LINE_SORTS).default("bookingDate"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type BankLineQuery = z.infer<typeof BankLineQuery>;

export const BankLinePage = pageOf(BankLineItem);
export type BankLinePage = z.infer<typeof BankLinePage>;

/** A manual match (also how a collector splits a line over several items, or keeps it as unapplied cash). */
export const ManualMatchBody = z.object({
  customerId: z.number().int().positive(),
  allocations: z.array(z.object({ invoiceId: z.number().int().positive(), amount: DecimalString })).max(500),
  writeOff: z
    .object({
      invoiceId: z.number().int().positive(),
      amount: DecimalString,
      reason: z.enum(["bank_fees", "rounding", "other"]),
    })
    .nullable()
    .default(null),
});
export type ManualMatchBody = z.infer<typeof ManualMatchBody>;

export const AcceptBody = z.object({ rank: z.number().int().min(0).default(0) });

export const BulkAcceptBody = z.object({
  companyId: z.number().int().positive().optional(),
  /** Accept the best suggestion of every listed line (or of every suggested line) scoring at least this. */
  minScore: z.number().int().min(0).max(100),
  lineIds: z.array(z.number().int().positive()).max(5000).optional(),
});

export const IgnoreBody = z.object({ reason: z.string().trim().min(1).max(500) });
export const UndoBody = z.object({ reason: z.string().trim().max(500).optional() });

export const MatchRunBody = z.object({ companyId: z.number().int().positive().optional() });

/** The CLI contract's keys (`encours match --json`). */
export const MatchRunResult = z.object({
  lines: z.number().int(),
  matched: z.number().int(),
  suggested: z.number().int(),
  unmatched: z.number().int(),
  /** Lines whose payer is known but no open item fits: kept as unapplied cash on the customer. */
  unapplied: z.number().int(),
  /** Returned direct debits that reopened what they had paid. */
  returned: z.number().int(),
});
export type MatchRunResult = z.infer<typeof MatchRunResult>;

export const BulkAcceptResult = z.object({ accepted: z.number().int(), skipped: z.number().int() });

export const BankImportResult = z.object({
  batchId: z.number().int(),
  kind: z.literal("bank"),
  format: z.string(),
  statements: z.number().int(),
  rows: z.number().int(),
  created: z.number().int(),
  /** Lines already imported from an earlier file (same account, date, amount and bank reference). */
  unchanged: z.number().int(),
  errors: z.array(
    z.object({ line: z.number().int(), column: z.string(), value: z.string(), message: z.string() }),
  ),
  match: MatchRunResult.nullable(),
});
export type BankImportResult = z.infer<typeof BankImportResult>;

export const MatchingSettings = z.object({
  autoThreshold: z.number().int().min(50).max(100),
  writeOffTolerance: DecimalString,
});
export type MatchingSettings = z.infer<typeof MatchingSettings>;
