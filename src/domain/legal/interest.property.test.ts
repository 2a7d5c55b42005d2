import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, fromEpochDay, toEpochDay } from "../../shared/dates";
import { formatMajor } from "../../shared/money";
import { computeInterest } from "./interest.rules";
import { d, shippedTable } from "./interest.test-support";
import type { InterestCase } from "./interest-case";
import type { Jurisdiction } from "./legal.schemas";
import { ZERO } from "./legal-decimal";

const FIRST = toEpochDay(d("2023-01-01"));
const LAST = toEpochDay(d("2026-06-30"));

/** Random B2B cases inside the shipped table: amount, due date, up to 4 payments, a period up to ~3 years. */
const cases = fc
  .record({
    jurisdiction: fc.constantFrom<Jurisdiction>("FR", "DE", "BE", "ES", "IT", "NL", "EU", "UK"),
    amountMinor: fc.integer({ min: 1, max: 50_000_000 }),
    due: fc.integer({ min: FIRST, max: LAST }),
    length: fc.integer({ min: 0, max: 1100 }),
    payments: fc.array(
      fc.record({
        offset: fc.double({ min: 0, max: 1, noNaN: true }),
        minor: fc.integer({ min: 1, max: 20_000_000 }),
      }),
      {
        maxLength: 4,
      },
    ),
  })
  .map(({ jurisdiction, amountMinor, due, length, payments }): InterestCase => {
    const dueDate = fromEpochDay(due);
    return {
      jurisdiction,
      currency: jurisdiction === "UK" ? "GBP" : "EUR",
      amountMinor,
      dueDate,
      until: addDays(dueDate, length),
      payments: payments.map((p) => ({
        date: addDays(dueDate, Math.floor(p.offset * length)),
        amountMinor: p.minor,
      })),
      isConsumer: false,
      allocation: "principal-first",
    };
  });

describe("interest properties", () => {
  it("is the one rounding of the exact segments, never negative, never more days than the period", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const outcome = computeInterest(c, shippedTable);
        const exact = outcome.segments.reduce((sum, s) => sum.plus(s.interest), ZERO);
        expect(formatMajor({ minor: outcome.interestMinor, currency: c.currency })).toBe(exact.toFixed(2));
        expect(outcome.interestMinor).toBeGreaterThanOrEqual(0);
        const days = outcome.segments.reduce((sum, s) => sum + s.days, 0);
        expect(days).toBeLessThanOrEqual(daysBetween(c.dueDate, c.until));
        for (const s of outcome.segments) expect(daysBetween(s.from, s.to) + 1).toBe(s.days);
      }),
      { numRuns: 300 },
    );
  });

  it("interest-first never yields less interest than principal-first", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const principalFirst = computeInterest(c, shippedTable).interest;
        const interestFirst = computeInterest({ ...c, allocation: "interest-first" }, shippedTable).interest;
        expect(interestFirst.greaterThanOrEqualTo(principalFirst)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a later end date never yields less interest", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 400 }), (c, more) => {
        const sooner = computeInterest(c, shippedTable).interest;
        const later = computeInterest({ ...c, until: addDays(c.until, more) }, shippedTable).interest;
        expect(later.greaterThanOrEqualTo(sooner)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
