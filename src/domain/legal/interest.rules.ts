import { addDays, addMonths, daysBetween, type IsoDate } from "../../shared/dates";
import { formatMajor, type Money } from "../../shared/money";
import { fixedCompensation } from "./compensation.rules";
import { checkInterestCase, type InterestCase, type InterestCasePayment } from "./interest-case";
import { type Regime, regimeOf } from "./interest-regimes";
import type { Allocation, InterestFlag } from "./legal.schemas";
import { Dec, majorOf, minDec, roundToCurrency, roundToMinor, ZERO } from "./legal-decimal";
import { addFlag, type RateSchedule, rateSchedule } from "./rate-schedule.rules";
import type { RateTable } from "./reference-rates.rules";

/** Days `from`…`to` (both included) at one balance and one rate. Amounts in major units, full precision. */
export type Segment = {
  from: IsoDate;
  to: IsoDate;
  days: number;
  balance: Dec;
  ratePercent: Dec;
  interest: Dec;
};

export type InterestOutcome = {
  /** Interest accrued over the period, full precision, and rounded once half-up to the minor unit. */
  interest: Dec;
  interestMinor: number;
  /** The part of the payments that went to interest (minor units). */
  interestPaidMinor: number;
  principalOutstandingMinor: number;
  /** Zero (in the case's currency) when none is owed. */
  compensation: Money;
  rateRule: string;
  segments: Segment[];
  flags: InterestFlag[];
};

/** What is owed while the days run; major units. `unpaid` keeps the sub-cent residue of payments. */
type Ledger = {
  currency: string;
  principal: Dec;
  /** NL: interest added to the base at the end of a year of default, not yet paid. */
  capitalised: Dec;
  unpaid: Dec;
  total: Dec;
  interestPaid: Dec;
  surplus: Dec;
};

/**
 * Applies a payment. principal-first reduces the balance; interest-first (C. civ. 1343-1, BGB § 367)
 * first clears the interest accrued so far, rounded to the cent on that day, the sub-cent residue
 * carried forward. Whatever is left after principal and interest is a surplus.
 */
function applyPayment(ledger: Ledger, amount: Dec, allocation: Allocation): void {
  let rest = amount;
  const take = (available: Dec): Dec => {
    const part = minDec(rest, Dec.max(available, ZERO));
    rest = rest.minus(part);
    return part;
  };
  const payInterest = () => {
    const toAccrued = take(roundToCurrency(ledger.unpaid, ledger.currency));
    ledger.unpaid = ledger.unpaid.minus(toAccrued);
    const toCapitalised = take(ledger.capitalised);
    ledger.capitalised = ledger.capitalised.minus(toCapitalised);
    ledger.interestPaid = ledger.interestPaid.plus(toAccrued).plus(toCapitalised);
  };
  if (allocation === "interest-first") payInterest();
  ledger.principal = ledger.principal.minus(take(ledger.principal));
  if (allocation === "principal-first") payInterest();
  ledger.surplus = ledger.surplus.plus(rest);
}

/** BW 6:119 lid 2: after each year of default the year's unpaid interest joins the base (to the cent). */
function capitalise(ledger: Ledger): void {
  const amount = roundToCurrency(ledger.unpaid, ledger.currency);
  if (amount.lessThanOrEqualTo(0)) return;
  ledger.capitalised = ledger.capitalised.plus(amount);
  ledger.unpaid = ledger.unpaid.minus(amount);
}

/** Anniversaries of the start of default that fall strictly inside the period. */
function yearEnds(start: IsoDate, until: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let year = 1; addMonths(start, 12 * year) < until; year += 1) ends.push(addMonths(start, 12 * year));
  return ends;
}

type AccrualInput = {
  c: InterestCase;
  start: IsoDate;
  ledger: Ledger;
  schedule: RateSchedule;
  yearEnds: readonly IsoDate[];
  payments: readonly InterestCasePayment[];
};

