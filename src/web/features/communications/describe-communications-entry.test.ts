import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { timelineEntry } from "../customers/timeline-entry.test-support";
import { describeCommunicationsEntry } from "./describe-communications-entry";

const fr = createTranslate("fr");
const en = createTranslate("en");

const title = (type: string, data: Record<string, unknown>, language: "fr" | "en") =>
  describeCommunicationsEntry(
    timelineEntry(type, data),
    language === "fr" ? fr : en,
    language === "fr" ? "fr-FR" : "en-GB",
  )?.title;

/** As recordSentMany writes an email: the outbox row, then what was rendered and sent. */
const email = {
  outboxId: 12,
  channel: "email",
  providerMessageId: "<4f1c@mail.example>",
  captured: false,
  to: ["lea@one.example", "compta@one.example"],
  from: "Capture SA <relances@capture.example>",
  subject: "Relance : facture échue — Capture SA",
  text: "Madame, Monsieur, …",
  html: "<p>Madame, Monsieur, …</p>",
  language: "fr",
  attachments: [],
};
const sms = {
  outboxId: 13,
  channel: "sms",
  providerMessageId: "SM0123",
  captured: false,
  to: ["+33612345678"],
  subject: "",
  html: "",
  text: "Fournitures Martin SAS : 1 200,00 € restent impayés.",
  language: "fr",
  encoding: "GSM-7",
  parts: 1,
};
const letter = {
  outboxId: 14,
  channel: "letter",
  providerMessageId: "print:2026-04-15:14",
  captured: false,
  to: ["Boulangerie Durand", "3 avenue des Lilas", "69003 Lyon"],
  subject: "Mise en demeure de payer",
  html: "",
  text: "Madame, Monsieur, …",
  language: "fr",
  fileName: "mise-en-demeure-DUR01.pdf",
  pages: 1,
  isRegistered: true,
  letterDate: "2026-04-15",
  delivery: "print-batch",
  letterId: 3,
};

describe("describeCommunicationsEntry: messages sent", () => {
  it("says an email sent, to whom and its subject", () => {
    expect(title("message_sent", email, "fr")).toBe(
      "E-mail envoyé à lea@one.example, compta@one.example : Relance : facture échue — Capture SA",
    );
    expect(title("message_sent", email, "en")).toBe(
      "Email sent to lea@one.example, compta@one.example: Relance : facture échue — Capture SA",
    );
  });

  it("says an email kept by the capture transport was not delivered", () => {
    const captured = { ...email, providerMessageId: "capture:12", captured: true, to: ["lea@one.example"] };
    expect(title("message_sent", captured, "fr")).toBe(
      "E-mail à lea@one.example conservé dans Encours sans être délivré : Relance : facture échue — Capture SA",
    );
    expect(title("message_sent", captured, "en")).toBe(
      "Email to lea@one.example kept in Encours, not delivered: Relance : facture échue — Capture SA",
    );
  });

  it("says an SMS sent with its text, or captured", () => {
    expect(title("message_sent", sms, "fr")).toBe(
      "SMS envoyé au +33612345678 : Fournitures Martin SAS : 1 200,00 € restent impayés.",
    );
    expect(title("message_sent", sms, "en")).toBe(
      "SMS sent to +33612345678: Fournitures Martin SAS : 1 200,00 € restent impayés.",
    );
    expect(title("message_sent", { ...sms, captured: true }, "fr")).toBe(
      "SMS au +33612345678 conservé dans Encours sans être délivré : Fournitures Martin SAS : 1 200,00 € restent impayés.",
    );
  });

  it("says a letter produced for the print batch, registered", () => {
    const line = describeCommunicationsEntry(timelineEntry("message_sent", letter), fr, "fr-FR");
    expect(line).toEqual({
      title:
        "Courrier pour Boulangerie Durand dans le lot d'impression du 15/04/2026 : Mise en demeure de payer",
      details: ["en recommandé avec accusé de réception"],
      invoiceNumbers: [],
    });
    expect(describeCommunicationsEntry(timelineEntry("message_sent", letter), en, "en-GB")).toEqual({
      title: "Letter to Boulangerie Durand in the print batch of 15/04/2026: Mise en demeure de payer",
      details: ["registered, with acknowledgement of receipt"],
      invoiceNumbers: [],
    });
  });

  it("says a letter posted through the postal provider", () => {
    const posted = { ...letter, providerMessageId: "LP-778", isRegistered: false, delivery: "postal" };
    expect(title("message_sent", posted, "fr")).toBe(
      "Courrier remis au prestataire postal pour Boulangerie Durand : Mise en demeure de payer",
    );
    expect(title("message_sent", posted, "en")).toBe(
      "Letter handed to the postal provider for Boulangerie Durand: Mise en demeure de payer",
    );
  });

  it("says an interrupted delivery confirmed as sent by a person", () => {
    const confirmed = {
      outboxId: 15,
      channel: "email",
      recipient: "sent@example.com",
      template: "standard.d+0",
      confirmedBy: "Claire Martin",
      interrupted: true,
    };
    expect(title("message_sent", confirmed, "fr")).toBe(
      "Envoi interrompu, confirmé comme parti par Claire Martin : e-mail à sent@example.com",
    );
    expect(title("message_sent", confirmed, "en")).toBe(
      "Interrupted delivery, confirmed as sent by Claire Martin: email to sent@example.com",
    );
  });

  it("tells the channel of rows written before it was kept, and leaves the rest to the summary", () => {
    const { channel: _email, ...olderEmail } = email;
    expect(title("message_sent", olderEmail, "fr")).toMatch(/^E-mail envoyé à lea@one.example/);
    const { channel: _sms, ...olderSms } = sms;
    expect(title("message_sent", olderSms, "en")).toMatch(/^SMS sent to \+33612345678/);
    const { letterDate: _date, ...olderLetter } = letter;
    expect(title("message_sent", olderLetter, "fr")).toBeUndefined();
    const olderConfirmed = { outboxId: 15, template: "t", confirmedBy: "Claire Martin", interrupted: true };
    expect(title("message_sent", olderConfirmed, "fr")).toBeUndefined();
  });
});

