import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, keptRatePercent, promiseOutcome } from "./workbench.rules";
import type { DisputeStatus } from "./workbench.schemas";

describe("promiseOutcome", () => {
  it.each([
    [100000, 100000, "kept"],
    [100000, 120000, "kept"],
    [100000, 99999, "partly_kept"],
    [100000, 1, "partly_kept"],
    [100000, 0, "broken"],
  ] as const)("promised %i, paid %i → %s", (amount, paid, expected) => {
    expect(promiseOutcome(amount, paid)).toBe(expected);
  });
});

describe("keptRatePercent", () => {
  it.each([
    [{ kept: 0, partlyKept: 0, broken: 0 }, null],
    [{ kept: 1, partlyKept: 0, broken: 0 }, 100],
    [{ kept: 0, partlyKept: 1, broken: 1 }, 0],
    [{ kept: 1, partlyKept: 1, broken: 1 }, 33.33],
    [{ kept: 2, partlyKept: 0, broken: 1 }, 66.67],
    [{ kept: 1, partlyKept: 7, broken: 0 }, 12.5],
    [{ kept: 1, partlyKept: 0, broken: 7 }, 12.5],
  ])("%o → %s", (counts, expected) => {
    expect(keptRatePercent(counts)).toBe(expected);
  });
});

describe("dispute workflow", () => {
  it.each([
    ["open", "under_review", true],
    ["under_review", "resolved", true],
    ["under_review", "rejected", true],
    ["resolved", "closed", true],
    ["rejected", "closed", true],
    ["open", "closed", false],
    ["open", "resolved", false],
    ["under_review", "open", false],
    ["resolved", "rejected", false],
    ["closed", "open", false],
    ["open", "open", false],
  ] as const)("%s → %s allowed: %s", (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });

  it("refuses a transition with INVALID_STATE naming what is allowed", () => {
    const attempt = (from: DisputeStatus, to: DisputeStatus) => () => assertTransition(from, to);
    expect(attempt("open", "closed")).toThrowError(/allowed: under_review/);
    expect(attempt("closed", "open")).toThrowError(expect.objectContaining({ code: "INVALID_STATE" }));
  });
});
