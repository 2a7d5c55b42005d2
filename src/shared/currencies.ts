/**
 * ISO 4217 minor-unit exponents for the currencies a European credit team meets.
 * Unknown codes are refused rather than guessed: a wrong exponent multiplies amounts by 100.
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  AED: 2,
  AUD: 2,
  BGN: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  DZD: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MAD: 2,
  MXN: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RSD: 2,
  RUB: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  UAH: 2,
  USD: 2,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  ZAR: 2,
};

export type CurrencyCode = string & { readonly __brand: "CurrencyCode" };

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCY_EXPONENTS, code);
}

export function currencyExponent(code: string): number {
  const exponent = CURRENCY_EXPONENTS[code];
  if (exponent === undefined) throw new RangeError(`Unknown currency code "${code}" (ISO 4217 expected)`);
  return exponent;
}
