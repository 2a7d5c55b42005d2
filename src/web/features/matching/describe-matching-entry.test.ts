import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { timelineEntry } from "../customers/timeline-entry.test-support";
import { describeMatchingEntry } from "./describe-matching-entry";

const fr = createTranslate("fr");
const en = createTranslate("en");

/** As applyMatches writes a bank line matched by the run. */
const matched = timelineEntry("payment_matched", {
  lineId: 501,
  amount: "1240.50",
  currency: "EUR",
  invoiceIds: [71, 72],
  invoiceNumbers: ["FA-2026-0102", "FA-2026-0103"],
  rule: "combination",
  automatic: true,
});

describe("describeMatchingEntry: payments matched", () => {
  it("says a bank payment matched, by which rule, with the items it settles", () => {
    expect(describeMatchingEntry(matched, fr, "fr-FR")).toEqual({
      title: "Encaissement bancaire de 1\u202f240,50\u00a0€ lettré",
      details: ["règle : combinaison de pièces", "lettrage automatique"],
      invoiceNumbers: ["FA-2026-0102", "FA-2026-0103"],
    });
    expect(describeMatchingEntry(matched, en, "en-GB")).toEqual({
      title: "Bank payment of €1,240.50 matched",
      details: ["rule: combination of items", "automatic matching"],
      invoiceNumbers: ["FA-2026-0102", "FA-2026-0103"],
    });
  });

  it("says a payment kept as unapplied cash on the customer", () => {
    const kept = timelineEntry("payment_matched", {
      lineId: 502,
      amount: "80.00",
      currency: "EUR",
      invoiceIds: null,
      invoiceNumbers: [],
      rule: "manual",
      automatic: false,
    });
    expect(describeMatchingEntry(kept, fr, "fr-FR")).toEqual({
      title: "Encaissement bancaire de 80,00\u00a0€ conservé en règlement non affecté",
      details: ["règle : lettrage manuel"],
      invoiceNumbers: [],
    });
    expect(describeMatchingEntry(kept, en, "en-GB")?.title).toBe(
      "Bank payment of €80.00 kept as unapplied cash",
    );
  });

  it("leaves a match written before the numbers were kept to the summary", () => {
    const older = timelineEntry("payment_matched", {
      lineId: 501,
      amount: "1240.50",
      currency: "EUR",
      invoiceIds: [71],
      rule: "exact_amount",
      automatic: true,
    });
    expect(describeMatchingEntry(older, fr, "fr-FR")).toBeNull();
  });
});

describe("describeMatchingEntry: matches taken back", () => {
  /** As reverseMatch writes it. */
  const unmatched = (cause: string, reason: string | null, returnCode: string | null = null) =>
    timelineEntry("payment_unmatched", {
      lineId: 501,
      matchId: 33,
      reason,
      reopened: ["FA-2026-0102", "FA-2026-0103"],
      cause,
      returnCode,
      amount: "440.50",
      currency: "EUR",
    });

  it("says a match undone by a person, the items reopened and why", () => {
    expect(describeMatchingEntry(unmatched("undone", "mauvaise facture"), fr, "fr-FR")).toEqual({
      title: "Lettrage annulé : encaissement bancaire de 440,50\u00a0€",
      details: ["pièces rouvertes : FA-2026-0102, FA-2026-0103", "motif : mauvaise facture"],
      invoiceNumbers: [],
    });
    expect(describeMatchingEntry(unmatched("undone", "wrong invoice"), en, "en-GB")).toEqual({
      title: "Matching undone: bank payment of €440.50",
      details: ["items reopened: FA-2026-0102, FA-2026-0103", "reason: wrong invoice"],
      invoiceNumbers: [],
    });
  });

  it("says a payment taken back to be matched again by hand", () => {
    const rematched = unmatched("rematched", "matched again");
    expect(describeMatchingEntry(rematched, fr, "fr-FR")?.title).toBe(
      "Encaissement bancaire de 440,50\u00a0€ repris pour un nouveau lettrage",
    );
    expect(describeMatchingEntry(rematched, en, "en-GB")).toEqual({
      title: "Bank payment of €440.50 taken back to be matched again",
      details: ["items reopened: FA-2026-0102, FA-2026-0103"],
      invoiceNumbers: [],
    });
  });

  it("says a direct debit returned by the bank, with its return code", () => {
    const returned = timelineEntry("payment_unmatched", {
      lineId: 501,
      matchId: 34,
      reason: "returned, reason AC06",
      reopened: ["FA-2026-0102"],
      cause: "returned",
      returnCode: "AC06",
      amount: "440.50",
      currency: "EUR",
    });
    expect(describeMatchingEntry(returned, fr, "fr-FR")).toEqual({
      title: "Prélèvement de 440,50\u00a0€ rejeté par la banque",
      details: ["pièce rouverte : FA-2026-0102", "motif du rejet : AC06"],
      invoiceNumbers: [],
    });
    expect(describeMatchingEntry(returned, en, "en-GB")).toEqual({
      title: "Direct debit of €440.50 returned by the bank",
      details: ["item reopened: FA-2026-0102", "return reason: AC06"],
      invoiceNumbers: [],
    });
  });

  it("leaves rows written before the cause was kept, and other modules, to the summary", () => {
    const older = timelineEntry("payment_unmatched", { lineId: 1, matchId: 2, reason: null, reopened: [] });
    expect(describeMatchingEntry(older, fr, "fr-FR")).toBeNull();
    expect(
      describeMatchingEntry(timelineEntry("payment", { amount: "1", currency: "EUR" }), fr, "fr-FR"),
    ).toBeNull();
  });
});
