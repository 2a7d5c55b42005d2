import { addMonths, daysBetween, endOfMonth, type IsoDate } from "../../shared/dates";

/** The KPI period ends on the as-of date and covers this many rolling months (a quarter). */
export const PERIOD_MONTHS = 3;
/** The countback walks back at most this many months; an AR larger than two years of sales stops there. */
export const COUNTBACK_MONTHS = 24;
/** Promise grace when the promise does not carry its own (DESIGN.md defaults). */
export const DEFAULT_PROMISE_GRACE_DAYS = 3;
/** Customer payment behaviour for the forecast is learnt over this many months before the as-of date. */
export const FORECAST_HISTORY_MONTHS = 12;

/** A half-open window of dates: (after, through]. */
export type Window = { after: IsoDate; through: IsoDate; days: number };

/**
 * D − n months, clamped to the month's length; from a month's last day, the last day of the earlier month,
 * so that month-end dates walk back through calendar months (June 30 → May 31 → April 30).
 */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const shifted = addMonths(date, -months);
  return date === endOfMonth(date) ? endOfMonth(shifted) : shifted;
}

/** Rolling month k (1 = the month ending on the as-of date): (D − k months, D − (k − 1) months]. */
export function rollingMonth(date: IsoDate, k: number): Window {
  const after = monthsBefore(date, k);
  const through = monthsBefore(date, k - 1);
  return { after, through, days: daysBetween(after, through) };
}

/** The KPI period: (D − 3 months, D]; with D at a month end it is the calendar quarter. */
export function periodOf(date: IsoDate): Window {
  const after = monthsBefore(date, PERIOD_MONTHS);
  return { after, through: date, days: daysBetween(after, date) };
}

/** ending AR ÷ credit sales × days; null when nothing was sold in the period. */
export function dsoSimple(ar: number, sales: number, days: number): number | null {
  if (sales <= 0) return null;
  return (ar / sales) * days;
}

/**
 * Countback: walk back month by month through sales while the remaining AR covers a whole month, adding
 * its days; the last month adds remaining ÷ sales × days. `months[0]` is the month ending on the as-of date.
 */
export function dsoCountback(ar: number, months: readonly { sales: number; days: number }[]): number {
  let remaining = ar;
  let days = 0;
  for (const month of months) {
    if (remaining <= 0) break;
    if (remaining >= month.sales) {
      remaining -= month.sales;
      days += month.days;
    } else {
      days += (remaining / month.sales) * month.days;
      remaining = 0;
    }
  }
  return days;
}

/** numerator ÷ denominator × 100, or null when the denominator is zero. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return (numerator / denominator) * 100;
}

export function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return numerator / denominator;
}

/** Display rounding, done once at the end (half away from zero, two decimals). */
export function round2(value: number | null): number | null {
  if (value === null) return null;
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}

export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
