import { z } from "zod";
import { CurrencySchema, IdParam, IsoDateSchema } from "../../shared/schemas";

/** Replies carry plain date strings (the request side brands them). */
const ReplyDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date in the form YYYY-MM-DD");
/** Days and percents: numbers rounded to two decimals; null when the denominator is zero. */
const Figure = z.number().nullable();
const Amount = z.string();

export const KpiQuery = z.object({
  companyId: IdParam.optional(),
  currency: CurrencySchema.optional(),
  /** As-of date; default: today in the company's time zone (UTC without a company). */
  date: IsoDateSchema.optional(),
  segment: z.string().trim().min(1).optional(),
  collectorId: IdParam.optional(),
});
export type KpiQuery = z.infer<typeof KpiQuery>;

export const Aging = z.object({
  notDue: Amount,
  d1_30: Amount,
  d31_60: Amount,
  d61_90: Amount,
  d90plus: Amount,
});
export type Aging = z.infer<typeof Aging>;

/** One report per currency; the first keys are the command-line contract's. */
export const KpiReport = z.object({
  date: ReplyDate,
  currency: z.string(),
  dsoSimple: Figure,
  dsoCountback: Figure,
  bpdsoSimple: Figure,
  bpdsoCountback: Figure,
  addSimple: Figure,
  addCountback: Figure,
  cei: Figure,
  avgPaymentDelay: Figure,
  lateRateCount: Figure,
  lateRateAmount: Figure,
  overdueRatio: Figure,
  disputeRateAmount: Figure,
  aging: Aging,
  periodFrom: ReplyDate,
  periodDays: z.number().int(),
  avgPaymentDelaySigned: Figure,
  disputeRateCount: Figure,
  promiseKeptRate: Figure,
  cashCollected: Amount,
  receivables: Amount,
  currentReceivables: Amount,
  overdueReceivables: Amount,
  disputedReceivables: Amount,
  creditSales: Amount,
  activity: z.object({ calls: z.number().int(), messages: z.number().int(), tasksDone: z.number().int() }),
  forecast: z.object({
    d1_30: Amount,
    d31_60: Amount,
    d61_90: Amount,
    d90plus: Amount,
    promised: Amount,
  }),
});
export type KpiReport = z.infer<typeof KpiReport>;

export const KpiReports = z.object({ items: z.array(KpiReport) });
export type KpiReports = z.infer<typeof KpiReports>;
