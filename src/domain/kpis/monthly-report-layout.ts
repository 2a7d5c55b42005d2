import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatMajor, parseMajor, subtract, sum } from "../../shared/money";
import { pdfSafe } from "../communications/pdf-document";
import type { Dashboard, DisputeBreakdown, TopOverdue } from "./dashboard.schemas";
import type { KpiReport } from "./kpis.schemas";
import { type ReportLanguage, type ReportWord, wordOf } from "./monthly-report-words";

/** Everything the monthly report shows, already read from the snapshots and the detail tables. */
export type MonthlyReportData = {
  language: ReportLanguage;
  month: string;
  company: { code: string; name: string };
  /** "segment …", "collector: …" (empty when the report covers everything). */
  scope: string;
  dashboard: Dashboard & { current: KpiReport; date: string; currency: string };
  top: TopOverdue["items"];
  disputes: DisputeBreakdown["items"];
};

const LOCALES: Record<ReportLanguage, string> = { fr: "fr-FR", en: "en-GB" };
const BAR = "#4c6ef5";
const BAR_WIDTH = 60;
const GOOD = "#2b8a3e";
const BAD = "#c92a2a";
const MUTED = "#666666";

type Unit = "days" | "percent" | "money";
type Line = {
  label: ReportWord;
  value(k: KpiReport): number | string | null;
  unit: Unit;
  lowerIsBetter: boolean;
};

/** The dashboard's tiles, in the same order. */
const LINES: Line[] = [
  { label: "dso", value: (k) => k.dsoCountback, unit: "days", lowerIsBetter: true },
  { label: "dsoSimple", value: (k) => k.dsoSimple, unit: "days", lowerIsBetter: true },
  { label: "bpdso", value: (k) => k.bpdsoCountback, unit: "days", lowerIsBetter: true },
  { label: "add", value: (k) => k.addCountback, unit: "days", lowerIsBetter: true },
  { label: "cei", value: (k) => k.cei, unit: "percent", lowerIsBetter: false },
  { label: "overdueRatio", value: (k) => k.overdueRatio, unit: "percent", lowerIsBetter: true },
  { label: "receivables", value: (k) => k.receivables, unit: "money", lowerIsBetter: true },
  { label: "overdueAmount", value: (k) => k.overdueReceivables, unit: "money", lowerIsBetter: true },
  { label: "cashCollected", value: (k) => k.cashCollected, unit: "money", lowerIsBetter: false },
  { label: "avgPaymentDelay", value: (k) => k.avgPaymentDelay, unit: "days", lowerIsBetter: true },
  { label: "lateRateAmount", value: (k) => k.lateRateAmount, unit: "percent", lowerIsBetter: true },
  { label: "disputeRateAmount", value: (k) => k.disputeRateAmount, unit: "percent", lowerIsBetter: true },
  { label: "promiseKeptRate", value: (k) => k.promiseKeptRate, unit: "percent", lowerIsBetter: false },
];

const AGING_BUCKETS = ["notDue", "d1_30", "d31_60", "d61_90", "d90plus"] as const;
const DISPUTE_AGES = ["d0_30", "d31_60", "d61_90", "d90plus"] as const;

/** Number, money and date formatting in the report's language; every string is made PDF-safe. */
function formatters(language: ReportLanguage, currency: string) {
  const locale = LOCALES[language];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const moneyFormat = new Intl.NumberFormat(locale, { style: "currency", currency });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" });
  const w = (key: ReportWord, values?: Record<string, string | number>) =>
    pdfSafe(wordOf(language, key, values));
  // Intl formats exact decimal strings without going through a float.
  const money = (major: string) => pdfSafe(moneyFormat.format(major as unknown as number));
  const date = (iso: string) => pdfSafe(dateFormat.format(Date.parse(`${iso}T00:00:00Z`)));
  const figure = (unit: Unit, value: number | string | null): string => {
    if (value === null) return "—";
    if (unit === "money") return money(String(value));
    return w(unit, { value: pdfSafe(number.format(Number(value))) });
  };
  /** A change with its sign; money changes arrive as exact decimal strings. */
  const signed = (unit: Unit, delta: number | string): string => {
    const text =
      unit === "money"
        ? money(String(delta))
        : w(unit, { value: pdfSafe(number.format(Math.round(Number(delta) * 100) / 100)) });
    return Number(delta) > 0 ? `+${text}` : text;
  };
  const monthName = (yyyyMm: string) =>
    pdfSafe(
      new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
        Date.parse(`${yyyyMm}-01T00:00:00Z`),
      ),
    );
  return { w, money, date, figure, signed, monthName, text: pdfSafe };
}

