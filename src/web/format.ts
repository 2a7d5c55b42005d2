/**
 * Display formatting. Money stays a decimal string end to end (Intl formats the string exactly, no
 * float); business dates are `YYYY-MM-DD` strings formatted in UTC so that no time zone moves the day.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

type DecimalLiteral = `${number}`;

/** "1234.5" + EUR → "1 234,50 €" (fr-FR) or "€1,234.50" (en-GB). */
export function formatMoney(amount: string, currency: string, locale: string): string {
  let format: Intl.NumberFormat;
  try {
    format = cached(
      `money|${locale}|${currency}`,
      () => new Intl.NumberFormat(locale, { style: "currency", currency }),
    );
  } catch {
    // A currency code Intl does not know: show the amount and the code rather than nothing.
    return `${formatDecimal(amount, locale)} ${currency}`;
  }
  return format.format(amount as DecimalLiteral);
}

/** A decimal string with the locale's separators, all its decimals kept. */
export function formatDecimal(amount: string, locale: string): string {
  const format = cached(
    `decimal|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }) as Intl.NumberFormat,
  );
  return format.format(amount as DecimalLiteral);
}

export function formatNumber(value: number, locale: string): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** 0.734 → "73 %" (fr-FR) / "73%" (en-GB). */
export function formatPercent(ratio: number, locale: string): string {
  return cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: "percent" })).format(ratio);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-31" → "31/03/2026"; the day never shifts, whatever the browser's time zone. */
export function formatDate(isoDate: string, locale: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12));
  const format = cached(
    `date|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }),
  );
  return format.format(date);
}

/** An instant (ISO 8601 timestamp) in the browser's time zone: "31 mars 2026 à 14:05". */
export function formatDateTime(instant: string, locale: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return cached(
    `datetime|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
  ).format(date);
}

/** True when a decimal string is strictly greater than zero (read from its digits, no float). */
export function isPositiveAmount(amount: string): boolean {
  return !amount.startsWith("-") && /[1-9]/.test(amount);
}

/** True when a decimal string is strictly below zero. */
export function isNegativeAmount(amount: string): boolean {
  return amount.startsWith("-") && /[1-9]/.test(amount);
}

/** "en" → "Anglais" in French; unknown codes are returned as they are. */
export function formatLanguageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : code;
  } catch {
    // Not a valid language tag: the code itself is the most useful thing to show.
    return code;
  }
}

const FILE_SIZE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** 1536 → "1,5 ko" (fr-FR) / "1.5 kB" (en-GB): powers of 1024, one decimal from the kilobyte up. */
export function formatFileSize(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < FILE_SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const name = FILE_SIZE_UNITS[unit] ?? "byte";
  return cached(
    `size|${locale}|${name}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: "unit",
        unit: name,
        // "512 byte" reads wrong in English: bytes are spelled out ("512 octets", "512 bytes").
        unitDisplay: unit === 0 ? "long" : "short",
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }),
  ).format(value);
}
