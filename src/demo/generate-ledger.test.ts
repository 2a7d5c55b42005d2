import { describe, expect, it } from "vitest";
import { addMonths, type IsoDate, toEpochDay, weekday } from "../shared/dates";
import { type Behaviour, type DemoCustomer, generateCustomer, type Segment } from "./generate-customer";
import { type DemoLedger, generateLedger, type Numbering, workingDaysBetween } from "./generate-ledger";
import { createRandom } from "./random";

const TODAY = "2026-03-31" as IsoDate;

function numbering(): Numbering {
  let n = 0;
  return { document: (kind, year) => `${kind}-${year}-${++n}`, payment: () => `P${++n}` };
}

const workingDays = workingDaysBetween(toEpochDay(addMonths(TODAY, -18)), toEpochDay(TODAY));

function population(count: number): { customer: DemoCustomer; ledger: DemoLedger }[] {
  const random = createRandom(99);
  const numbers = numbering();
  return Array.from({ length: count }, (_, i) => {
    const customer = generateCustomer(random, { company: i % 4 === 0 ? "DE" : "FR", externalRef: `C${i}` });
    const ledger = generateLedger(random, customer, {
      today: toEpochDay(TODAY),
      workingDays,
      documentCount: 10,
      numbering: numbers,
    });
    return { customer, ledger };
  });
}

const share = <K extends string>(items: K[], key: K) => items.filter((k) => k === key).length / items.length;

describe("generateCustomer and generateLedger", () => {
  const people = population(1500);

  it.each<[Segment, number]>([
    ["key_accounts", 0.05],
    ["smes", 0.6],
    ["public_sector", 0.15],
    ["individuals", 0.2],
  ])("draws about the expected share of %s", (segment, expected) => {
    expect(
      share(
        people.map((p) => p.customer.segment),
        segment,
      ),
    ).toBeCloseTo(expected, 1);
  });

  it.each<[Behaviour, number]>([
    ["on_time", 0.4],
    ["slightly_late", 0.25],
    ["chronically_late", 0.15],
    ["disputing", 0.08],
    ["partial_payers", 0.12],
  ])("draws about the expected share of %s payers", (behaviour, expected) => {
    expect(
      share(
        people.map((p) => p.customer.behaviour),
        behaviour,
      ),
    ).toBeCloseTo(expected, 1);
  });

  it("keeps every ledger consistent: allocations, open amounts, signs and dates", () => {
    for (const { ledger } of people) {
      const allocated = new Map<number, number>();
      for (const payment of ledger.payments) {
        const sum = payment.allocations.reduce((s, a) => s + a.amountMinor, 0);
        expect(payment.allocations.length).toBeGreaterThan(0);
        expect(payment.amountMinor - sum).toBe(payment.unappliedMinor);
        expect(payment.unappliedMinor).toBeGreaterThanOrEqual(0);
        expect(payment.date <= TODAY).toBe(true);
        for (const a of payment.allocations)
          allocated.set(a.document, (allocated.get(a.document) ?? 0) + a.amountMinor);
      }
      ledger.documents.forEach((document, index) => {
        expect(document.amountMinor - (allocated.get(index) ?? 0)).toBe(document.openAmountMinor);
        expect(Math.sign(document.amountMinor)).toBe(document.type === "credit_note" ? -1 : 1);
        expect(document.openAmountMinor * document.amountMinor).toBeGreaterThanOrEqual(0);
        expect(document.dueDate >= document.issueDate).toBe(true);
        expect(weekday(document.issueDate)).toBeLessThanOrEqual(5);
      });
    }
  });

  it("pays on-time customers by the due date and leaves some items of bad payers open long past due", () => {
    const lateness = (behaviour: Behaviour) =>
      people
        .filter((p) => p.customer.behaviour === behaviour && p.customer.segment !== "public_sector")
        .flatMap(({ ledger }) =>
          ledger.payments.flatMap((payment) =>
            payment.allocations
              .map((a) => ledger.documents[a.document]!)
              .filter((d) => d.type === "invoice")
              .map((d) => toEpochDay(payment.date) - toEpochDay(d.dueDate)),
          ),
        );
    expect(Math.max(...lateness("on_time"))).toBeLessThanOrEqual(0);
    // Payment runs settle a later item together with an earlier one, so look at the typical delay.
    const chronic = lateness("chronically_late");
    expect(chronic.filter((days) => days >= 30).length / chronic.length).toBeGreaterThan(0.8);
    const longOverdue = people
      .filter((p) => p.customer.behaviour === "disputing")
      .flatMap((p) => p.ledger.documents)
      .filter((d) => d.openAmountMinor > 0 && toEpochDay(TODAY) - toEpochDay(d.dueDate) > 90);
    expect(longOverdue.length).toBeGreaterThan(0);
  });
});
