import { z } from "zod";
import { CurrencySchema, DecimalString, IsoDateSchema } from "../../shared/schemas";

/** `encours due-date` and any HTTP twin: an invoice date, free-text terms, the end-of-month reading. */
export const DueDateInput = z.object({
  invoiceDate: IsoDateSchema,
  terms: z.string().trim().min(1, "must not be empty").max(500),
  reading: z.enum(["A", "B"], { message: "must be A (EOM(D + N)) or B (EOM(D) + N)" }).default("A"),
});
export type DueDateInput = z.infer<typeof DueDateInput>;

export const DueDateResult = z.object({ dueDate: z.string() });
export type DueDateResult = z.infer<typeof DueDateResult>;

// --- Late-payment interest (../shared/domain/late-interest.md) ---

export const JURISDICTIONS = ["FR", "DE", "UK", "BE", "ES", "IT", "NL", "EU"] as const;
export const Jurisdiction = z.enum(JURISDICTIONS, {
  message: `must be one of ${JURISDICTIONS.join(", ")}`,
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const ALLOCATIONS = ["principal-first", "interest-first"] as const;
export const Allocation = z.enum(ALLOCATIONS, { message: "must be principal-first or interest-first" });
export type Allocation = z.infer<typeof Allocation>;

/** The reference-rate series the regimes read (see reference-rates.csv). */
export const RATE_SERIES = [
  "ECB_MRO",
  "BOE_BANK_RATE",
  "FR_LEGAL_OTHER",
  "FR_LEGAL_PERSON",
  "DE_BASISZINSSATZ",
] as const;
export const RateSeries = z.enum(RATE_SERIES, { message: `must be one of ${RATE_SERIES.join(", ")}` });
export type RateSeries = z.infer<typeof RateSeries>;

const PositiveAmount = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, "must be a positive decimal amount such as 1234.56")
  .refine((value) => /[1-9]/.test(value), "must be greater than zero");

/** A percent as a decimal string (numbers are accepted from JSON): "15", "10.5", "-0.88". */
const PercentText = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

/** A contractual annual rate in percent, 0 to 100, at most 4 decimals. */
export const ContractualRate = PercentText.pipe(
  z
    .string()
    .regex(/^\d{1,3}(\.\d{1,4})?$/, "must be an annual rate in percent such as 15 or 12.5")
    .refine((value) => Number(value) <= 100, "must not be above 100 (percent per year)"),
);

export const InterestPayment = z.object({ date: IsoDateSchema, amount: PositiveAmount });
export type InterestPayment = z.infer<typeof InterestPayment>;

/** `encours interest` and `POST /api/interest`: one invoice's late-payment case. */
export const InterestInput = z.object({
  jurisdiction: Jurisdiction,
  /** Amount including VAT, in major units. */
  amount: PositiveAmount,
  currency: CurrencySchema,
  due: IsoDateSchema,
  until: IsoDateSchema,
  payments: z.array(InterestPayment).max(1000).default([]),
  /** The debtor is a consumer (FR: legal rate from the formal notice; DE: base rate + 5). */
  b2c: z.boolean().default(false),
  /** A contractual annual rate in percent, instead of the statutory one. */
  rate: ContractualRate.optional(),
  allocation: Allocation.default("principal-first"),
  /** Start of default (DE) or date of the formal notice (FR consumers); interest runs from the next day. */
  defaultFrom: IsoDateSchema.optional(),
});
export type InterestInput = z.infer<typeof InterestInput>;
export type InterestRequest = z.input<typeof InterestInput>;

export const InterestSegment = z.object({
  /** First and last day that accrue (both included). */
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  balance: DecimalString,
  ratePercent: z.number(),
  /** Full precision (4 decimals beyond the cent): the total is rounded once, not the segments. */
  interest: DecimalString,
});
export type InterestSegment = z.infer<typeof InterestSegment>;

export const INTEREST_FLAG_CODES = [
  "CONTRACTUAL_RATE_BELOW_FLOOR",
  "FLOOR_NOT_CHECKED",
  "PROVISIONAL_RATE",
  "RATE_NOT_PUBLISHED",
  "PAYMENT_EXCEEDS_DEBT",
  "COMPENSATION_NEEDS_CONVERSION",
  "NO_REGIME",
  "NOT_COMPUTED",
] as const;
export const InterestFlag = z.object({ code: z.enum(INTEREST_FLAG_CODES), message: z.string() });
export type InterestFlag = z.infer<typeof InterestFlag>;

/** The contract's keys first (DESIGN.md, command-line contract), then what the contract lets us add. */
export const InterestResult = z.object({
  interest: DecimalString,
  compensation: DecimalString,
  currency: z.string(),
  rateRule: z.string(),
  segments: z.array(InterestSegment),
  /** The fixed compensation's own currency (EUR in the euro regimes, GBP in the UK). */
  compensationCurrency: z.string(),
  principalOutstanding: DecimalString,
  interestPaid: DecimalString,
  flags: z.array(InterestFlag),
});
export type InterestResult = z.infer<typeof InterestResult>;

// --- The claim of a customer ---

export const ClaimItem = z.object({
  invoiceId: z.number().int(),
  number: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number().int(),
  currency: z.string(),
  /** The open amount. */
  principal: DecimalString,
  interest: DecimalString,
  compensation: DecimalString,
  compensationCurrency: z.string(),
  rateRule: z.string(),
  flags: z.array(InterestFlag),
});
export type ClaimItem = z.infer<typeof ClaimItem>;

export const ClaimTotal = z.object({
  currency: z.string(),
  principal: DecimalString,
  interest: DecimalString,
  compensation: DecimalString,
  total: DecimalString,
});
export type ClaimTotal = z.infer<typeof ClaimTotal>;

export const CustomerClaim = z.object({
  customerId: z.number().int(),
  asOf: z.string(),
  /** From the company's country; null when no regime of the legal pack applies there. */
  jurisdiction: Jurisdiction.nullable(),
  country: z.string(),
  items: z.array(ClaimItem),
  totals: z.array(ClaimTotal),
});
export type CustomerClaim = z.infer<typeof CustomerClaim>;

// --- Reference rates ---

/** A reference rate in percent: -20 to 100, at most 4 decimals ("3.15", "-0.88"). */
export const RatePercent = PercentText.pipe(
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,4})?$/, "must be a rate in percent such as 3.15 (at most 4 decimals)")
    .refine((value) => Number(value) >= -20 && Number(value) <= 100, "must be between -20 and 100"),
);

