import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { timelineEntry } from "../customers/timeline-entry.test-support";
import { describeDunningEntry } from "./describe-dunning-entry";

const fr = createTranslate("fr");
const en = createTranslate("en");

/** As applyActionEffects writes a step carried out: the group's actions in their order. */
const step = timelineEntry("dunning_step", {
  groupKey: "42:EUR:2026-03-02",
  actionIds: [101, 102, 103],
  status: "done",
  scenario: "Standard",
  step: "D+30 Formal notice",
  actions: [
    { type: "letter", recipient: "Boulangerie Durand, 3 avenue des Lilas, 69003 Lyon" },
    { type: "alert", recipient: "julien.petit@example.com, credit managers" },
    { type: "status_change", recipient: "credit_hold" },
    { type: "litigation", recipient: "litigation" },
  ],
});

describe("describeDunningEntry", () => {
  it("says a step carried out, its scenario and each action with its recipient", () => {
    expect(describeDunningEntry(step, fr, "fr-FR")).toEqual({
      title: "Relance : étape « D+30 Formal notice » du scénario Standard",
      details: [
        "Courrier : Boulangerie Durand, 3 avenue des Lilas, 69003 Lyon",
        "Alerte : julien.petit@example.com, les credit managers",
        "Changement de statut du compte : Compte bloqué",
        "Transmission au contentieux",
      ],
      invoiceNumbers: [],
    });
    expect(describeDunningEntry(step, en, "en-GB")).toEqual({
      title: "Dunning: step “D+30 Formal notice” of the Standard scenario",
      details: [
        "Letter: Boulangerie Durand, 3 avenue des Lilas, 69003 Lyon",
        "Alert: julien.petit@example.com, the credit managers",
        "Account status change: Credit hold",
        "Hand-off to litigation",
      ],
      invoiceNumbers: [],
    });
  });

  it("says a hold on the whole account, with its reason and end", () => {
    const hold = timelineEntry("dunning_hold", {
      holdIds: [7],
      invoiceIds: [],
      heldInvoiceNumbers: [],
      reason: "Attente du nouveau bon de commande",
      untilDate: "2026-03-05",
    });
    expect(describeDunningEntry(hold, fr, "fr-FR")).toEqual({
      title: "Relances suspendues pour tout le compte",
      details: ["Attente du nouveau bon de commande", "jusqu'au 05/03/2026"],
      invoiceNumbers: [],
    });
    expect(describeDunningEntry(hold, en, "en-GB")).toEqual({
      title: "Dunning held for the whole account",
      details: ["Attente du nouveau bon de commande", "until 05/03/2026"],
      invoiceNumbers: [],
    });
  });

  it("names the invoices held", () => {
    const one = timelineEntry("dunning_hold", {
      holdIds: [8],
      invoiceIds: [31],
      heldInvoiceNumbers: ["H-1"],
      reason: "Quantité contestée",
      untilDate: null,
    });
    expect(describeDunningEntry(one, fr, "fr-FR")?.title).toBe("Relances suspendues pour la facture H-1");
    expect(describeDunningEntry(one, en, "en-GB")?.details).toEqual(["Quantité contestée"]);
    const two = timelineEntry("dunning_hold", {
      holdIds: [9, 10],
      invoiceIds: [31, 32],
      heldInvoiceNumbers: ["H-1", "H-2"],
      reason: "Avoir en attente",
      untilDate: null,
    });
    expect(describeDunningEntry(two, fr, "fr-FR")?.title).toBe(
      "Relances suspendues pour les factures H-1, H-2",
    );
    expect(describeDunningEntry(two, en, "en-GB")?.title).toBe("Dunning held for invoices H-1, H-2");
  });

  it("says a hold released, with the hold's reason", () => {
    const resumed = timelineEntry("dunning_resumed", { holdId: 7, reason: "Attente du bon de commande" });
    expect(describeDunningEntry(resumed, fr, "fr-FR")?.title).toBe(
      "Relances reprises (blocage : Attente du bon de commande)",
    );
    expect(describeDunningEntry(resumed, en, "en-GB")?.title).toBe(
      "Dunning resumed (hold: Attente du bon de commande)",
    );
  });

  it("says a scenario set for the customer, or the return to the rules", () => {
    const set = timelineEntry("scenario_changed", { scenarioId: 3, scenarioName: "Key accounts" });
    expect(describeDunningEntry(set, fr, "fr-FR")?.title).toBe(
      "Scénario de relance imposé pour ce client : Key accounts",
    );
    expect(describeDunningEntry(set, en, "en-GB")?.title).toBe(
      "Dunning scenario set for this customer: Key accounts",
    );
    const back = timelineEntry("scenario_changed", { scenarioId: null, scenarioName: null });
    expect(describeDunningEntry(back, fr, "fr-FR")?.title).toBe(
      "Scénario de relance : retour aux règles d'affectation",
    );
    expect(describeDunningEntry(back, en, "en-GB")?.title).toBe(
      "Dunning scenario: back to the assignment rules",
    );
    // Written before the name was kept: the line says as much as the server's summary did.
    const older = timelineEntry("scenario_changed", { scenarioId: 3 });
    expect(describeDunningEntry(older, fr, "fr-FR")?.title).toBe("Scénario de relance imposé pour ce client");
  });

  it("leaves rows written before their facts were kept, and other modules, to the summary", () => {
    expect(
      describeDunningEntry(timelineEntry("dunning_step", { groupKey: "1", status: "done" }), fr, "fr-FR"),
    ).toBeNull();
    expect(
      describeDunningEntry(timelineEntry("dunning_hold", { holdIds: [1], invoiceIds: [] }), fr, "fr-FR"),
    ).toBeNull();
    expect(describeDunningEntry(timelineEntry("dunning_resumed", { holdId: 1 }), fr, "fr-FR")).toBeNull();
    expect(describeDunningEntry(timelineEntry("scenario_changed", {}), fr, "fr-FR")).toBeNull();
    expect(describeDunningEntry(timelineEntry("payment", {}), fr, "fr-FR")).toBeNull();
  });
});