/**
 * Day d accrues when start < d ≤ until. The period is cut after every rate change, payment and year
 * of default; each segment adds balance × rate × days / 365 (365 in leap years too), unrounded.
 */
function accrue(input: AccrualInput): Segment[] {
  const { c, start, ledger, schedule } = input;
  const cuts = [...new Set([...schedule.cutDays, ...input.payments.map((p) => p.date), ...input.yearEnds])]
    .filter((day) => day > start && day < c.until)
    .concat(c.until)
    .sort();
  const segments: Segment[] = [];
  let previous = start;
  for (const day of cuts) {
    const days = daysBetween(previous, day);
    const balance = ledger.principal.plus(ledger.capitalised);
    if (days > 0 && balance.greaterThan(0)) {
      const from = addDays(previous, 1);
      const ratePercent = schedule.rateOn(from);
      const interest = balance.times(ratePercent).times(days).dividedBy(36_500);
      ledger.unpaid = ledger.unpaid.plus(interest);
      ledger.total = ledger.total.plus(interest);
      segments.push({ from, to: day, days, balance, ratePercent, interest });
    }
    for (const payment of input.payments.filter((p) => p.date === day)) {
      applyPayment(ledger, majorOf(payment.amountMinor, c.currency), c.allocation);
    }
    if (input.yearEnds.includes(day)) capitalise(ledger);
    previous = day;
  }
  return segments;
}

function openLedger(c: InterestCase): Ledger {
  return {
    currency: c.currency,
    principal: majorOf(c.amountMinor, c.currency),
    capitalised: ZERO,
    unpaid: ZERO,
    total: ZERO,
    interestPaid: ZERO,
    surplus: ZERO,
  };
}

/**
 * Late-payment interest and fixed compensation of one invoice (../shared/domain/late-interest.md):
 * the regime of the jurisdiction (or a contractual rate), the payments with their allocation, and
 * one rounding, half-up to the minor unit, of the interest of the whole invoice.
 */
export function computeInterest(c: InterestCase, table: RateTable): InterestOutcome {
  checkInterestCase(c);
  const regime = regimeOf(c.jurisdiction, c.isConsumer) as Regime;
  const start = c.defaultFrom ?? c.dueDate;
  const schedule = rateSchedule({
    regime,
    table,
    contractualRate: c.contractualRate,
    firstDay: addDays(start, 1),
    lastDay: c.until,
  });
  const payments = [...c.payments].sort((a, b) => a.date.localeCompare(b.date));
  const ledger = openLedger(c);
  // Paid on or before the start of default: never late, never interest.
  for (const payment of payments.filter((p) => p.date <= start)) {
    applyPayment(ledger, majorOf(payment.amountMinor, c.currency), c.allocation);
  }
  const debtAtDefault = roundToMinor(ledger.principal, c.currency);
  const capitalises = regime.capitalisesYearly && c.contractualRate === undefined;
  const segments = accrue({
    c,
    start,
    ledger,
    schedule,
    yearEnds: capitalises ? yearEnds(start, c.until) : [],
    payments: payments.filter((p) => p.date > start),
  });
  const isLate = segments.length > 0;
  const compensation = fixedCompensation(
    isLate ? regime.compensation : { kind: "none" },
    debtAtDefault,
    c.currency,
  );
  const flags = [...schedule.flags, ...compensation.flags];
  if (ledger.surplus.greaterThan(0)) {
    addFlag(flags, {
      code: "PAYMENT_EXCEEDS_DEBT",
      message: `The payments exceed the principal and the interest by ${formatMajor({ minor: roundToMinor(ledger.surplus, c.currency), currency: c.currency })} ${c.currency}`,
    });
  }
  return {
    interest: ledger.total,
    interestMinor: roundToMinor(ledger.total, c.currency),
    interestPaidMinor: roundToMinor(ledger.interestPaid, c.currency),
    principalOutstandingMinor: roundToMinor(ledger.principal, c.currency),
    compensation: compensation.amount,
    rateRule: schedule.rateRule,
    segments,
    flags,
  };
}
