import { type IsoDate, toEpochDay } from "../../shared/dates";
import type { RateSeries } from "./legal.schemas";

/** One row of the reference-rate table: the rate in force from `effectiveFrom` until the next row. */
export type RateRow = {
  series: RateSeries;
  effectiveFrom: IsoDate;
  ratePercent: string;
  isProvisional: boolean;
};

/** Rows by series, oldest first: what the interest engine reads. */
export type RateTable = ReadonlyMap<RateSeries, readonly RateRow[]>;

export function rateTable(rows: readonly RateRow[]): RateTable {
  const bySeries = new Map<RateSeries, RateRow[]>();
  for (const row of rows) {
    const list = bySeries.get(row.series) ?? [];
    list.push(row);
    bySeries.set(row.series, list);
  }
  for (const list of bySeries.values()) list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return bySeries;
}

/**
 * Series published for every half-year: a half-year after the last row is not published yet.
 * The ECB and Bank of England rates change on decision dates and stay in force until the next one.
 */
export const HALF_YEARLY_SERIES: ReadonlySet<RateSeries> = new Set([
  "FR_LEGAL_OTHER",
  "FR_LEGAL_PERSON",
  "DE_BASISZINSSATZ",
]);

export const SERIES_NAMES: Readonly<Record<RateSeries, string>> = {
  ECB_MRO: "ECB main refinancing rate",
  BOE_BANK_RATE: "Bank of England Bank Rate",
  FR_LEGAL_OTHER: "French legal rate (autres cas)",
  FR_LEGAL_PERSON: "French legal rate (créancier personne physique)",
  DE_BASISZINSSATZ: "Basiszinssatz",
};

/** The row in force on `date` (the last one that took effect on or before it), or null. */
export function rateInForce(table: RateTable, series: RateSeries, date: IsoDate): RateRow | null {
  return lastRowWhere(table, series, (row) => row.effectiveFrom <= date);
}

/** The last row that took effect strictly before `date` (Spain: "before the half-year"), or null. */
export function rateBefore(table: RateTable, series: RateSeries, date: IsoDate): RateRow | null {
  return lastRowWhere(table, series, (row) => row.effectiveFrom < date);
}

function lastRowWhere(
  table: RateTable,
  series: RateSeries,
  accept: (row: RateRow) => boolean,
): RateRow | null {
  const rows = table.get(series) ?? [];
  let found: RateRow | null = null;
  for (const row of rows) {
    if (!accept(row)) break;
    found = row;
  }
  return found;
}

export function lastRow(table: RateTable, series: RateSeries): RateRow | null {
  const rows = table.get(series) ?? [];
  return rows[rows.length - 1] ?? null;
}

/** A note such as "provisional: verify against the ECB" marks a row as provisional. */
export function isProvisionalNote(note: string | null | undefined): boolean {
  return /^\s*provisional\b/i.test(note ?? "");
}

/** 1 January or 1 July of the half-year of `date`. */
export function halfYearStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? "01" : "07"}-01` as IsoDate;
}

/** 30 June or 31 December of the half-year of `date`. */
export function halfYearEnd(date: IsoDate): IsoDate {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? "06-30" : "12-31"}` as IsoDate;
}

/** "2025-H1". */
export function halfYearLabel(date: IsoDate): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** Every 30 June and 31 December from `from` to `to`, both included. */
export function halfYearEndsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  if (toEpochDay(to) < toEpochDay(from)) return ends;
  for (let end = halfYearEnd(from); end <= to; end = halfYearEnd(nextHalfYearStart(end))) ends.push(end);
  return ends;
}

function nextHalfYearStart(end: IsoDate): IsoDate {
  const year = Number(end.slice(0, 4));
  return (end.endsWith("06-30") ? `${year}-07-01` : `${year + 1}-01-01`) as IsoDate;
}