describe("describeCommunicationsEntry: failed deliveries", () => {
  it("says a delivery failed for good, after how many attempts, with the error", () => {
    const failed = {
      outboxId: 16,
      channel: "email",
      recipient: "ap@client.example",
      attempts: 5,
      error: "421 4.3.0 Temporary System Problem",
      template: "standard.d+7",
    };
    expect(describeCommunicationsEntry(timelineEntry("delivery_failed", failed), fr, "fr-FR")).toEqual({
      title: "Échec de l'envoi par e-mail à ap@client.example après 5 tentatives",
      details: ["erreur : 421 4.3.0 Temporary System Problem"],
      invoiceNumbers: [],
    });
    expect(title("delivery_failed", failed, "en")).toBe(
      "Delivery by email to ap@client.example failed after 5 attempts",
    );
  });

  it("says a message that had nobody to go to", () => {
    const nobody = {
      outboxId: 17,
      channel: "email",
      recipient: null,
      attempts: 1,
      error: "No email address to send to",
      template: "standard.d+0",
    };
    expect(title("delivery_failed", nobody, "fr")).toBe(
      "Échec de l'envoi par e-mail, sans destinataire, après 1 tentative",
    );
    expect(title("delivery_failed", nobody, "en")).toBe(
      "Delivery by email failed after 1 attempt: no recipient",
    );
    expect(title("delivery_failed", { ...nobody, channel: "letter", attempts: 2 }, "fr")).toBe(
      "Échec de l'envoi par courrier, sans destinataire, après 2 tentatives",
    );
  });

  it("says an email bounced, with the receiving server's words", () => {
    const bounce = {
      outboxId: 18,
      bounced: true,
      recipient: "compta@disparu.example",
      status: "5.1.1",
      error: "5.1.1 smtp; 550 5.1.1 User unknown",
      template: "standard.d+0",
    };
    expect(describeCommunicationsEntry(timelineEntry("delivery_failed", bounce), fr, "fr-FR")).toEqual({
      title: "E-mail à compta@disparu.example rejeté par la messagerie du destinataire",
      details: ["erreur : 5.1.1 smtp; 550 5.1.1 User unknown"],
      invoiceNumbers: [],
    });
    expect(title("delivery_failed", bounce, "en")).toBe("Email to compta@disparu.example bounced");
  });

  it("leaves rows written before the channel was kept, and other modules, to the summary", () => {
    const older = { outboxId: 16, attempts: 5, error: "timeout", template: "standard.d+7" };
    expect(title("delivery_failed", older, "fr")).toBeUndefined();
    expect(describeCommunicationsEntry(timelineEntry("payment", {}), fr, "fr-FR")).toBeNull();
  });
});
