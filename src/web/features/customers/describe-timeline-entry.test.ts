import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { describeTimelineEntry } from "./describe-timeline-entry";
import { timelineEntry } from "./timeline-entry.test-support";

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
