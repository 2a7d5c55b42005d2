import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { ExportQuery } from "./dashboard.schemas";
import { getDashboard } from "./get-dashboard";
import { listDisputeBreakdown, listTopOverdue } from "./list-dashboard-details";
import { type Cell, type Sheet, toCsv, toXlsx } from "./spreadsheet";

type Lang = ExportQuery["lang"];
const HEADERS: Record<ExportQuery["table"], Record<Lang, string[]>> = {
  aging: { fr: ["Tranche", "Montant"], en: ["Bucket", "Amount"] },
  trend: {
    fr: ["Date", "DSO (épuisement)", "Taux d'échu (%)", "Encaissements", "Encours"],
    en: ["Date", "DSO (countback)", "Overdue ratio (%)", "Cash collected", "Receivables"],
  },
  league: {
    fr: [
      "Chargé(e) de relance",
      "Encours",
      "Échu",
      "Taux d'échu (%)",
      "DSO (épuisement)",
      "CEI (%)",
      "Encaissements",
      "Appels",
      "Messages",
      "Tâches faites",
    ],
    en: [
      "Collector",
      "Receivables",
      "Overdue",
      "Overdue ratio (%)",
      "DSO (countback)",
      "CEI (%)",
      "Cash collected",
      "Calls",
      "Messages",
      "Tasks done",
    ],
  },
  "top-overdue": {
    fr: ["Référence", "Client", "Échu", "Encours", "Retard max. (jours)"],
    en: ["Reference", "Customer", "Overdue", "Receivables", "Max days overdue"],
  },
  disputes: { fr: ["Motif", "Ancienneté", "Nombre", "Montant"], en: ["Reason", "Age", "Count", "Amount"] },
};
const BUCKETS: Record<Lang, Record<string, string>> = {
  fr: {
    notDue: "Non échu",
    d1_30: "1 à 30 jours",
    d31_60: "31 à 60 jours",
    d61_90: "61 à 90 jours",
    d90plus: "Plus de 90 jours",
    d0_30: "0 à 30 jours",
  },
  en: {
    notDue: "Not due",
    d1_30: "1–30 days",
    d31_60: "31–60 days",
    d61_90: "61–90 days",
    d90plus: "Over 90 days",
    d0_30: "0–30 days",
  },
};
const NONE: Record<Lang, string> = { fr: "Sans chargé(e)", en: "No collector" };

export type ExportFile = { filename: string; contentType: string; body: string | Buffer };

async function rowsOf(ctx: AppContext, actor: Actor, query: ExportQuery): Promise<Cell[][]> {
  const amount = (value: string) => ({ amount: value });
  if (query.table === "top-overdue") {
    const { items } = await listTopOverdue(ctx, actor, query);
    return items.map((c) => [
      c.externalRef,
      c.name,
      amount(c.overdue),
      amount(c.receivables),
      c.maxDaysOverdue,
    ]);
  }
  if (query.table === "disputes") {
    const { items } = await listDisputeBreakdown(ctx, actor, query);
    return items.map((d) => [d.reason, BUCKETS[query.lang][d.age] ?? d.age, d.count, amount(d.amount)]);
  }
  const dashboard = await getDashboard(ctx, actor, query);
  if (query.table === "trend") {
    return dashboard.trend.map((p) => [
      p.date,
      p.dsoCountback,
      p.overdueRatio,
      amount(p.cashCollected),
      amount(p.receivables),
    ]);
  }
  if (query.table === "league") {
    return dashboard.league.map(({ name, report: k }) => [
      name ?? NONE[query.lang],
      amount(k.receivables),
      amount(k.overdueReceivables),
      k.overdueRatio,
      k.dsoCountback,
      k.cei,
      amount(k.cashCollected),
      k.activity.calls,
      k.activity.messages,
      k.activity.tasksDone,
    ]);
  }
  const aging = dashboard.current?.aging;
  if (!aging) return [];
  return Object.entries(aging).map(([bucket, value]) => [
    BUCKETS[query.lang][bucket] ?? bucket,
    amount(value),
  ]);
}

/** One dashboard table as a CSV or XLSX file, built from the same use cases as the page. */
export async function exportDashboardTable(
  ctx: AppContext,
  actor: Actor,
  query: ExportQuery,
): Promise<ExportFile> {
  const sheet: Sheet = {
    name: query.table,
    headers: HEADERS[query.table][query.lang],
    rows: await rowsOf(ctx, actor, query),
  };
  const date = query.date ?? ctx.clock.now().toISOString().slice(0, 10);
  const base = `encours-${query.table}-${date}`;
  if (query.format === "xlsx") {
    return {
      filename: `${base}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await toXlsx(sheet),
    };
  }
  return {
    filename: `${base}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: toCsv(sheet, query.lang === "fr" ? ";" : ","),
  };
}
