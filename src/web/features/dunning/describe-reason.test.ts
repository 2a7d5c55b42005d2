import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { describeDeferral, describeReason, describeSkip, reasonDataFromText } from "./describe-reason";

const fr = createTranslate("fr");
const en = createTranslate("en");

describe("reasonDataFromText", () => {
  it.each([
    [
      "invoice F-1 is 12 days past due; scenario Standard step Relance J+7",
      { invoiceNumber: "F-1", daysPastDue: 12, scenario: "Standard", step: "Relance J+7", otherInvoices: 0 },
    ],
    ["invoice F-2 is due today; scenario Standard step Échéance", { invoiceNumber: "F-2", daysPastDue: 0 }],
    [
      "invoice F-3 is due in 5 days; scenario Standard step Avant échéance",
      { invoiceNumber: "F-3", daysPastDue: -5 },
    ],
    [
      "invoice F-4 is 40 days past due; scenario Key accounts step Call; condition invoice amount ≥ 5000.00 met; 2 other overdue invoices listed",
      { scenario: "Key accounts", step: "Call", conditions: ["invoice amount ≥ 5000.00"], otherInvoices: 2 },
    ],
  ])("reads %s", (text, expected) => {
    expect(reasonDataFromText(text)).toMatchObject(expected);
  });

  it("gives nothing for words it does not know", () => {
    expect(reasonDataFromText("manual")).toEqual({});
  });
});

describe("describeReason", () => {
  const action = {
    reason: "raw",
    stepName: "Relance J+7",
    scenario: "Standard",
    reasonData: {
      invoiceNumber: "F-1",
      daysPastDue: 12,
      scenario: "Standard",
      step: "Relance J+7",
      conditions: ["invoice amount ≥ 5000.00"],
      otherInvoices: 1,
    },
  };

  it("says it in French and in English", () => {
    expect(describeReason(fr, action)).toBe(
      "Facture F-1 échue depuis 12 jours (et 1 autre facture échue) — étape « Relance J+7 » du scénario Standard ; conditions remplies : montant de la facture ≥ 5000.00",
    );
    expect(describeReason(en, action)).toBe(
      "Invoice F-1 is 12 days past due (and 1 other overdue invoice) — step “Relance J+7” of the Standard scenario; conditions met: invoice amount ≥ 5000.00",
    );
  });

  it("says the conditions as the scenario editor does when the run kept them as written", () => {
    const structured = {
      ...action,
      reasonData: {
        ...action.reasonData,
        conditionData: [
          { field: "invoice_amount" as const, op: "gte" as const, value: "5000.00" },
          { field: "segment" as const, op: "in" as const, values: ["sme", "public"] },
        ],
      },
    };
    expect(describeReason(fr, structured, "fr-FR")).toBe(
      "Facture F-1 échue depuis 12 jours (et 1 autre facture échue) — étape « Relance J+7 » du scénario Standard ; conditions remplies : facture d'au moins 5\u202f000, segment sme ou public",
    );
    expect(describeReason(en, structured, "en-GB")).toBe(
      "Invoice F-1 is 12 days past due (and 1 other overdue invoice) — step “Relance J+7” of the Standard scenario; conditions met: invoice of at least 5,000, segment sme or public",
    );
  });

  it("keeps the server's words when nothing can be read from them", () => {
    expect(describeReason(fr, { ...action, reason: "something else", reasonData: {} })).toBe(
      "something else",
    );
  });
});

describe("describeSkip and describeDeferral", () => {
  it.each([
    ["2026-05-01", "public holiday: Fête du Travail", "jour férié : Fête du Travail"],
    ["2026-05-02", "not a working day", "week-end"],
    ["2026-05-04", "not a working day", "jour non ouvré"],
  ])("%s %s → %s", (date, reason, expected) => {
    expect(describeSkip(fr, date, reason)).toBe(expected);
  });

  it("explains contact pressure", () => {
    const text = describeDeferral(
      fr,
      "last message to this customer on 2026-04-02, less than 3 days ago",
      (d) => d,
    );
    expect(text).toBe(
      "dernier message le 2026-04-02, il y a moins de 3 jours (délai minimal entre deux messages)",
    );
    expect(describeDeferral(fr, "the customer already gets a message today", (d) => d)).toBe(
      "le client reçoit déjà un message ce jour-là",
    );
  });
});
