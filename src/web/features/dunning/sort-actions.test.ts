import { describe, expect, it } from "vitest";
import { compareDecimal } from "./sort-actions";

describe("compareDecimal", () => {
  it.each([
    ["10.00", "9.99", 1],
    ["9.99", "10", -1],
    ["1234.5", "1234.50", 0],
    ["-5", "3", -1],
    ["-5", "-3", -1],
    ["0.10", "0.09", 1],
    ["100000000000000000000.01", "100000000000000000000.02", -1],
  ])("%s vs %s → %d", (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
  });
});
