import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  daysBetween,
  endOfMonth,
  fromEpochDay,
  type IsoDate,
  isoDate,
  parseDate,
  toEpochDay,
  toIsoDateInZone,
  weekday,
} from "./dates";

const d = (text: string) => text as IsoDate;

describe("dates", () => {
  it.each([
    ["2025-01-20", "2025-01-20"],
    ["20/01/2025", "2025-01-20"],
    ["1/2/2024", "2024-02-01"],
    ["29/02/2024", "2024-02-29"],
    [" 2025-12-31 ", "2025-12-31"],
  ])("parses %s", (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each(["2025-02-29", "31/04/2025", "2025-13-01", "2025-1-1", "tomorrow", ""])("rejects %s", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it("explains a bad date", () => {
    expect(() => isoDate("2025-02-30")).toThrow(/not a valid date/);
  });

  it.each([
    ["2025-01-20", 30, "2025-02-19"],
    ["2025-01-20", 45, "2025-03-06"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-03-30", 1, "2025-03-31"],
    ["2025-10-26", 1, "2025-10-27"],
    ["2025-01-01", -1, "2024-12-31"],
  ])("%s + %d days = %s (no DST shift)", (from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
  });

  it.each([
    ["2025-01-20", "2025-01-31"],
    ["2024-02-10", "2024-02-29"],
    ["2100-02-10", "2100-02-28"],
  ])("end of month of %s is %s", (date, expected) => {
    expect(endOfMonth(d(date))).toBe(expected);
  });

  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-15", -3, "2024-12-15"],
    ["2025-01-20", 18, "2026-07-20"],
  ])("%s + %d months = %s", (date, months, expected) => {
    expect(addMonths(d(date), months)).toBe(expected);
  });

  it("knows weekdays and distances", () => {
    expect(weekday(d("2026-11-23"))).toBe(1);
    expect(weekday(d("2026-11-29"))).toBe(7);
    expect(daysBetween(d("2025-01-20"), d("2025-03-06"))).toBe(45);
    expect(toEpochDay(d("1970-01-01"))).toBe(0);
  });

  it("takes the calendar date in the company's time zone", () => {
    const lateEvening = new Date("2026-03-31T22:30:00Z");
    expect(toIsoDateInZone(lateEvening, "Europe/Paris")).toBe("2026-04-01");
    expect(toIsoDateInZone(lateEvening, "UTC")).toBe("2026-03-31");
  });

  it("epoch days round-trip (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_900_000 }), (n) => {
        expect(toEpochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });

  it("agrees with the JavaScript calendar (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const viaJs = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(n)).toBe(viaJs);
      }),
    );
  });
});
