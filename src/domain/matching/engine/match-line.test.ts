import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../shared/dates";
import type { CandidateCustomer, LineToMatch, MatchContext, OpenItem } from "./engine.types";
import { matchLine } from "./match-line";

const SETTINGS = { autoThreshold: 90, writeOffToleranceMinor: 100 };

function item(invoiceId: number, openAmountMinor: number, fields: Partial<OpenItem> = {}): OpenItem {
  return {
    invoiceId,
    customerId: 1,
    number: `FA-${invoiceId}`,
    type: openAmountMinor < 0 ? "credit_note" : "invoice",
    issueDate: "2024-01-01" as IsoDate,
    dueDate: `2024-02-${String((invoiceId % 28) + 1).padStart(2, "0")}` as IsoDate,
    openAmountMinor,
    currency: "EUR",
    paymentReference: null,
    ...fields,
  };
}

function line(amountMinor: number, fields: Partial<LineToMatch> = {}): LineToMatch {
  return {
    lineId: 1,
    bookingDate: "2024-03-25" as IsoDate,
    amountMinor,
    currency: "EUR",
    counterpartyName: null,
    counterpartyIban: "FR7630006000011234567890189",
    structuredReference: null,
    remittanceText: null,
    ...fields,
  };
}

function byIban(openItems: OpenItem[], customerId = 1): CandidateCustomer {
  return { customerId, name: "Dupont", evidence: ["iban"], nameSimilarity: null, openItems };
}

const context = (customers: CandidateCustomer[], extra: Partial<MatchContext> = {}): MatchContext => ({
  referenced: [],
  customers,
  sameAmount: [],
  ...extra,
});

describe("matchLine", () => {
  it("leaves debits and zero lines alone", () => {
    const ctx = context([byIban([item(1, 5000)])]);
    expect(matchLine(line(-5000), ctx, SETTINGS)).toEqual({
      outcome: "unmatched",
      proposals: [],
      payerCustomerId: null,
    });
    expect(matchLine(line(0), ctx, SETTINGS).outcome).toBe("unmatched");
  });

  it("allocates only items in the line's currency", () => {
    const ctx = context([byIban([item(1, 5000, { currency: "USD" })])]);
    const decision = matchLine(line(5000), ctx, SETTINGS);
    expect(decision.outcome).toBe("unmatched");
    expect(decision.payerCustomerId).toBe(1);
  });

  it("explains an applied match with reason codes and values", () => {
    const decision = matchLine(line(5000), context([byIban([item(1, 5000), item(2, 7000)])]), SETTINGS);
    expect(decision.outcome).toBe("apply");
    expect(decision.proposals[0]?.reasons).toEqual([
      { code: "iban_known", values: { iban: "FR7630006000011234567890189" } },
      { code: "amount_exact", values: { amountMinor: 5000, number: "FA-1" } },
    ]);
  });

  it("ranks equal proposals by due date, then invoice id", () => {
    const items = [
      item(7, 5000, { dueDate: "2024-02-01" as IsoDate }),
      item(3, 5000, { dueDate: "2024-02-01" as IsoDate }),
    ];
    const decision = matchLine(line(5000), context([byIban(items)]), SETTINGS);
    expect(decision.outcome).toBe("suggest");
    expect(decision.proposals.map((p) => p.allocations[0]?.invoiceId)).toEqual([3, 7]);
  });

  it("never gives an item more than its open amount", () => {
    const referenced = [{ item: item(1, 5000), via: "invoice_number" as const, key: "FA1" }];
    const decision = matchLine(
      line(9000, { remittanceText: "FA-1" }),
      context([byIban([item(1, 5000)])], { referenced }),
      SETTINGS,
    );
    expect(decision.outcome).toBe("apply");
    expect(decision.proposals[0]?.allocations).toEqual([{ invoiceId: 1, amountMinor: 5000 }]);
    expect(decision.proposals[0]?.unappliedMinor).toBe(4000);
  });

  it("stays bounded on a customer with hundreds of open items", () => {
    const items = Array.from({ length: 400 }, (_, i) => item(i + 1, 1000 + (i % 13) * 100));
    const decision = matchLine(line(7_654_321), context([byIban(items)]), SETTINGS);
    expect(decision.outcome).toBe("unmatched");
    expect(decision.payerCustomerId).toBe(1);
  });

  it("whatever the context: money accounted for, no item over-allocated, one currency, deterministic", () => {
    const itemArb = fc.record({
      amount: fc.integer({ min: -20000, max: 50000 }).filter((n) => n !== 0),
      customer: fc.integer({ min: 1, max: 3 }),
      usd: fc.boolean(),
      ref: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 14 }),
        fc.integer({ min: 1, max: 120000 }),
        fc.subarray([1, 2, 3]),
        fc.option(fc.constantFrom("acompte", "FA-1 FA-2", "FA-3", "facture 4"), { nil: null }),
        (specs, amountMinor, ibanCustomers, remittanceText) => {
          const items = specs.map((spec, i) =>
            item(i + 1, spec.amount, {
              customerId: spec.customer,
              currency: spec.usd ? "USD" : "EUR",
              paymentReference: spec.ref ? `REF${i + 1}` : null,
            }),
          );
          const customers = [1, 2, 3].map((customerId) => ({
            customerId,
            name: `C${customerId}`,
            evidence: ibanCustomers.includes(customerId)
              ? (["iban"] as const).slice()
              : (["name"] as const).slice(),
            nameSimilarity: ibanCustomers.includes(customerId) ? null : 0.85,
            openItems: items.filter((i) => i.customerId === customerId),
          }));
          const referenced = items
            .filter((i) => i.paymentReference !== null && i.invoiceId % 3 === 0)
            .map((i) => ({ item: i, via: "reference" as const, key: i.paymentReference! }));
          const ctx = context(customers, { referenced });
          const decision = matchLine(line(amountMinor, { remittanceText }), ctx, SETTINGS);
          expect(matchLine(line(amountMinor, { remittanceText }), ctx, SETTINGS)).toEqual(decision);
          if (decision.outcome === "apply") expect(decision.proposals[0]!.score).toBeGreaterThanOrEqual(90);
          for (const p of decision.proposals) {
            const allocated = p.allocations.reduce((sum, a) => sum + a.amountMinor, 0);
            expect(allocated + p.unappliedMinor).toBe(amountMinor);
            expect(p.unappliedMinor).toBeGreaterThanOrEqual(0);
            expect(p.score).toBeGreaterThanOrEqual(0);
            expect(p.score).toBeLessThanOrEqual(100);
            for (const a of p.allocations) {
              const it = items.find((i) => i.invoiceId === a.invoiceId)!;
              expect(it.currency).toBe("EUR");
              expect(it.customerId).toBe(p.customerId);
              const writtenOff = p.writeOff?.invoiceId === a.invoiceId ? p.writeOff.amountMinor : 0;
              if (it.openAmountMinor > 0) {
                expect(a.amountMinor).toBeGreaterThan(0);
                expect(a.amountMinor + writtenOff).toBeLessThanOrEqual(it.openAmountMinor);
              } else expect(a.amountMinor).toBe(it.openAmountMinor);
            }
            if (p.writeOff)
              expect(p.writeOff.amountMinor).toBeLessThanOrEqual(SETTINGS.writeOffToleranceMinor);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
