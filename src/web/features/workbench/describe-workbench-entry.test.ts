import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../../domain/audit/audit.schemas";
import { createTranslate } from "../../i18n/create-translate";
import { timelineEntry } from "../customers/timeline-entry.test-support";
import { describeWorkbenchEntry } from "./describe-workbench-entry";
import { labelerOf } from "./dispute-reasons-api";

const fr = createTranslate("fr");
const en = createTranslate("en");

/** A company's catalogue, as the customer page reads it. */
const reasonLabel = labelerOf(
  [
    {
      code: "not_received",
      labelFr: "Marchandise ou prestation non reçue",
      labelEn: "Goods or service not received",
      isActive: true,
      position: 10,
      disputeCount: 1,
    },
  ],
  "fr",
);

const title = (e: TimelineEntry, language: "fr" | "en" = "fr") =>
  describeWorkbenchEntry(e, language === "fr" ? fr : en, language === "fr" ? "fr-FR" : "en-GB", reasonLabel)
    ?.title;

describe("describeWorkbenchEntry", () => {
  it.each([
    [
      timelineEntry("call", { contactName: "Marie Dupont", outcome: "voicemail" }),
      "Appel à Marie Dupont : messagerie",
    ],
    [timelineEntry("call", { contactName: null, outcome: "wrong_number" }), "Appel : mauvais numéro"],
    [
      timelineEntry("promise", { amount: "1200.00", currency: "EUR", promisedDate: "2026-03-06" }),
      "Promesse de règlement de 1\u202f200,00\u00a0€ pour le 06/03/2026",
    ],
    [
      timelineEntry("promise_partly_kept", {
        amount: "1000.00",
        paid: "400.00",
        currency: "EUR",
        promisedDate: "2026-03-06",
      }),
      "Promesse partiellement tenue : 400,00\u00a0€ reçus sur 1\u202f000,00\u00a0€ promis pour le 06/03/2026",
    ],
    [
      timelineEntry("dispute_opened", { reason: "not_received", amount: "120.50", currency: "EUR" }),
      "Litige ouvert (marchandise ou prestation non reçue) : 120,50\u00a0€ contestés",
    ],
    [
      timelineEntry("dispute_status_changed", { from: "open", to: "under_review" }),
      "Litige en cours d'examen",
    ],
    [timelineEntry("promise_cancelled", { note: "doublon" }), "Promesse de règlement annulée"],
    [
      timelineEntry("dispute_opened", { reason: "late_delivery", amount: "10", currency: "EUR" }),
      "Litige ouvert (late_delivery) : 10,00\u00a0€ contestés",
    ],
  ])("%#: %s", (e, expected) => {
    expect(title(e)).toBe(expected);
  });

  it("speaks English too", () => {
    expect(title(timelineEntry("dispute_status_changed", { to: "resolved" }), "en")).toBe("Dispute resolved");
    expect(title(timelineEntry("call", { contactName: "Sam", outcome: "reached" }), "en")).toBe(
      "Call to Sam: reached",
    );
  });

  it("shows the resolution note of a dispute resolved or rejected", () => {
    const rejected = timelineEntry("dispute_status_changed", { to: "rejected", note: "Prix conforme" });
    expect(describeWorkbenchEntry(rejected, en, "en-GB")?.details).toEqual(["Resolution: Prix conforme"]);
    const closed = timelineEntry("dispute_status_changed", { to: "closed", note: "fin" });
    expect(describeWorkbenchEntry(closed, fr, "fr-FR")?.details).toEqual(["fin"]);
  });

  it("names a dispute's owner and department", () => {
    const opened = timelineEntry("dispute_opened", {
      reason: "price",
      amount: "10",
      currency: "EUR",
      ownerName: "Thomas Leroy",
      departmentName: "Logistique",
      note: "voir BL",
    });
    expect(describeWorkbenchEntry(opened, fr, "fr-FR")?.details).toEqual([
      "responsable : Thomas Leroy",
      "service : Logistique",
      "voir BL",
    ]);
    const departmentOnly = timelineEntry("dispute_opened", {
      reason: "price",
      amount: "10",
      currency: "EUR",
      departmentName: "ADV",
    });
    expect(describeWorkbenchEntry(departmentOnly, en, "en-GB")?.details).toEqual(["department: ADV"]);
  });

  it("says a customer given to another collector", () => {
    const reassigned = timelineEntry("collector_changed", {
      fromId: 4,
      fromName: "Sophie Bernard",
      toId: 5,
      toName: "Julien Petit",
    });
    expect(title(reassigned)).toBe("Client réattribué à Julien Petit (auparavant Sophie Bernard)");
    expect(title(reassigned, "en")).toBe("Customer reassigned to Julien Petit (previously Sophie Bernard)");
    const first = timelineEntry("collector_changed", {
      fromId: null,
      fromName: null,
      toId: 5,
      toName: "Julien Petit",
    });
    expect(title(first)).toBe("Client attribué à Julien Petit");
    expect(title(first, "en")).toBe("Customer assigned to Julien Petit");
  });

  it("says an agenda item put aside, until when and why", () => {
    const snoozed = timelineEntry("agenda_snoozed", {
      key: "promise_due:12",
      until: "2026-03-05",
      reason: "Client en congés",
      kind: "promise_due",
    });
    expect(describeWorkbenchEntry(snoozed, fr, "fr-FR")).toEqual({
      title: "Élément de l'agenda reporté au 05/03/2026 (promesse à échéance)",
      details: ["Client en congés"],
      invoiceNumbers: [],
    });
    expect(title(snoozed, "en")).toBe("Agenda item snoozed until 05/03/2026 (promise falling due)");
  });

  it("says a promise kept as soon as the matching paid it, as the check does", () => {
    // As closeKeptPromises writes it.
    const kept = timelineEntry("promise_kept", {
      promiseId: 9,
      automatic: true,
      status: "kept",
      amount: "2500.00",
      paid: "2500.00",
      currency: "EUR",
      promisedDate: "2026-06-20",
    });
    expect(title(kept)).toBe(
      "Promesse tenue : 2\u202f500,00\u00a0€ reçus sur 2\u202f500,00\u00a0€ promis pour le 20/06/2026",
    );
    expect(title(kept, "en")).toBe("Promise kept: €2,500.00 received of €2,500.00 promised for 20/06/2026");
  });

  it("leaves other entries, and data it does not understand, to the server's summary", () => {
    expect(describeWorkbenchEntry(timelineEntry("payment", {}), fr, "fr-FR")).toBeNull();
    expect(describeWorkbenchEntry(timelineEntry("call", { outcome: "busy" }), fr, "fr-FR")).toBeNull();
    expect(describeWorkbenchEntry(timelineEntry("collector_changed", { toId: 5 }), fr, "fr-FR")).toBeNull();
    expect(
      describeWorkbenchEntry(
        timelineEntry("agenda_snoozed", { key: "x:1", until: "2026-03-05" }),
        fr,
        "fr-FR",
      ),
    ).toBeNull();
    expect(
      describeWorkbenchEntry(timelineEntry("promise_kept", { promiseId: 9, automatic: true }), fr, "fr-FR"),
    ).toBeNull();
  });
});
