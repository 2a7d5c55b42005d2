import Decimal from "decimal.js";
import { currencyExponent } from "../../shared/currencies";

/**
 * Decimal arithmetic for interest (STYLE.md: never a float, rounded once at the end). A private
 * clone, so that no other module's configuration can change ours: 40 significant digits keep the
 * divisions by 365 exact far below the cent, and ties round half-up (away from zero).
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = Decimal;

export const ZERO = new Dec(0);

/** Minor units (cents) to a decimal amount in major units, exactly. */
export function majorOf(minor: number, currency: string): Dec {
  return new Dec(minor).dividedBy(new Dec(10).toPower(currencyExponent(currency)));
}

/** A decimal amount in major units rounded half-up to the currency's minor unit, as minor units. */
export function roundToMinor(amount: Dec, currency: string): number {
  const minor = amount
    .times(new Dec(10).toPower(currencyExponent(currency)))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const result = minor.toNumber();
  if (!Number.isSafeInteger(result)) throw new RangeError(`${amount.toString()} is too large an amount`);
  return result;
}

/** The same amount, rounded half-up to the minor unit but kept in major units. */
export function roundToCurrency(amount: Dec, currency: string): Dec {
  return amount.toDecimalPlaces(currencyExponent(currency), Decimal.ROUND_HALF_UP);
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

/** A percent for display: at least two decimals, more only when the rate has them ("3.15", "-0.88", "2.125"). */
export function percentText(value: string | Dec): string {
  const decimal = new Dec(value);
  return decimal.toFixed(Math.max(2, decimal.decimalPlaces()));
}
