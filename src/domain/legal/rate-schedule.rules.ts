import { addDays, type IsoDate } from "../../shared/dates";
import { validationError } from "../../shared/errors";
import type { Regime } from "./interest-regimes";
import type { InterestFlag, RateSeries } from "./legal.schemas";
import { Dec, percentText, ZERO } from "./legal-decimal";
import {
  HALF_YEARLY_SERIES,
  halfYearEndsBetween,
  halfYearLabel,
  halfYearStart,
  lastRow,
  type RateRow,
  type RateTable,
  rateBefore,
  rateInForce,
  SERIES_NAMES,
} from "./reference-rates.rules";

/** The annual rate of every day of a case, and the days after which it may change. */
export type RateSchedule = {
  /** Last days of rate periods before the last day: the engine ends a segment on each. */
  cutDays: IsoDate[];
  /** The rate in percent of a day (constant between two cut days). */
  rateOn(day: IsoDate): Dec;
  /** What the rate is, in words (the contract's `rateRule`). */
  rateRule: string;
  flags: InterestFlag[];
};

export type ScheduleInput = {
  regime: Regime;
  table: RateTable;
  /** A contractual annual rate in percent, instead of the statutory one. */
  contractualRate?: string;
  /** First and last day that accrue. */
  firstDay: IsoDate;
  lastDay: IsoDate;
};

export function addFlag(flags: InterestFlag[], flag: InterestFlag): void {
  if (!flags.some((f) => f.code === flag.code && f.message === flag.message)) flags.push(flag);
}

function missingRate(series: RateSeries, date: IsoDate, table: RateTable): Error {
  const first = table.get(series)?.[0]?.effectiveFrom;
  return validationError(`No ${SERIES_NAMES[series]} for ${date} in the reference-rate table`, [
    {
      field: "due",
      value: date,
      message: `the reference-rate table has no ${series} rate in force on ${date}${first ? ` (it starts on ${first})` : ""}: add it with "encours rates import"`,
    },
  ]);
}

/** Flags a provisional row, or a half-yearly series whose half-year is not in the table yet. */
function checkRow(table: RateTable, row: RateRow, periodStart: IsoDate, flags: InterestFlag[]): void {
  const name = SERIES_NAMES[row.series];
  if (row.isProvisional) {
    addFlag(flags, {
      code: "PROVISIONAL_RATE",
      message: `The ${name} of ${row.effectiveFrom} (${percentText(row.ratePercent)} %) is provisional: check it against its official source`,
    });
  }
  const isLast = lastRow(table, row.series) === row;
  if (HALF_YEARLY_SERIES.has(row.series) && isLast && row.effectiveFrom < periodStart) {
    addFlag(flags, {
      code: "RATE_NOT_PUBLISHED",
      message: `The ${name} of ${halfYearLabel(periodStart)} is not in the reference-rate table yet; the last known rate (${percentText(row.ratePercent)} % from ${row.effectiveFrom}) was used`,
    });
  }
}

/** The reference date of the UK rule: 31 December or 30 June just before interest starts. */
export function ukReferenceDate(firstDay: IsoDate): IsoDate {
  const year = Number(firstDay.slice(0, 4));
  return (Number(firstDay.slice(5, 7)) <= 6 ? `${year - 1}-12-31` : `${year}-06-30`) as IsoDate;
}

function statutoryRate(regime: Regime, row: RateRow): Dec {
  const rate = new Dec(row.ratePercent).plus(regime.marginPoints);
  return regime.roundsUpToHalfPoint ? rate.times(2).ceil().dividedBy(2) : rate;
}

