import { formatMajor, type Money, money } from "../../shared/money";
import type { CompensationRule } from "./interest-regimes";
import type { InterestFlag } from "./legal.schemas";
import { Dec, majorOf, roundToMinor } from "./legal-decimal";

export type Compensation = { amount: Money; flags: InterestFlag[] };

/** UK Late Payment Act s. 5A: the fixed sum by the size of the debt, in pounds. */
export function ukFixedSumMinor(debtMinor: number): number {
  if (debtMinor < 100_000) return 4_000;
  if (debtMinor < 1_000_000) return 7_000;
  return 10_000;
}

/** The BIK scale (Besluit vergoeding voor buitengerechtelijke incassokosten), by slices of the principal. */
const BIK_SLICES: readonly [upTo: number | null, percent: number][] = [
  [2_500, 15],
  [5_000, 10],
  [10_000, 5],
  [200_000, 1],
  [null, 0.5],
];
const BIK_MIN = new Dec(40);
const BIK_MAX = new Dec(6_775);

/** NL out-of-court collection costs on a principal in euros: the BIK scale, at least 40, at most 6,775. */
export function bikMinor(principalMinor: number): number {
  const principal = majorOf(principalMinor, "EUR");
  let costs = new Dec(0);
  let lower = new Dec(0);
  for (const [upTo, percent] of BIK_SLICES) {
    const upper = upTo === null ? principal : Dec.min(principal, upTo);
    if (upper.greaterThan(lower)) costs = costs.plus(upper.minus(lower).times(percent).dividedBy(100));
    if (upTo === null || principal.lessThanOrEqualTo(upTo)) break;
    lower = new Dec(upTo);
  }
  return roundToMinor(Dec.max(BIK_MIN, Dec.min(BIK_MAX, costs)), "EUR");
}

/**
 * The fixed compensation owed for a late invoice, once, whatever the later payments (outside VAT).
 * `debtMinor` is the amount unpaid when interest started, in `currency`. A scale written in pounds
 * or euros cannot be applied to a debt in another currency without an exchange rate: the minimum
 * is given and flagged.
 */
export function fixedCompensation(rule: CompensationRule, debtMinor: number, currency: string): Compensation {
  switch (rule.kind) {
    case "none":
      return { amount: money(0, currency), flags: [] };
    case "flat":
      return { amount: money(rule.minor, rule.currency), flags: [] };
    case "uk-bands":
      if (currency === "GBP") return { amount: money(ukFixedSumMinor(debtMinor), "GBP"), flags: [] };
      return minimumNeedingConversion(money(4_000, "GBP"), currency, "the UK fixed-sum bands");
    case "nl-bik":
      if (currency === "EUR") return { amount: money(bikMinor(debtMinor), "EUR"), flags: [] };
      return minimumNeedingConversion(money(4_000, "EUR"), currency, "the BIK scale");
  }
}

function minimumNeedingConversion(minimum: Money, currency: string, scale: string): Compensation {
  return {
    amount: minimum,
    flags: [
      {
        code: "COMPENSATION_NEEDS_CONVERSION",
        message: `${scale} apply to amounts in ${minimum.currency}; the debt is in ${currency}, so the minimum of ${formatMajor(minimum)} ${minimum.currency} is given: convert the debt to apply the scale`,
      },
    ],
  };
}
