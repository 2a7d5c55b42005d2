import { z } from "zod";
import { CurrencySchema, IdParam, IsoDateSchema } from "../../shared/schemas";
import { KpiReport } from "./kpis.schemas";

/** The dashboard's filters; every figure is read from the stored snapshots. */
export const DashboardQuery = z.object({
  /** Default: the first company. */
  companyId: IdParam.optional(),
  /** Default: the company's currency when it has items in it, else the first one. */
  currency: CurrencySchema.optional(),
  /** A segment name, or `-` for the customers without one. */
  segment: z.string().trim().min(1).max(100).optional(),
  /** A collector's user id, or 0 for the customers without one (collectors always see their own). */
  collectorId: z.coerce.number().int().min(0).optional(),
  /** The latest snapshot on or before this date is shown; default: today. */
  date: IsoDateSchema.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const TrendPoint = z.object({
  date: z.string(),
  dsoCountback: z.number().nullable(),
  overdueRatio: z.number().nullable(),
  cashCollected: z.string(),
  receivables: z.string(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const LeagueRow = z.object({
  /** The collector's user id, or null for the customers without a collector. */
  collectorId: z.number().int().nullable(),
  name: z.string().nullable(),
  report: KpiReport,
});
export type LeagueRow = z.infer<typeof LeagueRow>;

export const Dashboard = z.object({
  company: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  /** The date of the snapshot shown (null: none taken on or before the date asked). */
  date: z.string().nullable(),
  requestedDate: z.string(),
  currency: z.string().nullable(),
  currencies: z.array(z.string()),
  segments: z.array(z.string()),
  collectors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  current: KpiReport.nullable(),
  lastMonth: KpiReport.nullable(),
  lastYear: KpiReport.nullable(),
  /** Month ends of the last 12 months (the last point is the snapshot shown). */
  trend: z.array(TrendPoint),
  league: z.array(LeagueRow),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const TopOverdueCustomer = z.object({
  customerId: z.number().int(),
  name: z.string(),
  externalRef: z.string(),
  overdue: z.string(),
  receivables: z.string(),
  maxDaysOverdue: z.number().int(),
});
export const TopOverdue = z.object({ currency: z.string().nullable(), items: z.array(TopOverdueCustomer) });
export type TopOverdue = z.infer<typeof TopOverdue>;

export const DISPUTE_AGES = ["d0_30", "d31_60", "d61_90", "d90plus"] as const;
export const DisputeBreakdownRow = z.object({
  reason: z.string(),
  age: z.enum(DISPUTE_AGES),
  count: z.number().int(),
  amount: z.string(),
});
export const DisputeBreakdown = z.object({
  currency: z.string().nullable(),
  items: z.array(DisputeBreakdownRow),
});
export type DisputeBreakdown = z.infer<typeof DisputeBreakdown>;

export const SnapshotInput = z.object({
  companyId: IdParam,
  date: IsoDateSchema,
  /** Replace a snapshot already taken (admins and credit managers; logged in the audit log). */
  recompute: z.boolean().default(false),
});
export type SnapshotInput = z.infer<typeof SnapshotInput>;

export const SnapshotReply = z.object({
  companyId: z.number().int(),
  date: z.string(),
  outcome: z.enum(["stored", "created", "recomputed"]),
  rows: z.number().int(),
  items: z.array(KpiReport),
});

export const EXPORT_TABLES = ["aging", "trend", "league", "top-overdue", "disputes"] as const;
export const ExportQuery = DashboardQuery.extend({
  table: z.enum(EXPORT_TABLES),
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** Language of the column headers. */
  lang: z.enum(["fr", "en"]).default("fr"),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** A calendar month, `YYYY-MM`. */
export const MonthSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month in the form YYYY-MM");

/** The monthly PDF report: the dashboard's filters (no date) and the month whose end it shows. */
export const MonthlyReportQuery = DashboardQuery.omit({ date: true }).extend({
  month: MonthSchema,
  /** Default: the user's language (French or English). */
  lang: z.enum(["fr", "en"]).optional(),
});
export type MonthlyReportQuery = z.infer<typeof MonthlyReportQuery>;