function describeStatutory(regime: Regime, uk?: { date: IsoDate; row: RateRow }): string {
  const margin = regime.marginPoints === 0 ? "" : ` + ${regime.marginPoints} points`;
  const series = SERIES_NAMES[regime.series];
  const parts = [`${regime.name} (${regime.law}): `];
  if (uk) {
    parts.push(
      `${series} on ${uk.date} (${percentText(uk.row.ratePercent)} %)${margin}, fixed for the life of the debt`,
    );
  } else if (regime.fixing === "half-year-before") {
    parts.push(`last ${series} set before each half-year${margin}`);
  } else {
    const roundsUp = regime.roundsUpToHalfPoint ? " rounded up to the next half point" : "";
    parts.push(`${series}${margin}${roundsUp}, set per half-year`);
  }
  if (regime.capitalisesYearly)
    parts.push("; unpaid interest added to the principal after each year of default");
  if (regime.needsFormalNotice) parts.push("; runs from the formal notice");
  return parts.join("");
}

function statutorySchedule(input: ScheduleInput): RateSchedule {
  const { regime, table, firstDay, lastDay } = input;
  const flags: InterestFlag[] = [];
  if (regime.fixing === "once") {
    const reference = ukReferenceDate(firstDay);
    const row = rateInForce(table, regime.series, reference);
    if (!row) throw missingRate(regime.series, reference, table);
    checkRow(table, row, reference, flags);
    const rate = statutoryRate(regime, row);
    const rule = describeStatutory(regime, { date: reference, row });
    return { cutDays: [], rateOn: () => rate, rateRule: rule, flags };
  }
  const byHalfYear = new Map<IsoDate, Dec>();
  const rateOn = (day: IsoDate): Dec => {
    const start = halfYearStart(day);
    const known = byHalfYear.get(start);
    if (known) return known;
    const row =
      regime.fixing === "half-year-before"
        ? rateBefore(table, regime.series, start)
        : rateInForce(table, regime.series, start);
    if (!row) throw missingRate(regime.series, start, table);
    checkRow(table, row, start, flags);
    const rate = statutoryRate(regime, row);
    byHalfYear.set(start, rate);
    return rate;
  };
  const cutDays = halfYearEndsBetween(firstDay, addDays(lastDay, -1));
  return { cutDays, rateOn, rateRule: describeStatutory(regime), flags };
}

/**
 * Code de commerce L441-10: a contractual rate may not be below three times the French legal rate
 * ("autres cas") of the half-year. Each half-year of the period is checked; a lower rate is flagged.
 */
function checkFrenchFloor(input: ScheduleInput, rate: Dec, flags: InterestFlag[]): void {
  for (const end of halfYearEndsBetween(input.firstDay, input.lastDay).concat(input.lastDay)) {
    const start = halfYearStart(end);
    const row = rateInForce(input.table, "FR_LEGAL_OTHER", start);
    if (!row) {
      addFlag(flags, {
        code: "FLOOR_NOT_CHECKED",
        message: `No French legal rate for ${halfYearLabel(start)} in the reference-rate table: the floor of 3 × the legal rate was not checked`,
      });
      continue;
    }
    checkRow(input.table, row, start, flags);
    const floor = new Dec(row.ratePercent).times(3);
    if (rate.lessThan(floor)) {
      addFlag(flags, {
        code: "CONTRACTUAL_RATE_BELOW_FLOOR",
        message: `The contractual rate ${percentText(rate)} % is below the floor of ${halfYearLabel(start)}: 3 × the French legal rate ${percentText(row.ratePercent)} % = ${percentText(floor)} % (Code de commerce L441-10)`,
      });
    }
  }
}

/** The schedule of a case: the contractual rate when one is given, else the regime's statutory rate. */
export function rateSchedule(input: ScheduleInput): RateSchedule {
  const hasDays = input.firstDay <= input.lastDay;
  if (input.contractualRate === undefined) {
    // Nothing accrues: no rate is looked up, so a date outside the table is no error.
    if (!hasDays)
      return { cutDays: [], rateOn: () => ZERO, rateRule: describeStatutory(input.regime), flags: [] };
    return statutorySchedule(input);
  }
  const rate = new Dec(input.contractualRate);
  const flags: InterestFlag[] = [];
  if (input.regime.name === "FR" && hasDays) checkFrenchFloor(input, rate, flags);
  const rule = `Contractual rate ${percentText(rate)} % a year (${input.regime.name}: ${input.regime.law})`;
  return { cutDays: [], rateOn: () => rate, rateRule: rule, flags };
}
