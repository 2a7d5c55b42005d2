import { describe, expect, it } from "vitest";
import { parseAmount, parseBoolean } from "./imports.rules";

describe("parseAmount", () => {
  it.each([
    ["1234.56", 123456],
    ["1234,56", 123456],
    ["1 234,56", 123456],
    ["1\u00a0234,56", 123456],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["1.234.567", 123456700],
    ["-12,5", -1250],
    ["12,50-", -1250],
    ["(12.50)", -1250],
    ["1 234,56 €", 123456],
    ["0", 0],
    ["100", 10000],
  ])("reads %s as %d cents", (text, minor) => {
    expect(parseAmount(text, "EUR")).toBe(minor);
  });

  // "1.234" is refused rather than guessed: three decimals do not exist in EUR.
  it.each(["", "abc", "12,345,67.8.9", "1.234", "--5", "1,2,3"])("refuses %s", (text) => {
    expect(parseAmount(text, "EUR")).toBeNull();
  });
});

describe("parseBoolean", () => {
  it.each([
    ["oui", true],
    ["X", true],
    ["1", true],
    ["non", false],
    ["", false],
    ["peut-être", null],
  ])("%s → %s", (text, expected) => {
    expect(parseBoolean(text)).toBe(expected);
  });
});
