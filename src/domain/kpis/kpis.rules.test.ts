import { describe, expect, it } from "vitest";
import { isoDate } from "../../shared/dates";
import { dsoCountback, dsoSimple, percent, periodOf, rollingMonth, round2 } from "./kpis.rules";

describe("dsoCountback", () => {
  const months = [
    { sales: 3700, days: 31 },
    { sales: 3300, days: 28 },
    { sales: 4900, days: 31 },
  ];
  it.each([
    { ar: 0, expected: 0 },
    { ar: -100, expected: 0 },
    { ar: 1850, expected: 15.5 },
    { ar: 3700, expected: 31 },
    { ar: 7000, expected: 59 },
    { ar: 9450, expected: 59 + 15.5 },
    // more AR than all the months' sales: every month counts whole
    { ar: 20000, expected: 90 },
  ])("AR $ar → $expected days", ({ ar, expected }) => {
    expect(dsoCountback(ar, months)).toBeCloseTo(expected, 10);
  });

  it("counts a month without sales as covered", () => {
    expect(
      dsoCountback(100, [
        { sales: 0, days: 30 },
        { sales: 200, days: 31 },
      ]),
    ).toBe(45.5);
  });
});

describe("periods", () => {
  it.each([
    { date: "2026-03-31", after: "2025-12-31", days: 90 },
    { date: "2026-05-15", after: "2026-02-15", days: 89 },
    // a month end walks back through calendar months: the second quarter
    { date: "2026-06-30", after: "2026-03-31", days: 91 },
    { date: "2026-02-28", after: "2025-11-30", days: 90 },
  ])("the period ending $date starts after $after", ({ date, after, days }) => {
    expect(periodOf(isoDate(date))).toEqual({ after, through: date, days });
  });

  it("clamps rolling months to month ends", () => {
    expect(rollingMonth(isoDate("2026-03-31"), 2)).toEqual({
      after: "2026-01-31",
      through: "2026-02-28",
      days: 28,
    });
  });
});

describe("ratios and rounding", () => {
  it.each([
    { value: 45.3125, expected: 45.31 },
    { value: 10.125, expected: 10.13 },
    { value: -2.005, expected: -2.01 },
    { value: null, expected: null },
  ])("round2($value) = $expected", ({ value, expected }) => {
    expect(round2(value)).toBe(expected);
  });

  it("answers null when nothing is there to divide by", () => {
    expect(dsoSimple(100, 0, 90)).toBeNull();
    expect(percent(1, 0)).toBeNull();
  });
});
