import { currencyExponent } from "../../shared/currencies";
import { formatMajor } from "../../shared/money";
import type { InterestOutcome } from "./interest.rules";
import type { InterestCase } from "./interest-case";
import type { InterestResult } from "./legal.schemas";

/** Segment interest keeps four decimals beyond the minor unit, so that the one rounding stays visible. */
const SEGMENT_EXTRA_DECIMALS = 4;

/** The contract's JSON (DESIGN.md): amounts as decimal strings in major units, percents with two decimals. */
export function toInterestResult(c: InterestCase, outcome: InterestOutcome): InterestResult {
  const exponent = currencyExponent(c.currency);
  const amount = (minor: number) => formatMajor({ minor, currency: c.currency });
  return {
    interest: amount(outcome.interestMinor),
    compensation: formatMajor(outcome.compensation),
    currency: c.currency,
    rateRule: outcome.rateRule,
    segments: outcome.segments.map((segment) => ({
      from: segment.from,
      to: segment.to,
      days: segment.days,
      balance: segment.balance.toFixed(exponent),
      ratePercent: Number(segment.ratePercent.toFixed(2)),
      interest: segment.interest.toFixed(exponent + SEGMENT_EXTRA_DECIMALS),
    })),
    compensationCurrency: outcome.compensation.currency,
    principalOutstanding: amount(outcome.principalOutstandingMinor),
    interestPaid: amount(outcome.interestPaidMinor),
    flags: outcome.flags,
  };
}
