import { currencyExponent } from "./currencies";

/** An amount of money in integer minor units (cents) of one currency. Never a float. */
export type Money = { readonly minor: number; readonly currency: string };

export function assertMinor(minor: number): number {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`Money must be a safe integer of minor units, got ${minor}`);
  return minor;
}

export function money(minor: number, currency: string): Money {
  currencyExponent(currency);
  return { minor: assertMinor(minor), currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`Cannot combine ${a.currency} and ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor - b.minor, a.currency);
}

export function sum(amounts: readonly Money[], currency: string): Money {
  let total = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency)
      throw new RangeError(`Cannot add ${amount.currency} to a ${currency} total`);
    total = assertMinor(total + amount.minor);
  }
  return money(total, currency);
}

/**
 * Splits an amount into parts proportional to the weights, exactly: the parts always add up to
 * the amount, the leftover minor units going to the largest remainders first.
 */
export function allocate(amount: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new RangeError("allocate needs at least one weight");
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError("weights must be non-negative integers");
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError("weights must not all be zero");
  const sign = amount.minor < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(amount.minor));
  const bigTotal = BigInt(total);
  const shares = weights.map((w) => (abs * BigInt(w)) / bigTotal);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % bigTotal }));
  let left = abs - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => money(Number(s * sign), amount.currency));
}

const DECIMAL = /^(-)?(\d+)(?:[.,](\d+))?$/;

/**
 * Parses a decimal string in major units ("1234.56", "-3,5") into minor units.
 * Refuses more decimals than the currency has, instead of rounding silently.
 */
export function parseMajor(text: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a decimal amount`);
  const [, minus, whole = "0", fraction = ""] = match;
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > exponent) {
    throw new RangeError(`"${text}" has more than ${exponent} decimals for ${currency}`);
  }
  const digits = whole + fraction.padEnd(exponent, "0").slice(0, exponent);
  const minor = Number(BigInt(digits));
  return money(minus && minor !== 0 ? -minor : minor, currency);
}

/** Formats minor units as a plain decimal string in major units: 12970 EUR → "129.70". */
export function formatMajor(amount: Money): string {
  const exponent = currencyExponent(amount.currency);
  const negative = amount.minor < 0;
  const digits = String(Math.abs(amount.minor)).padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? "" : `.${digits.slice(-exponent)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

export function isZero(amount: Money): boolean {
  return amount.minor === 0;
}
