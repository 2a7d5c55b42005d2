import { addDays, type IsoDate, toIsoDateInZone } from "../../shared/dates";
import { listCompanies } from "../companies/list-companies";
import type { AppContext } from "../context";
import { decimal } from "../ledger/ledger.rules";
import { portfolioScope } from "../users/users.rules";
import type { Actor } from "../users/users.types";
import { type KpiScope, selectAr, selectBalances, selectCurrencies, selectSales } from "./kpis.repo";
import {
  COUNTBACK_MONTHS,
  DEFAULT_PROMISE_GRACE_DAYS,
  difference,
  dsoCountback,
  dsoSimple,
  percent,
  periodOf,
  ratio,
  rollingMonth,
  round2,
} from "./kpis.rules";
import type { KpiQuery, KpiReport, KpiReports } from "./kpis.schemas";
import { selectActivity, selectPayments, selectPromises } from "./kpis-flows.repo";
import { selectForecast } from "./kpis-forecast.repo";

/**
 * Every KPI of kpis.md for one as-of date, rebuilt from the ledger's history (issue dates, allocations
 * live on that date), one report per currency. Derived figures come from unrounded values; rounding is
 * for display, once, at the end.
 */
export async function computeKpis(ctx: AppContext, actor: Actor, query: KpiQuery): Promise<KpiReports> {
  const company = (await listCompanies(ctx)).items.find((c) => c.id === query.companyId);
  const date = query.date ?? toIsoDateInZone(ctx.clock.now(), company?.timeZone ?? "UTC");
  const scope: KpiScope = {
    companyId: query.companyId,
    segment: query.segment,
    collectorId: query.collectorId,
    portfolio: portfolioScope(actor),
  };
  const found = query.currency ? [query.currency] : await selectCurrencies(ctx.db, scope, date);
  // A company without items yet still answers, in its own currency (all zero, ratios null).
  const currencies = found.length === 0 && company ? [company.currency] : found;
  const items: KpiReport[] = [];
  for (const currency of currencies) items.push(await reportFor(ctx, scope, currency, date));
  return { items };
}

async function reportFor(
  ctx: AppContext,
  scope: KpiScope,
  currency: string,
  date: IsoDate,
): Promise<KpiReport> {
  const period = periodOf(date);
  const months = Array.from({ length: COUNTBACK_MONTHS }, (_, i) => ({
    k: i + 1,
    window: rollingMonth(date, i + 1),
  }));
  const [balances, beginAr, sales, payments, promises, activity, forecast] = await Promise.all([
    selectBalances(ctx.db, scope, currency, date),
    selectAr(ctx.db, scope, currency, period.after),
    selectSales(ctx.db, scope, currency, [{ k: 0, window: period }, ...months], date),
    selectPayments(ctx.db, scope, currency, period),
    selectPromises(ctx.db, scope, currency, period, DEFAULT_PROMISE_GRACE_DAYS),
    selectActivity(ctx.db, scope, currency, period),
    selectForecast(ctx.db, scope, currency, date),
  ]);
  const ar = Number(balances.ar);
  const current = Number(balances.current);
  const periodSales = sales.find((s) => s.k === 0)!;
  const creditSales = Number(periodSales.sales);
  const monthly = months.map((m) => ({
    sales: Number(sales.find((s) => s.k === m.k)?.sales ?? 0),
    days: m.window.days,
  }));
  const dso = { simple: dsoSimple(ar, creditSales, period.days), countback: dsoCountback(ar, monthly) };
  const bpdso = {
    simple: dsoSimple(current, creditSales, period.days),
    countback: dsoCountback(current, monthly),
  };
  const collectible = beginAr + creditSales;
  const received = Number(payments.amount);
  const money = (minor: string | number) => decimal(minor, currency);
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
    avgPaymentDelay: round2(ratio(Number(payments.weighted_delay), received)),
    lateRateCount: round2(percent(payments.late_count, payments.count)),
    lateRateAmount: round2(percent(Number(payments.late_amount), received)),
    overdueRatio: round2(percent(Number(balances.overdue), ar)),
    disputeRateAmount: round2(percent(Number(balances.disputed), ar)),
    aging: {
      notDue: money(balances.not_due),
      d1_30: money(balances.d1_30),
      d31_60: money(balances.d31_60),
      d61_90: money(balances.d61_90),
      d90plus: money(balances.d90plus),
    },
    periodFrom: addDays(period.after, 1),
    periodDays: period.days,
    avgPaymentDelaySigned: round2(ratio(Number(payments.signed_delay), received)),
    disputeRateCount: round2(percent(periodSales.disputed, periodSales.issued)),
    promiseKeptRate: round2(percent(promises.kept, promises.fell_due)),
    cashCollected: money(payments.cash),
    receivables: money(ar),
    currentReceivables: money(current),
    overdueReceivables: money(balances.overdue),
    disputedReceivables: money(balances.disputed),
    creditSales: money(creditSales),
    activity: { calls: activity.calls, messages: activity.messages, tasksDone: activity.tasks_done },
    forecast: {
      d1_30: money(forecast.d1_30),
      d31_60: money(forecast.d31_60),
      d61_90: money(forecast.d61_90),
      d90plus: money(forecast.d90plus),
      promised: money(forecast.promised),
    },
  };
}
