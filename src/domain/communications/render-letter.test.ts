import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/helpers/db";
import { makeCompany, makeContact, makeCustomer, makeInvoice } from "../../../test/helpers/factories";
import type { DatabaseHandle } from "../../db/client";
import { fixedClock } from "../../shared/clock";
import type { AppContext } from "../context";
import { pdfText } from "./pdf-text.test-support";
import { renderLetter } from "./render-letter";

/**
 * Letters as PDF, read back as text: the formal notice carries every customary mention of
 * letters-and-legal-steps.md; the statement lists the open items; a German company's letter puts
 * the address in the DIN window and speaks German words around an English fallback template.
 */
let handle: DatabaseHandle;
let ctx: AppContext;
let customerId: number;
let companyId: number;
const now = new Date("2026-04-15T08:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = { db: handle.db, clock: fixedClock(now.toISOString()) };
  const company = await makeCompany(handle.db, {
    name: "Fournitures Martin SAS",
    addressLine1: "12 rue de la Paix",
    postalCode: "75002",
    city: "Paris",
    legalId: "123 456 789",
    vatId: "FR12123456789",
    iban: "FR76 3000 6000 0112 3456 7890 189",
    bic: "AGRIFRPP",
    legalMentions: "SAS au capital de 100 000 € — RCS Paris 123 456 789",
  });
  companyId = company.id;
  const customer = await makeCustomer(handle.db, company.id, {
    externalRef: "DUR01",
    name: "Boulangerie Durand SARL",
    addressLine1: "3 avenue des Lilas",
    postalCode: "69003",
    city: "Lyon",
    legalId: "987 654 321",
    language: "fr",
  });
  customerId = customer.id;
  await makeContact(handle.db, customer.id, { name: "Jeanne Durand", email: "compta@durand.example" });
  await makeInvoice(handle.db, customer, {
    number: "FA-2026-0042",
    issueDate: "2026-01-15",
    dueDate: "2026-02-14",
    amountMinor: 120000,
  });
  await makeInvoice(handle.db, customer, {
    number: "FA-2026-0057",
    issueDate: "2026-01-31",
    dueDate: "2026-03-02",
    amountMinor: 45060,
    openAmountMinor: 20000,
  });
});

afterAll(async () => {
  await handle?.close();
});

describe("renderLetter", () => {
  it("writes a formal notice with all its customary mentions", async () => {
    const letter = await renderLetter(ctx, handle.db, {
      companyId,
      customerId,
      actionId: null,
      templateCode: "standard.formal-notice",
      now,
    });
    expect(letter.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(letter).toMatchObject({ kind: "formal_notice", isRegistered: true, language: "fr", pages: 1 });
    const text = pdfText(letter.pdf);
    const flat = text.replace(/\n/g, " ");
    // 1. date and place; 2. identities of creditor and debtor (SIREN of both, legal form, address).
    expect(text).toContain("Paris, le 15 avril 2026");
    expect(text).toContain("Fournitures Martin SAS");
    expect(text).toContain("SAS au capital de 100 000 € — RCS Paris 123 456 789 — SIREN 123 456 789");
    expect(text).toContain("Boulangerie Durand SARL\n3 avenue des Lilas\n69003 Lyon");
    expect(flat).toContain("(SIREN 987 654 321)");
    // 3. the words MISE EN DEMEURE in the subject; 11. how it is sent.
    expect(text).toMatch(/Objet : MISE EN DEMEURE DE PAYER — 1 5\d\d,\d\d €/);
    expect(text).toContain("LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION");
    // 4. and 6. the invoices, their dates and missed due dates; 5. principal, penalties (rate, period), indemnity.
    expect(text).toMatch(/FA-2026-0042 15\/01\/2026 14\/02\/2026 1 200,00 € 1 200,00 € 60 \d+,\d\d €/);
    expect(text).toMatch(/FA-2026-0057 31\/01\/2026 02\/03\/2026 450,60 € 200,00 € 44 \d+,\d\d €/);
    expect(text).toContain("Principal restant dû 1 400,00 €");
    expect(text).toMatch(/Pénalités de retard à ce jour \d+,\d\d €/);
    expect(text).toContain("Indemnité forfaitaire pour frais de recouvrement 80,00 €");
    expect(flat).toContain("majoré de dix points");
    expect(flat).toContain("40,00 € par facture");
    // 7. the deadline; 8. how to pay; 9. the consequences; 10. the signature.
    expect(flat).toContain("huit jours à compter de la réception");
    expect(text).toContain("IBAN : FR76 3000 6000 0112 3456 7890 189");
    expect(text).toContain("BIC : AGRIFRPP");
    expect(flat).toContain("injonction de payer");
    expect(flat).toContain("article 1344 du Code civil");
    expect(text).toContain("Pour Fournitures Martin SAS");
    expect(text).toContain("Page 1 sur 1");
  });

  it("writes the account statement with every open item and the claim", async () => {
    const letter = await renderLetter(ctx, handle.db, {
      companyId,
      customerId,
      actionId: null,
      templateCode: "statement",
      now,
    });
    expect(letter).toMatchObject({
      kind: "statement",
      isRegistered: false,
      fileName: "statement-DUR01-2026-04-15.pdf",
    });
    const text = pdfText(letter.pdf);
    expect(text).toContain("Relevé de compte au 15 avril 2026");
    expect(text).toContain("Objet : Relevé de compte DUR01");
    expect(text).toContain("FA-2026-0042");
    expect(text).toContain("FA-2026-0057");
    expect(text).toMatch(/Total dû 1 \d\d\d,\d\d €/);
    expect(text).not.toContain("RECOMMANDÉE");
  });

  it("speaks the recipient's language around the text and uses the DIN window abroad", async () => {
    const company = await makeCompany(handle.db, {
      name: "Werkzeug GmbH",
      country: "DE",
      defaultLanguage: "de",
      city: "Berlin",
      iban: "DE89 3704 0044 0532 0130 00",
      bic: "COBADEFFXXX",
    });
    const customer = await makeCustomer(handle.db, company.id, {
      externalRef: "K-1",
      name: "Schmidt KG",
      country: "AT",
      city: "Wien",
      postalCode: "1010",
    });
    await makeInvoice(handle.db, customer, { number: "R-1", dueDate: "2026-03-01", amountMinor: 50000 });
    const letter = await renderLetter(ctx, handle.db, {
      companyId: company.id,
      customerId: customer.id,
      actionId: null,
      templateCode: "letter.reminder",
      now,
      language: "de",
    });
    const text = pdfText(letter.pdf);
    expect(text).toContain("Berlin, 15. April 2026");
    expect(text).toContain("Schmidt KG\n1010 Wien\nÖSTERREICH");
    expect(text).toContain("Rechnung Datum Fällig am");
  });
});