/** A horizontal bar of `value / max` of the column's width (nothing for a null or non-positive value). */
function bar(value: number | null, max: number): TableCell {
  if (value === null || value <= 0 || max <= 0) return { text: "" };
  return {
    canvas: [{ type: "rect", x: 0, y: 1, w: Math.max(0.5, (value / max) * BAR_WIDTH), h: 7, color: BAR }],
  };
}

function heading(text: string): Content {
  return { text, style: "heading" };
}

function table(
  widths: (string | number)[],
  header: string[],
  body: TableCell[][],
  align: number[] = [],
): Content {
  const cells = (row: TableCell[]) =>
    row.map((cell, i) =>
      align.includes(i) && typeof cell === "object" && cell !== null && "text" in cell
        ? { ...cell, alignment: "right" as const }
        : cell,
    );
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        header.map((h, i) => ({ text: h, style: "th", alignment: align.includes(i) ? "right" : "left" })),
        ...body.map(cells),
      ],
    },
    layout: "lightHorizontalLines",
  } as Content;
}

/** The monthly report's document: KPI table, twelve-month trend, aged balance, top overdue, disputes, league. */
export function monthlyReportDocument(data: MonthlyReportData): TDocumentDefinitions {
  const d = data.dashboard;
  const f = formatters(data.language, d.currency);
  const t = (text: string | number): TableCell => ({ text: f.text(String(text)) });

  const change = (line: Line, before: KpiReport | null): TableCell => {
    const now = line.value(d.current);
    const then = before ? line.value(before) : null;
    if (now === null || then === null) return { text: "—", color: MUTED };
    // Amounts are subtracted in minor units, never as floats.
    const delta =
      line.unit === "money"
        ? formatMajor(subtract(parseMajor(String(now), d.currency), parseMajor(String(then), d.currency)))
        : Number(now) - Number(then);
    const sign = Math.sign(Number(delta));
    const color = sign === 0 ? MUTED : sign < 0 === line.lowerIsBetter ? GOOD : BAD;
    return { text: f.signed(line.unit, delta), color };
  };
  const kpiRows: TableCell[][] = LINES.map((line) => [
    t(f.w(line.label)),
    { text: f.figure(line.unit, line.value(d.current)), bold: true },
    { text: d.lastMonth ? f.figure(line.unit, line.value(d.lastMonth)) : "—" },
    change(line, d.lastMonth),
    { text: d.lastYear ? f.figure(line.unit, line.value(d.lastYear)) : "—" },
    change(line, d.lastYear),
  ]);

  const maxOf = (values: (number | null)[]) => Math.max(0, ...values.map((v) => v ?? 0));
  const dsoMax = maxOf(d.trend.map((p) => p.dsoCountback));
  const overdueMax = maxOf(d.trend.map((p) => p.overdueRatio));
  const cashMax = maxOf(d.trend.map((p) => Number(p.cashCollected)));
  const trendRows: TableCell[][] = d.trend.map((p) => [
    t(f.date(p.date)),
    { text: f.figure("days", p.dsoCountback) },
    bar(p.dsoCountback, dsoMax),
    { text: f.figure("percent", p.overdueRatio) },
    bar(p.overdueRatio, overdueMax),
    { text: f.money(p.cashCollected) },
    bar(Number(p.cashCollected), cashMax),
  ]);

  const aging = d.current.aging;
  const ar = Number(d.current.receivables);
  const agingMax = maxOf(AGING_BUCKETS.map((b) => Number(aging[b])));
  const agingRows: TableCell[][] = AGING_BUCKETS.map((b) => [
    t(f.w(b)),
    { text: f.money(aging[b]) },
    { text: ar > 0 ? f.figure("percent", Math.round((Number(aging[b]) / ar) * 10000) / 100) : "—" },
    bar(Number(aging[b]), agingMax),
  ]);
  agingRows.push([
    { text: f.w("total"), bold: true },
    { text: f.money(d.current.receivables), bold: true },
    { text: "" },
    { text: "" },
  ]);

  const topRows: TableCell[][] = data.top.map((c) => [
    t(c.externalRef),
    t(c.name),
    { text: f.money(c.overdue) },
    { text: f.money(c.receivables) },
    { text: String(c.maxDaysOverdue) },
  ]);

  const reasons = [...new Set(data.disputes.map((r) => r.reason))].sort();
  const disputeRows: TableCell[][] = reasons.map((reason) => {
    const rows = data.disputes.filter((r) => r.reason === reason);
    const total = {
      count: rows.reduce((n, r) => n + r.count, 0),
      amount: formatMajor(
        sum(
          rows.map((r) => parseMajor(r.amount, d.currency)),
          d.currency,
        ),
      ),
    };
    return [
      t(reason),
      ...DISPUTE_AGES.map((age) => {
        const r = rows.find((x) => x.age === age);
        return r ? { text: `${r.count} · ${f.money(r.amount)}` } : { text: "—" };
      }),
      { text: `${total.count} · ${f.money(total.amount)}`, bold: true },
    ];
  });

  const leagueRows: TableCell[][] = d.league.map(({ name, report: k }) => [
    t(name ?? f.w("noCollector")),
    { text: f.money(k.receivables) },
    { text: f.money(k.overdueReceivables) },
    { text: f.figure("percent", k.overdueRatio) },
    { text: f.figure("days", k.dsoCountback) },
    { text: f.figure("percent", k.cei) },
    { text: f.money(k.cashCollected) },
    { text: `${k.activity.calls} · ${k.activity.messages} · ${k.activity.tasksDone}` },
  ]);

  const empty = (key: ReportWord): Content => ({ text: f.w(key), color: MUTED, margin: [0, 2, 0, 0] });
  const monthName = f.monthName(data.month);
  const content: Content[] = [
    { text: `${f.w("title")} · ${monthName}`, style: "title" },
    {
      text: f.text(
        [`${data.company.name} (${data.company.code})`, d.currency, data.scope]
          .filter((s) => s !== "")
          .join(" · "),
      ),
      style: "subtitle",
    },
    {
      text: f.w("snapshotOf", { date: f.date(d.date), from: f.date(d.current.periodFrom) }),
      color: MUTED,
    },
    {
      text: f.w("comparedWith", {
        lastMonth: d.lastMonth ? f.date(d.lastMonth.date) : f.w("noComparison"),
        lastYear: d.lastYear ? f.date(d.lastYear.date) : f.w("noComparison"),
      }),
      color: MUTED,
      margin: [0, 0, 0, 6],
    },
    heading(f.w("kpis")),
    table(
      ["*", 70, 70, 60, 70, 60],
      [f.w("kpi"), f.w("monthEnd"), f.w("lastMonth"), f.w("change"), f.w("lastYear"), f.w("change")],
      kpiRows,
      [1, 2, 3, 4, 5],
    ),
    heading(f.w("trend")),
    d.trend.length === 0
      ? empty("noTrend")
      : table(
          [55, 62, BAR_WIDTH, 50, BAR_WIDTH, "*", BAR_WIDTH],
          [f.w("date"), "DSO", "", f.w("overdueRatio"), "", f.w("cashCollectedTrend"), ""],
          trendRows,
          [1, 3, 5],
        ),
    heading(f.w("aging")),
    table(["*", 90, 50, BAR_WIDTH], [f.w("bucket"), f.w("amount"), f.w("share"), ""], agingRows, [1, 2]),
    heading(f.w("top")),
    topRows.length === 0
      ? empty("noTop")
      : table(
          [70, "*", 75, 75, 55],
          [f.w("reference"), f.w("customer"), f.w("overdueAmount"), f.w("receivables"), f.w("maxDays")],
          topRows,
          [2, 3, 4],
        ),
    heading(f.w("disputes")),
    disputeRows.length === 0
      ? empty("noDisputes")
      : table(
          ["*", 70, 70, 70, 70, 75],
          [f.w("reason"), ...DISPUTE_AGES.map((a) => f.w(a)), f.w("total")],
          disputeRows,
          [1, 2, 3, 4, 5],
        ),
  ];
  // A report on one collector has no league table (the dashboard has none either).
  content.push(
    heading(f.w("league")),
    leagueRows.length === 0
      ? empty("noLeague")
      : table(
          ["*", 56, 56, 44, 44, 40, 64, 62],
          [
            f.w("collectorColumn"),
            f.w("receivables"),
            f.w("overdueAmount"),
            f.w("overdueRatio"),
            "DSO",
            "CEI",
            f.w("cashCollected"),
            f.w("work"),
          ],
          leagueRows,
          [1, 2, 3, 4, 5, 6, 7],
        ),
  );
  return {
    pageSize: "A4",
    pageMargins: [36, 40, 36, 40],
    info: { title: `${f.w("title")} · ${data.company.code} · ${data.month}`, creator: "Encours" },
    defaultStyle: { fontSize: 8.5 },
    styles: {
      title: { fontSize: 16, bold: true },
      subtitle: { fontSize: 11, margin: [0, 2, 0, 4] },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, color: MUTED },
    },
    content,
    footer: (page, count) => ({
      text: f.w("footer", { company: f.text(data.company.code), month: monthName, page, count }),
      alignment: "center",
      fontSize: 7,
      color: MUTED,
      margin: [0, 12, 0, 0],
    }),
  };
}
