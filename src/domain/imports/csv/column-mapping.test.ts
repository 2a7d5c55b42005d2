import { describe, expect, it } from "vitest";
import { toDecimalText, toIsoText } from "./column-mapping";

describe("column mapping formats", () => {
  it.each([
    ["05.01.2026", "DD.MM.YYYY", "2026-01-05"],
    ["1/5/2026", "MM/DD/YYYY", "2026-01-05"],
    ["20260105", "YYYYMMDD", "2026-01-05"],
    ["05/01/2026", "auto", "05/01/2026"],
    ["2026-01-05", "DD.MM.YYYY", "2026-01-05"],
  ] as const)("%s written %s reads %s", (text, format, expected) => {
    expect(toIsoText(text, format)).toBe(expected);
  });

  it.each([
    ["1.234,50", ",", "1234.50"],
    ["1,234.50", ".", "1234.50"],
    ["1 234,5", ",", "1234.5"],
    ["1234,5", "auto", "1234,5"],
  ] as const)("%s with separator %s reads %s", (text, separator, expected) => {
    expect(toDecimalText(text, separator)).toBe(expected);
  });
});
