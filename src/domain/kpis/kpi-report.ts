import { addDays, type IsoDate } from "../../shared/dates";
import { decimal } from "../ledger/ledger.rules";
import {
  COUNTBACK_MONTHS,
  difference,
  dsoCountback,
  dsoSimple,
  percent,
  periodOf,
  ratio,
  rollingMonth,
  round2,
} from "./kpis.rules";
import type { KpiReport } from "./kpis.schemas";
import type { KpiComponents } from "./kpis-components.repo";

const NONE = {
  stock: null,
  sales: new Map(),
  payments: null,
  promises: null,
  activity: null,
} satisfies Omit<KpiComponents, "currency" | "segmentKey" | "collectorKey">;

/**
 * Every KPI of kpis.md for one key (currency, segment, collector) from its components. Derived figures
 * come from unrounded values; rounding is for display, once, at the end. Missing components (nothing
 * sold, nothing received) count as zero; ratios over a zero denominator are null.
 */
export function reportOf(
  parts: Omit<KpiComponents, "currency" | "segmentKey" | "collectorKey"> | null,
  currency: string,
  date: IsoDate,
): KpiReport {
  const c = parts ?? NONE;
  const period = periodOf(date);
  const stock = (field: keyof NonNullable<KpiComponents["stock"]>) => Number(c.stock?.[field] ?? 0);
  const sold = (k: number) => Number(c.sales.get(k)?.sales ?? 0);
  const monthly = Array.from({ length: COUNTBACK_MONTHS }, (_, i) => ({
    sales: sold(i + 1),
    days: rollingMonth(date, i + 1).days,
  }));
  const ar = stock("ar");
  const current = stock("current");
  const creditSales = sold(0);
  const dso = { simple: dsoSimple(ar, creditSales, period.days), countback: dsoCountback(ar, monthly) };
  const bpdso = {
    simple: dsoSimple(current, creditSales, period.days),
    countback: dsoCountback(current, monthly),
  };
  const collectible = stock("begin_ar") + creditSales;
  const p = c.payments;
  const received = Number(p?.amount ?? 0);
  const money = (minor: string | number) => decimal(minor, currency);
  const stockMoney = (field: keyof NonNullable<KpiComponents["stock"]>) => money(stock(field));
  return {
    date,
    currency,
    dsoSimple: round2(dso.simple),
    dsoCountback: round2(dso.countback),
    bpdsoSimple: round2(bpdso.simple),
    bpdsoCountback: round2(bpdso.countback),
    addSimple: round2(difference(dso.simple, bpdso.simple)),
    addCountback: round2(dso.countback - bpdso.countback),
    cei: round2(percent(collectible - ar, collectible - current)),
    avgPaymentDelay: round2(ratio(Number(p?.weighted_delay ?? 0), received)),
    lateRateCount: round2(percent(p?.late_count ?? 0, p?.count ?? 0)),
    lateRateAmount: round2(percent(Number(p?.late_amount ?? 0), received)),
    overdueRatio: round2(percent(stock("overdue"), ar)),
    disputeRateAmount: round2(percent(stock("disputed"), ar)),
    aging: {
      notDue: stockMoney("not_due"),
      d1_30: stockMoney("d1_30"),
      d31_60: stockMoney("d31_60"),
      d61_90: stockMoney("d61_90"),
      d90plus: stockMoney("d90plus"),
    },
    periodFrom: addDays(period.after, 1),
    periodDays: period.days,
    avgPaymentDelaySigned: round2(ratio(Number(p?.signed_delay ?? 0), received)),
    disputeRateCount: round2(percent(c.sales.get(0)?.disputed ?? 0, c.sales.get(0)?.issued ?? 0)),
    promiseKeptRate: round2(percent(c.promises?.kept ?? 0, c.promises?.fell_due ?? 0)),
    cashCollected: money(p?.cash ?? 0),
    receivables: money(ar),
    currentReceivables: money(current),
    overdueReceivables: stockMoney("overdue"),
    disputedReceivables: stockMoney("disputed"),
    creditSales: money(creditSales),
    activity: {
      calls: c.activity?.calls ?? 0,
      messages: c.activity?.messages ?? 0,
      tasksDone: c.activity?.tasks_done ?? 0,
    },
    forecast: {
      d1_30: stockMoney("f_d1_30"),
      d31_60: stockMoney("f_d31_60"),
      d61_90: stockMoney("f_d61_90"),
      d90plus: stockMoney("f_d90plus"),
      promised: stockMoney("promised"),
    },
  };
}
