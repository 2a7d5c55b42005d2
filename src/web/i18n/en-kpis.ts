import type { frKpis } from "./fr-kpis";

/** English texts of the KPI dashboard. */
export const enKpis: Record<keyof typeof frKpis, string> = {
  "nav.dashboard": "Dashboard",

  "kpis.title": "Dashboard",
  "kpis.subtitle":
    "KPIs as of the chosen date, rebuilt from the history; period: the three rolling months ending on that date.",
  "kpis.asOf": "As of",
  "kpis.today": "Today",
  "kpis.empty": "No invoice in this scope.",
  "kpis.currencyTitle": "{currency} · receivables {receivables}",
  "kpis.days": "{value} d",
  "kpis.percent": "{value}%",
  "kpis.amount": "Amount",
  "kpis.cashCollected": "Cash collected",
  "kpis.dsoCountback": "DSO (countback)",
  "kpis.dsoSimple": "DSO (simple)",
  "kpis.bpdso": "Best possible DSO",
  "kpis.add": "Average days delinquent",
  "kpis.cei": "Collection effectiveness (CEI)",
  "kpis.avgPaymentDelay": "Average payment delay",
  "kpis.lateRateAmount": "Paid late (amount)",
  "kpis.overdueRatio": "Overdue ratio",
  "kpis.disputeRateAmount": "Dispute rate",
  "kpis.promiseKeptRate": "Promises kept",
  "kpis.aging": "Aged balance",
  "kpis.aging.notDue": "Not due",
  "kpis.aging.d1_30": "1–30 days",
  "kpis.aging.d31_60": "31–60 days",
  "kpis.aging.d61_90": "61–90 days",
  "kpis.aging.d90plus": "Over 90 days",
  "kpis.forecast": "Expected cash",
  "kpis.forecast.d1_30": "Within 30 days",
  "kpis.forecast.d31_60": "In 31–60 days",
  "kpis.forecast.d61_90": "In 61–90 days",
  "kpis.forecast.d90plus": "After 90 days",
};
