import { describe, expect, it } from "vitest";
import { formatMajor } from "../../shared/money";
import { bikMinor, fixedCompensation, ukFixedSumMinor } from "./compensation.rules";

const eur = (minor: number) => formatMajor({ minor, currency: "EUR" });

describe("fixed compensation", () => {
  it.each<[number, string]>([
    [20_000, "40.00"],
    [26_667, "40.00"],
    [26_700, "40.05"],
    [100_000, "150.00"],
    [250_000, "375.00"],
    [300_000, "425.00"],
    [1_000_000, "875.00"],
    [2_000_000, "975.00"],
    [25_000_000, "3025.00"],
    [100_000_000, "6775.00"],
    [200_000_000, "6775.00"],
  ])("NL BIK scale on %i cents: %s", (principalMinor, expected) => {
    expect(eur(bikMinor(principalMinor))).toBe(expected);
  });

  it.each<[number, number]>([
    [99_999, 4_000],
    [100_000, 7_000],
    [999_999, 7_000],
    [1_000_000, 10_000],
  ])("UK fixed sum on %i pence: %i", (debtMinor, expected) => {
    expect(ukFixedSumMinor(debtMinor)).toBe(expected);
  });

  it("gives 40 EUR whatever the debt, and nothing where none is owed", () => {
    expect(fixedCompensation({ kind: "flat", minor: 4000, currency: "EUR" }, 1, "EUR").amount).toEqual({
      minor: 4000,
      currency: "EUR",
    });
    expect(fixedCompensation({ kind: "none" }, 500_000, "EUR")).toEqual({
      amount: { minor: 0, currency: "EUR" },
      flags: [],
    });
  });
});
