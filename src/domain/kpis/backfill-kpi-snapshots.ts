import { addDays, compareDates, endOfMonth, type IsoDate } from "../../shared/dates";
import { validationError } from "../../shared/errors";
import type { AppContext } from "../context";
import type { Actor } from "../users/users.types";
import type { SnapshotSource } from "./kpi-snapshots.repo";
import { companyOf, takeKpiSnapshot } from "./take-kpi-snapshot";

/** Daily snapshots for this many days before the last date; month ends before that. */
export const BACKFILL_DAILY_DAYS = 60;

export type BackfillInput = {
  companyId: number;
  from: IsoDate;
  /** Default: yesterday in the company's time zone (the last day that is over). */
  through?: IsoDate;
  /** `daily`: every day of the range; `monthly` (default): month ends, plus every day of the last 60. */
  density?: "daily" | "monthly";
  /** With `monthly`: how many last days are taken daily (default 60). */
  dailyDays?: number;
  source?: SnapshotSource;
};

export type BackfillResult = {
  companyId: number;
  from: IsoDate;
  through: IsoDate;
  created: number;
  stored: number;
};

/**
 * The dates a backfill takes: every month end of the range, then every day of its last 60 days. The
 * dashboard's trends and 12-month charts read month ends and the last days; daily snapshots over 18
 * months would cost 9 times as many statements for points no chart shows.
 */
export function backfillDates(
  from: IsoDate,
  through: IsoDate,
  density: "daily" | "monthly",
  dailyDays = BACKFILL_DAILY_DAYS,
): IsoDate[] {
  const dates = new Set<IsoDate>();
  const dailyFrom = density === "daily" ? from : addDays(through, -(dailyDays - 1));
  for (
    let month = endOfMonth(from);
    compareDates(month, through) <= 0;
    month = endOfMonth(addDays(month, 1))
  ) {
    dates.add(month);
  }
  for (
    let d = compareDates(dailyFrom, from) > 0 ? dailyFrom : from;
    compareDates(d, through) <= 0;
    d = addDays(d, 1)
  ) {
    dates.add(d);
  }
  return [...dates].sort(compareDates);
}

/**
 * Rebuilds the past snapshots of one company from its invoice, payment and allocation history: each date
 * sees only what was known then (issue dates, payment and allocation dates, reversals). Dates already
 * taken are kept as they are, so a backfill can be run again safely; each date is its own transaction.
 */
export async function backfillKpiSnapshots(
  ctx: AppContext,
  actor: Actor,
  input: BackfillInput,
): Promise<BackfillResult> {
  const company = await companyOf(ctx, input.companyId);
  const through = input.through ?? addDays(ctx.clock.today(company.timeZone), -1);
  if (compareDates(input.from, through) > 0) {
    throw validationError(`The backfill starts after it ends (${input.from} > ${through})`, [
      { field: "from", value: input.from, message: `is after ${through}` },
    ]);
  }
  let created = 0;
  let stored = 0;
  for (const date of backfillDates(input.from, through, input.density ?? "monthly", input.dailyDays)) {
    const result = await takeKpiSnapshot(ctx, actor, {
      companyId: company.id,
      date,
      source: input.source ?? "backfill",
    });
    if (result.outcome === "stored") stored += 1;
    else created += 1;
  }
  return { companyId: company.id, from: input.from, through, created, stored };
}