export const RATE_SOURCES = ["shipped", "admin"] as const;

export const ReferenceRate = z.object({
  id: z.number().int(),
  series: RateSeries,
  effectiveFrom: z.string(),
  ratePercent: z.string(),
  note: z.string().nullable(),
  isProvisional: z.boolean(),
  /** shipped: from the release's table, refreshed by the next release; admin: set here, kept. */
  source: z.enum(RATE_SOURCES),
  updatedAt: z.string(),
});
export type ReferenceRate = z.infer<typeof ReferenceRate>;

export const ReferenceRateList = z.object({ items: z.array(ReferenceRate) });
export type ReferenceRateList = z.infer<typeof ReferenceRateList>;

export const ReferenceRateQuery = z.object({ series: RateSeries.optional() });

/** Adds a rate, or replaces the one of the same series and date. */
export const ReferenceRateInput = z.object({
  series: RateSeries,
  effectiveFrom: IsoDateSchema,
  ratePercent: RatePercent,
  note: z.string().trim().max(500).nullable().optional(),
  /** Default: true when the note starts with "provisional". */
  isProvisional: z.boolean().optional(),
});
export type ReferenceRateInput = z.infer<typeof ReferenceRateInput>;
export type ReferenceRateRequest = z.input<typeof ReferenceRateInput>;

export const ReferenceRateUpdate = ReferenceRateInput.pick({
  ratePercent: true,
  note: true,
  isProvisional: true,
});
export type ReferenceRateUpdate = z.infer<typeof ReferenceRateUpdate>;

/** A CSV in the shipped format: `series,effective_from,rate_percent,note`. */
export const ImportRatesInput = z.object({ csv: z.string().min(1, "must not be empty").max(2_000_000) });
export type ImportRatesInput = z.infer<typeof ImportRatesInput>;

export const ImportRatesResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportRatesResult = z.infer<typeof ImportRatesResult>;
