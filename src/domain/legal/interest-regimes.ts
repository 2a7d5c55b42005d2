import type { Jurisdiction, RateSeries } from "./legal.schemas";

/**
 * How the reference rate of a day is found:
 * - half-year: the rate in force on 1 January applies to January–June, the one on 1 July to July–December;
 * - half-year-before: the last rate set before the half-year began (Spain, Ley 3/2004 art. 7);
 * - once: one rate for the life of the debt, the rate on 31 December (interest starting January–June) or
 *   30 June (starting July–December) just before interest starts (UK, Late Payment Act 1998 s. 6).
 */
export type RateFixing = "half-year" | "half-year-before" | "once";

export type CompensationRule =
  | { kind: "none" }
  | { kind: "flat"; minor: number; currency: string }
  /** UK: £40 below £1,000; £70 up to £9,999.99; £100 from £10,000 (s. 5A). */
  | { kind: "uk-bands" }
  /** NL: the BIK scale of out-of-court costs, at least 40 EUR (BW 6:96, 6:119a). */
  | { kind: "nl-bik" };

export type Regime = {
  /** "FR", "FR consumer"… */
  name: string;
  law: string;
  series: RateSeries;
  /** Points added to the reference rate. */
  marginPoints: number;
  fixing: RateFixing;
  /** Belgium: the sum is rounded up to the next half point. */
  roundsUpToHalfPoint: boolean;
  /** Netherlands: unpaid interest is added to the principal at the end of each year of default. */
  capitalisesYearly: boolean;
  compensation: CompensationRule;
  /** FR consumers: interest runs only from the formal notice, which must be given. */
  needsFormalNotice: boolean;
};

/** Directive 2011/7/EU art. 6: 40 EUR per late invoice, owed once, outside VAT. */
const FORTY_EUR: CompensationRule = { kind: "flat", minor: 4000, currency: "EUR" };

const base = { roundsUpToHalfPoint: false, capitalisesYearly: false, needsFormalNotice: false };

const B2B: Readonly<Record<Jurisdiction, Regime>> = {
  FR: {
    ...base,
    name: "FR",
    law: "Code de commerce L441-10, D441-5",
    series: "ECB_MRO",
    marginPoints: 10,
    fixing: "half-year",
    compensation: FORTY_EUR,
  },
  EU: {
    ...base,
    name: "EU",
    law: "Directive 2011/7/EU",
    series: "ECB_MRO",
    marginPoints: 8,
    fixing: "half-year",
    compensation: FORTY_EUR,
  },
  DE: {
    ...base,
    name: "DE",
    law: "BGB §§ 247, 286, 288 Abs. 2",
    series: "DE_BASISZINSSATZ",
    marginPoints: 9,
    fixing: "half-year",
    compensation: FORTY_EUR,
  },
  BE: {
    ...base,
    name: "BE",
    law: "Loi du 2 août 2002",
    series: "ECB_MRO",
    marginPoints: 8,
    fixing: "half-year",
    roundsUpToHalfPoint: true,
    compensation: FORTY_EUR,
  },
  ES: {
    ...base,
    name: "ES",
    law: "Ley 3/2004",
    series: "ECB_MRO",
    marginPoints: 8,
    fixing: "half-year-before",
    compensation: FORTY_EUR,
  },
  IT: {
    ...base,
    name: "IT",
    law: "D.Lgs. 231/2002",
    series: "ECB_MRO",
    marginPoints: 8,
    fixing: "half-year",
    compensation: FORTY_EUR,
  },
  NL: {
    ...base,
    name: "NL",
    law: "BW 6:119a, 6:120",
    series: "ECB_MRO",
    marginPoints: 8,
    fixing: "half-year",
    capitalisesYearly: true,
    compensation: { kind: "nl-bik" },
  },
  UK: {
    ...base,
    name: "UK",
    law: "Late Payment of Commercial Debts (Interest) Act 1998",
    series: "BOE_BANK_RATE",
    marginPoints: 8,
    fixing: "once",
    compensation: { kind: "uk-bands" },
  },
};

/** Only France and Germany have a consumer regime in the legal pack; the directive is B2B only. */
const CONSUMER: Readonly<Partial<Record<Jurisdiction, Regime>>> = {
  FR: {
    ...base,
    name: "FR consumer",
    law: "Code civil 1231-6, 1344-1",
    // The "autres cas" series: the creditor is a company, not a private person.
    series: "FR_LEGAL_OTHER",
    marginPoints: 0,
    fixing: "half-year",
    needsFormalNotice: true,
    // No fixed compensation, and no collection costs may be charged to a consumer.
    compensation: { kind: "none" },
  },
  DE: {
    ...base,
    name: "DE consumer",
    law: "BGB §§ 247, 286, 288 Abs. 1",
    series: "DE_BASISZINSSATZ",
    marginPoints: 5,
    fixing: "half-year",
    compensation: { kind: "none" },
  },
};

/** The regime of a jurisdiction, or null when the legal pack has none for a consumer debtor there. */
export function regimeOf(jurisdiction: Jurisdiction, isConsumer: boolean): Regime | null {
  return isConsumer ? (CONSUMER[jurisdiction] ?? null) : B2B[jurisdiction];
}

export const CONSUMER_JURISDICTIONS = Object.keys(CONSUMER) as Jurisdiction[];

const EU_MEMBERS = new Set([
  "AT",
  "BG",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "GR",
  "HR",
  "HU",
  "IE",
  "LT",
  "LU",
  "LV",
  "MT",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
]);

/** The jurisdiction of a company from its country (ISO 3166): its own regime, the directive's, or none. */
export function jurisdictionOfCountry(country: string): Jurisdiction | null {
  const code = country.trim().toUpperCase();
  if (code === "GB" || code === "UK") return "UK";
  if (["FR", "DE", "BE", "ES", "IT", "NL"].includes(code)) return code as Jurisdiction;
  return EU_MEMBERS.has(code) ? "EU" : null;
}
