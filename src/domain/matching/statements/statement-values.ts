import { isCurrencyCode } from "../../../shared/currencies";
import type { IsoDate } from "../../../shared/dates";
import { isIsoDate } from "../../../shared/dates";
import { parseMajor } from "../../../shared/money";
import { fixWindows1252 } from "../../../shared/windows-1252";
import { type StatementSource, statementError } from "./statement-errors";

/**
 * A decimal amount in major units ("1234.56", MT940's "1234,56", "9,") as exact minor units.
 * More decimals than the currency has are accepted only when the extra ones are zeros
 * ("18.150" EUR = 1815, "5442.09000" RON = 544209): anything else would need rounding, and a bank
 * amount is never rounded here — the file is refused instead.
 */
export function minorUnits(
  text: string | null | undefined,
  currency: string,
  at: { source: StatementSource; line: number; field: string; shown?: string },
): number {
  const raw = (text ?? "").trim();
  const shown = at.shown ?? raw;
  if (raw === "") throw statementError(at.source, { ...at, message: "the amount is missing" });
  if (!isCurrencyCode(currency))
    throw statementError(at.source, {
      ...at,
      field: at.field,
      value: currency,
      message: "unknown currency code (ISO 4217 expected)",
    });
  const normalized = raw.replace(/[.,]$/, "");
  if (!/^\d+(?:[.,]\d+)?$/.test(normalized))
    throw statementError(at.source, { ...at, value: shown, message: "is not a decimal amount" });
  try {
    return parseMajor(normalized, currency).minor;
  } catch (error) {
    throw statementError(at.source, {
      ...at,
      value: shown,
      message: `cannot be converted to ${currency} minor units without rounding (${(error as Error).message})`,
    });
  }
}

/** The calendar date written in an ISO date or date-time ("2014-12-31", "2007-10-18T09:15:00+01:00"), as written. */
export function isoDatePart(text: string | null | undefined): IsoDate | null {
  const head = (text ?? "").trim().slice(0, 10);
  return isIsoDate(head) ? head : null;
}

/** A two-digit year: 00–69 is 20xx, 70–99 is 19xx (the SWIFT and CFONB convention). */
export function fullYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

export function dateFromParts(year: number, month: number, day: number): IsoDate | null {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isIsoDate(text) ? text : null;
}

/** Blank or whitespace-only → null; inner runs of spaces collapsed. */
export function clean(text: string | null | undefined): string | null {
  const t = (text ?? "").replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

/** An IBAN without spaces, upper case, when the text looks like one (country, check digits, 11–30 alphanumerics). */
export function ibanOrNull(text: string | null | undefined): string | null {
  const compact = (text ?? "").replace(/\s+/g, "").toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) ? compact : null;
}

/**
 * The bytes as text: UTF-8 (BOM dropped) when they decode strictly, else Windows-1252, the
 * superset of Latin-1 that banks' MT940 and CFONB exports use.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return fixWindows1252(new TextDecoder("windows-1252").decode(bytes));
  }
}

/** ISO 20022 reason codes of returns and rejects, looked for in the text of a reversal that names none. */
export const ISO_RETURN_REASON =
  /\b(AC0[1-6]|AC13|AG0[12]|AM0[45]|BE05|CNOR|DNOR|FF05|MD0[1-7]|MS0[23]|RC01|RR0[1-4]|SL01|FOCR|DUPL|TECH|FRAD|CUST)\b/;
