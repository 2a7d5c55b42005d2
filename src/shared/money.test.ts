import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, allocate, formatMajor, money, parseMajor, subtract, sum } from "./money";

describe("money", () => {
  it.each([
    ["129.70", "EUR", 12970],
    ["129,7", "EUR", 12970],
    ["-3.5", "EUR", -350],
    ["0", "EUR", 0],
    ["1000", "JPY", 1000],
    ["1.234", "KWD", 1234],
    ["0012.00", "EUR", 1200],
  ])("parses %s %s as %d minor units", (text, currency, minor) => {
    expect(parseMajor(text, currency)).toEqual({ minor, currency });
  });

  it.each([
    ["1.234", "EUR", /more than 2 decimals/],
    ["12.5", "JPY", /more than 0 decimals/],
    ["1e3", "EUR", /not a decimal amount/],
    ["", "EUR", /not a decimal amount/],
    ["10", "XYZ", /Unknown currency/],
  ])("refuses %s %s", (text, currency, message) => {
    expect(() => parseMajor(text, currency)).toThrow(message);
  });

  it.each([
    [12970, "EUR", "129.70"],
    [-5, "EUR", "-0.05"],
    [0, "EUR", "0.00"],
    [1000, "JPY", "1000"],
    [1, "KWD", "0.001"],
  ])("formats %d %s as %s", (minor, currency, text) => {
    expect(formatMajor(money(minor, currency))).toBe(text);
  });

  it("refuses floats and unsafe integers", () => {
    expect(() => money(1.5, "EUR")).toThrow(/safe integer/);
    expect(() => money(2 ** 53, "EUR")).toThrow(/safe integer/);
  });

  it("never adds two currencies", () => {
    expect(() => add(money(1, "EUR"), money(1, "USD"))).toThrow(/Cannot combine EUR and USD/);
    expect(() => sum([money(1, "EUR"), money(1, "GBP")], "EUR")).toThrow(/Cannot add GBP/);
    expect(subtract(money(500, "EUR"), money(200, "EUR"))).toEqual(money(300, "EUR"));
  });

  it("allocates 100.00 in three parts exactly", () => {
    expect(allocate(money(10000, "EUR"), [1, 1, 1]).map((m) => m.minor)).toEqual([3334, 3333, 3333]);
    expect(allocate(money(-10000, "EUR"), [1, 1, 1]).map((m) => m.minor)).toEqual([-3334, -3333, -3333]);
  });

  it("allocation parts always add up to the amount (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (minor, weights) => {
          const parts = allocate(money(minor, "EUR"), weights);
          expect(parts.reduce((a, p) => a + p.minor, 0)).toBe(minor);
          expect(parts).toHaveLength(weights.length);
        },
      ),
    );
  });

  it("format then parse is the identity (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom("EUR", "JPY", "KWD"),
        (minor, currency) => {
          expect(parseMajor(formatMajor(money(minor, currency)), currency).minor).toBe(minor);
        },
      ),
    );
  });
});
