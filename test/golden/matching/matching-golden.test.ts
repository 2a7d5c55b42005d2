import { describe, expect, it } from "vitest";
import { matchLine } from "../../../src/domain/matching/engine/match-line";
import { formatMajor } from "../../../src/shared/money";
import { buildWorld, type GoldenAllocation } from "./in-memory-context";
import { MATCHING_CASES } from "./matching-cases";

function major(minor: number): string {
  return formatMajor({ minor, currency: "EUR" });
}

function sorted(allocations: readonly GoldenAllocation[]): GoldenAllocation[] {
  return [...allocations].sort((a, b) => a.number.localeCompare(b.number));
}

describe("matching golden set", () => {
  it("has at least 60 cases with unique names", () => {
    expect(MATCHING_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(MATCHING_CASES.map((c) => c.name)).size).toBe(MATCHING_CASES.length);
  });

  it.each(MATCHING_CASES.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    const world = buildWorld(golden);
    const decision = matchLine(world.line, world.context, world.settings);
    const numberOf = (id: number): string => world.itemById.get(id)!.number;
    const top = decision.proposals[0];
    const { expected } = golden;

    expect(decision.outcome).toBe(expected.outcome);
    if (expected.outcome === "unmatched") {
      expect(decision.payerCustomerId).toBe(
        expected.customerRef ? world.customerIdOf.get(expected.customerRef) : null,
      );
      return;
    }
    expect(top).toBeDefined();
    if (!top) return;
    if (expected.customerRef) expect(world.customerRefOf.get(top.customerId)).toBe(expected.customerRef);
    const got = sorted(
      top.allocations.map((a) => ({ number: numberOf(a.invoiceId), amount: major(a.amountMinor) })),
    );
    if (expected.outcome === "apply") {
      expect(got).toEqual(sorted(expected.allocations ?? []));
      expect(
        top.writeOff && {
          number: numberOf(top.writeOff.invoiceId),
          amount: major(top.writeOff.amountMinor),
          reason: top.writeOff.reason,
        },
      ).toEqual(expected.writeOff ?? null);
      expect(major(top.unappliedMinor)).toBe(expected.unapplied ?? "0.00");
      expect(top.score).toBeGreaterThanOrEqual(world.settings.autoThreshold);
    } else if (expected.firstSuggestion) {
      expect(got).toEqual(sorted(expected.firstSuggestion));
    }

    // What holds for every proposal: the line's money is all accounted for, no item gets more than it owes.
    for (const p of decision.proposals) {
      const allocated = p.allocations.reduce((s, a) => s + a.amountMinor, 0);
      expect(allocated + p.unappliedMinor).toBe(world.line.amountMinor);
      expect(p.reasons.length).toBeGreaterThan(0);
      for (const a of p.allocations) {
        const item = world.itemById.get(a.invoiceId)!;
        expect(item.currency).toBe(world.line.currency);
        expect(item.customerId).toBe(p.customerId);
        const writtenOff = p.writeOff?.invoiceId === a.invoiceId ? p.writeOff.amountMinor : 0;
        if (item.openAmountMinor > 0)
          expect(a.amountMinor + writtenOff).toBeLessThanOrEqual(item.openAmountMinor);
        else expect(a.amountMinor).toBeGreaterThanOrEqual(item.openAmountMinor);
      }
      if (p.writeOff)
        expect(p.writeOff.amountMinor).toBeLessThanOrEqual(world.settings.writeOffToleranceMinor);
    }
  });

  it("decides the same way twice (deterministic)", () => {
    for (const golden of MATCHING_CASES) {
      const world = buildWorld(golden);
      expect(matchLine(world.line, world.context, world.settings)).toEqual(
        matchLine(world.line, world.context, world.settings),
      );
    }
  });
});
