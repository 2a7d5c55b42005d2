import { isCurrencyCode } from "../../shared/currencies";
import { type IsoDate, parseDate } from "../../shared/dates";
import { parseMajor } from "../../shared/money";

const PLAIN_AMOUNT = /^\d+(?:[.,]\d+)?$/;

/**
 * Reads an amount as ERPs and spreadsheets write it: "1234.56", "1 234,56", "1.234,56",
 * "1,234.56", "-12,5", "(12.50)". The last separator followed by 1 to 3 digits is the decimal
 * one when both appear; a lone comma is decimal (French), a lone point too. Returns minor units.
 */
export function parseAmount(text: string, currency: string): number | null {
  // Most cells are plain ("1234.56", "1234,56"): the general reading below gives parseMajor the same text.
  if (PLAIN_AMOUNT.test(text)) {
    try {
      return parseMajor(text, currency).minor;
    } catch {
      return null;
    }
  }
  let t = text.replace(/[\s\u00a0\u202f']/g, "").replace(/[€$£]|EUR|USD|GBP|CHF/gi, "");
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.endsWith("-")) {
    negative = !negative;
    t = t.slice(0, -1);
  }
  if (!/^[\d.,]+$/.test(t)) return null;
  const lastComma = t.lastIndexOf(",");
  const lastPoint = t.lastIndexOf(".");
  const decimalAt = Math.max(lastComma, lastPoint);
  let whole = t;
  let fraction = "";
  if (decimalAt >= 0) {
    const both = lastComma >= 0 && lastPoint >= 0;
    const separator = t[decimalAt];
    const occurrences = t.split(separator ?? "").length - 1;
    if (both && occurrences !== 1) return null;
    const isDecimal = both || occurrences === 1;
    if (isDecimal) {
      whole = t.slice(0, decimalAt);
      fraction = t.slice(decimalAt + 1);
    }
  }
  const groups = whole.split(/[.,]/);
  if (groups.slice(1).some((g) => g.length !== 3)) return null;
  whole = groups.join("");
  if (whole === "" && fraction === "") return null;
  try {
    const minor = parseMajor(`${whole || "0"}${fraction ? `.${fraction}` : ""}`, currency).minor;
    return negative && minor !== 0 ? -minor : minor;
  } catch {
    return null;
  }
}

export function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (["1", "true", "yes", "y", "oui", "o", "x", "vrai", "ja"].includes(t)) return true;
  if (["0", "false", "no", "n", "non", "faux", "nein", ""].includes(t)) return false;
  return null;
}

/** A file has few distinct dates and a million date cells: each text is read once. */
const DATE_CACHE = new Map<string, IsoDate | null>();
const DATE_CACHE_SIZE = 10_000;

export function parseIsoDate(text: string): IsoDate | null {
  const known = DATE_CACHE.get(text);
  if (known !== undefined) return known;
  const date = parseDate(text);
  if (DATE_CACHE.size >= DATE_CACHE_SIZE) DATE_CACHE.clear();
  DATE_CACHE.set(text, date);
  return date;
}

export function normalizeCurrency(text: string): string | null {
  const code = text.trim().toUpperCase();
  if (code === "€") return "EUR";
  return isCurrencyCode(code) ? code : null;
}

/** Blank cells mean "no value". */
export function blankToNull(text: string | undefined): string | null {
  const t = text?.trim() ?? "";
  return t === "" ? null : t;
}
