import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { describeTimelineEntry } from "./describe-timeline-entry";
import { timelineEntry } from "./timeline-entry.test-support";

const fr = createTranslate("fr");
const en = createTranslate("en");

describe("describeTimelineEntry: lettering undone in the accounting", () => {
  const undone = timelineEntry("allocation_reversed", {
    paymentRef: "BQ-3-1",
    invoiceRef: "VE-1-1",
    amountMinor: 120000,
    currency: "EUR",
    fileName: "FEC-2.txt",
  });

  it("says which payment and how much, in the reader's language", () => {
    expect(describeTimelineEntry(undone, createTranslate("fr"), "fr-FR")).toEqual({
      title: "Lettrage annulé dans la comptabilité : règlement BQ-3-1, 1\u202f200,00\u00a0€",
      details: ["fichier FEC-2.txt"],
      invoiceNumbers: [],
    });
    expect(describeTimelineEntry(undone, createTranslate("en"), "en-GB").title).toBe(
      "Lettering undone in the accounting: payment BQ-3-1, €1,200.00",
    );
  });

  it("keeps the server's summary when the entry lacks what it needs", () => {
    const bare = timelineEntry("allocation_reversed", { paymentRef: "BQ-3-1" });
    expect(describeTimelineEntry(bare, createTranslate("fr"), "fr-FR").title).toBe("server summary");
  });
});

describe("describeTimelineEntry: payments imported", () => {
  // As applyPayments writes an imported line below zero: money going back to the customer.
  const refund = timelineEntry("payment", {
    paymentId: 88,
    amount: "-250.00",
    currency: "EUR",
    reference: "AV-2026-004",
    batchId: 12,
  });

  it("says a refund or a returned payment, not a payment received", () => {
    expect(describeTimelineEntry(refund, fr, "fr-FR")).toEqual({
      title: "Remboursement ou règlement rejeté de 250,00\u00a0€",
      details: ["réf. AV-2026-004"],
      invoiceNumbers: [],
    });
    expect(describeTimelineEntry(refund, en, "en-GB").title).toBe("Refund or returned payment of €250.00");
  });
});

describe("describeTimelineEntry: items closed by a full import", () => {
  // As closeAbsentInvoices writes it.
  const closed = timelineEntry("invoice_closed", {
    batchId: 12,
    reason: "absent_from_snapshot",
    number: "FA-1",
    fileName: "invoices.csv",
  });

  it("names the item and the file it was missing from", () => {
    expect(describeTimelineEntry(closed, fr, "fr-FR")).toEqual({
      title: "Pièce FA-1 clôturée : absente de l'import complet invoices.csv",
      details: [],
      invoiceNumbers: [],
    });
    expect(describeTimelineEntry(closed, en, "en-GB").title).toBe(
      "Item FA-1 closed: missing from the full import invoices.csv",
    );
  });

  it("keeps the summary of rows written before the number was kept", () => {
    const older = timelineEntry("invoice_closed", { batchId: 12, reason: "absent_from_snapshot" });
    expect(describeTimelineEntry(older, fr, "fr-FR").title).toBe("server summary");
  });
});

describe("describeTimelineEntry: credit settings", () => {
  // As setCreditSettings writes it: the limit and group before and after, in the customer's currency.
  const settings = (before: object, after: object) =>
    timelineEntry("credit_settings_changed", { before, after, currency: "EUR" });

  it("says a credit limit set where there was none", () => {
    const set = settings({ creditLimit: null, groupKey: null }, { creditLimit: "1500.00", groupKey: null });
    expect(describeTimelineEntry(set, fr, "fr-FR")).toEqual({
      title: "Plafond de crédit : aucun → 1\u202f500,00\u00a0€",
      details: [],
      invoiceNumbers: [],
    });
    expect(describeTimelineEntry(set, en, "en-GB").title).toBe("Credit limit: none → €1,500.00");
  });

  it("adds the group when it changes with the limit", () => {
    const both = settings(
      { creditLimit: "1500.00", groupKey: null },
      { creditLimit: "20000.00", groupKey: "DUPONT" },
    );
    expect(describeTimelineEntry(both, fr, "fr-FR")).toEqual({
      title: "Plafond de crédit : 1\u202f500,00\u00a0€ → 20\u202f000,00\u00a0€",
      details: ["groupe : aucun → DUPONT"],
      invoiceNumbers: [],
    });
    expect(describeTimelineEntry(both, en, "en-GB").details).toEqual(["group: none → DUPONT"]);
  });

  it("says a change of group alone", () => {
    const group = settings(
      { creditLimit: "1500.00", groupKey: "DUPONT" },
      { creditLimit: "1500.00", groupKey: null },
    );
    expect(describeTimelineEntry(group, fr, "fr-FR").title).toBe("Groupe de clients : DUPONT → aucun");
    expect(describeTimelineEntry(group, en, "en-GB").title).toBe("Customer group: DUPONT → none");
  });
});

describe("describeTimelineEntry: each module's describer is asked", () => {
  it.each([
    [
      "dunning_step",
      { scenario: "Standard", step: "D+0", actions: [{ type: "email", recipient: "a@b.fr" }] },
    ],
    ["dunning_hold", { heldInvoiceNumbers: [], reason: "Accord commercial", untilDate: null }],
    ["message_sent", { channel: "sms", to: ["+33612345678"], subject: "", text: "Bonjour" }],
    ["delivery_failed", { channel: "email", recipient: "a@b.fr", attempts: 2, error: "refused" }],
    ["payment_matched", { amount: "10.00", currency: "EUR", invoiceIds: null, rule: "manual" }],
    ["collector_changed", { fromName: null, toName: "Julien Petit" }],
    ["call", { contactName: null, outcome: "reached" }],
  ])("%s is said in the reader's language, not by the server's summary", (type, data) => {
    expect(describeTimelineEntry(timelineEntry(type, data), fr, "fr-FR").title).not.toBe("server summary");
  });

  it("keeps the summary of a type no module knows, with the items it names", () => {
    const other = timelineEntry("something_new", { invoiceNumbers: ["FA-9"] });
    expect(describeTimelineEntry(other, fr, "fr-FR")).toEqual({
      title: "server summary",
      details: [],
      invoiceNumbers: ["FA-9"],
    });
  });
});
