import { describe, expect, it } from "vitest";
import { type CustomerFactors, DEFAULT_PRIORITY_WEIGHTS, priorityScore, riskFactor } from "./agenda.rules";

const quiet: CustomerFactors = {
  overdueMinor: 0,
  currency: "EUR",
  maxDaysPastDue: 0,
  riskClass: null,
  isStrategic: false,
  brokenPromises: 0,
  oldestDisputeDays: 0,
};

describe("riskFactor", () => {
  it.each([
    [null, 0],
    ["A", 0],
    ["b", 33],
    ["C", 67],
    ["D", 100],
    ["3", 50],
    ["high", 100],
    ["Z9", 50],
  ])("class %s counts %d", (risk, factor) => {
    expect(riskFactor(risk)).toBe(factor);
  });
});

describe("priorityScore", () => {
  it("is zero for a customer that owes nothing overdue", () => {
    const { score, explanation } = priorityScore(DEFAULT_PRIORITY_WEIGHTS, quiet);
    expect(score).toBe(0);
    expect(explanation.map((t) => t.factor)).toEqual([
      "overdueAmount",
      "daysPastDue",
      "riskClass",
      "strategic",
      "brokenPromises",
      "disputeAge",
    ]);
  });

  it.each([
    // 1,700.00 EUR overdue: 100 × log10(1701) / 6 = 53.8; 10 days: 100 × 10 / 90 = 11.1.
    [{ overdueMinor: 170000, maxDaysPastDue: 10 }, 18.9],
    // A million overdue 90 days, class D, strategic, two broken promises, a dispute 60 days old: every factor full.
    [
      {
        overdueMinor: 100_000_000,
        maxDaysPastDue: 90,
        riskClass: "D",
        isStrategic: true,
        brokenPromises: 2,
        oldestDisputeDays: 60,
      },
      100,
    ],
    // Past the top of each scale the factor stays at 100.
    [{ maxDaysPastDue: 400, brokenPromises: 7, oldestDisputeDays: 365 }, 45],
    // JPY has no decimals: 1,700 yen are 1,700 major units.
    [{ overdueMinor: 1700, currency: "JPY" }, 16.1],
  ])("scores %o as %d with the default weights", (factors, expected) => {
    expect(priorityScore(DEFAULT_PRIORITY_WEIGHTS, { ...quiet, ...factors }).score).toBe(expected);
  });

  it("explains each term as weight × factor / 100", () => {
    const weights = { ...DEFAULT_PRIORITY_WEIGHTS, strategic: 40 };
    const { score, explanation } = priorityScore(weights, { ...quiet, isStrategic: true, riskClass: "C" });
    expect(explanation.find((t) => t.factor === "strategic")).toEqual({
      factor: "strategic",
      weight: 40,
      value: "true",
      factorValue: 100,
      points: 40,
    });
    expect(explanation.find((t) => t.factor === "riskClass")).toMatchObject({ value: "C", points: 10.1 });
    expect(score).toBe(50.1);
  });
});
