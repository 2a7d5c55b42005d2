import { currencyExponent } from "../../shared/currencies";
import { decimal } from "../ledger/ledger.rules";
import {
  PRIORITY_FACTORS,
  type PriorityFactor,
  type PriorityWeights,
  type ScoreTerm,
} from "./agenda.schemas";

/** The weights a company uses until its credit manager saves its own. */
export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  overdueAmount: 30,
  daysPastDue: 25,
  riskClass: 15,
  strategic: 10,
  brokenPromises: 10,
  disputeAge: 10,
};

/** What the agenda knows of a customer when it scores one of its items. */
export type CustomerFactors = {
  overdueMinor: number;
  currency: string;
  maxDaysPastDue: number;
  riskClass: string | null;
  isStrategic: boolean;
  /** Promises broken or partly kept in the last 365 days. */
  brokenPromises: number;
  /** Days since the oldest dispute still open or under review was opened; 0 without one. */
  oldestDisputeDays: number;
};

/**
 * The scales of the factors: 90 days past due, 60 days of dispute, two broken promises reach the top; a
 * million in major units reaches the top of the overdue amount, whose scale is logarithmic so that small
 * debts still count. The agenda's statement ranks with the same scales (agenda.repo.ts).
 */
export const PRIORITY_SCALES = {
  daysPastDueFull: 90,
  disputeAgeFull: 60,
  brokenPromiseStep: 50,
  overdueDigitsFull: 6,
} as const;
const DAYS_PAST_DUE_FULL = PRIORITY_SCALES.daysPastDueFull;
const DISPUTE_AGE_FULL = PRIORITY_SCALES.disputeAgeFull;
const BROKEN_PROMISE_STEP = PRIORITY_SCALES.brokenPromiseStep;
const OVERDUE_DIGITS_FULL = PRIORITY_SCALES.overdueDigitsFull;

const RISK_LEVELS: Record<string, number> = {
  a: 0,
  "1": 0,
  low: 0,
  faible: 0,
  b: 33,
  "2": 25,
  c: 67,
  "3": 50,
  medium: 50,
  moyen: 50,
  d: 100,
  "4": 75,
  e: 100,
  "5": 100,
  high: 100,
  élevé: 100,
  eleve: 100,
};

function capped(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value * 10) / 10));
}

/**
 * The risk levels by class as written, lowercased, uppercased or capitalised, for a statement that looks a
 * class up without lowercasing it the way JavaScript does.
 */
export function riskLevelsByClass(): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const [key, level] of Object.entries(RISK_LEVELS)) {
    levels[key] = level;
    levels[key.toUpperCase()] = level;
    levels[`${key.charAt(0).toUpperCase()}${key.slice(1)}`] = level;
  }
  return levels;
}

/** The risk class as a factor: A (or 1, low) is 0, D (or 5, high) is 100; an unknown class counts half. */
export function riskFactor(riskClass: string | null): number {
  if (riskClass === null || riskClass.trim() === "") return 0;
  return RISK_LEVELS[riskClass.trim().toLowerCase()] ?? 50;
}

/** Each factor from 0 to 100. */
export function factorLevels(f: CustomerFactors): Record<PriorityFactor, number> {
  const major = Math.max(0, f.overdueMinor) / 10 ** currencyExponent(f.currency);
  return {
    overdueAmount: capped((100 * Math.log10(1 + major)) / OVERDUE_DIGITS_FULL),
    daysPastDue: capped((100 * f.maxDaysPastDue) / DAYS_PAST_DUE_FULL),
    riskClass: riskFactor(f.riskClass),
    strategic: f.isStrategic ? 100 : 0,
    brokenPromises: capped(f.brokenPromises * BROKEN_PROMISE_STEP),
    disputeAge: capped((100 * f.oldestDisputeDays) / DISPUTE_AGE_FULL),
  };
}

/** Each factor from 0 to 100, with what was measured. */
export function factorValues(f: CustomerFactors): Record<PriorityFactor, { factor: number; value: string }> {
  const levels = factorLevels(f);
  return {
    overdueAmount: {
      factor: levels.overdueAmount,
      value: `${decimal(f.overdueMinor, f.currency)} ${f.currency}`,
    },
    daysPastDue: { factor: levels.daysPastDue, value: String(f.maxDaysPastDue) },
    riskClass: { factor: levels.riskClass, value: f.riskClass ?? "" },
    strategic: { factor: levels.strategic, value: String(f.isStrategic) },
    brokenPromises: { factor: levels.brokenPromises, value: String(f.brokenPromises) },
    disputeAge: { factor: levels.disputeAge, value: String(f.oldestDisputeDays) },
  };
}

/**
 * The priority score: the sum over the factors of weight × factor / 100, so that with weights adding up
 * to 100 the score runs from 0 to 100. The explanation lists every term, in the order of the settings.
 */
export function priorityScore(
  weights: PriorityWeights,
  factors: CustomerFactors,
): { score: number; explanation: ScoreTerm[] } {
  const values = factorValues(factors);
  let total = 0;
  const explanation = PRIORITY_FACTORS.map((factor) => {
    const weight = weights[factor];
    const exact = (weight * values[factor].factor) / 100;
    total += exact;
    return {
      factor,
      weight,
      value: values[factor].value,
      factorValue: values[factor].factor,
      points: Math.round(exact * 10) / 10,
    };
  });
  return { score: Math.round(total * 10) / 10, explanation };
}
