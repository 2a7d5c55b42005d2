import { describe, expect, it } from "vitest";
import type { PlannedAction, RunDay } from "../../../domain/dunning/dunning.schemas";
import { isDayOff, mergeDays, plansByCustomer } from "./calendar-data";

function action(id: number, customerId: number, runDate: string): PlannedAction {
  return {
    id,
    runDate,
    customer: { id: customerId, externalRef: `C${customerId}`, name: `Client ${customerId}` },
    companyId: 1,
    currency: "EUR",
    invoiceNumbers: ["F-1"],
    scenario: "Standard",
    scenarioVersion: 1,
    step: "d+7",
    stepName: "Relance J+7",
    type: "email",
    channel: "email",
    recipient: "ap@example.com",
    reason: "",
    reasonData: {},
    params: {},
    status: "planned",
    statusReason: null,
    scheduledAt: `${runDate}T08:00:00Z`,
    amount: "100.00",
  } as PlannedAction;
}

function day(
  date: string,
  companyId: number,
  actions: PlannedAction[],
  skipped: string | null = null,
): RunDay {
  return { date, companyId, skipped, actions, deferred: [], cancelled: 0 } as unknown as RunDay;
}

describe("mergeDays", () => {
  it("puts the companies of one date together, in date order", () => {
    const merged = mergeDays([
      day("2026-04-07", 1, [action(1, 10, "2026-04-07")]),
      day("2026-04-06", 1, [], "not a working day"),
      day("2026-04-06", 2, [action(2, 20, "2026-04-06")]),
    ]);
    expect(merged.map((d) => [d.date, d.actions.length, d.skipped.length, d.companyCount])).toEqual([
      ["2026-04-06", 1, 1, 2],
      ["2026-04-07", 1, 0, 1],
    ]);
    expect(merged.map(isDayOff)).toEqual([false, false]);
    expect(isDayOff(mergeDays([day("2026-04-05", 1, [], "not a working day")])[0]!)).toBe(true);
  });
});

describe("plansByCustomer", () => {
  it("lists each customer once, soonest first", () => {
    const days = mergeDays([
      day("2026-04-06", 1, [action(1, 20, "2026-04-06")]),
      day("2026-04-07", 1, [action(2, 10, "2026-04-07"), action(3, 20, "2026-04-07")]),
    ]);
    const plans = plansByCustomer(days, "fr-FR");
    expect(plans.map((p) => [p.customer.id, p.actions.map((a) => a.id)])).toEqual([
      [20, [1, 3]],
      [10, [2]],
    ]);
  });
});
