import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../shared/dates";
import type { LineToMatch } from "./engine.types";
import { lineKeys, MAX_NUMBER_KEYS, saysPartial } from "./line-keys";

function line(fields: Partial<LineToMatch>): LineToMatch {
  return {
    lineId: 1,
    bookingDate: "2024-03-25" as IsoDate,
    amountMinor: 10000,
    currency: "EUR",
    counterpartyName: null,
    counterpartyIban: null,
    structuredReference: null,
    remittanceText: null,
    ...fields,
  };
}

describe("lineKeys: structured references", () => {
  it.each([
    ["RF18 5390 0754 7034", ["RF18539007547034"]],
    ["+++010/8068/17183+++", ["010806817183"]],
    ["RF19 5390 0754 7034", ["RF19539007547034"]],
    ["cust-1234-a", ["CUST1234A"]],
  ])("%s → %j", (structuredReference, expected) => {
    expect(lineKeys(line({ structuredReference })).referenceKeys).toEqual(expected);
  });

  it("finds valid RF and Belgian references in the free text, not broken ones", () => {
    const keys = lineKeys(
      line({
        remittanceText:
          "Paiement RF18 5390 0754 7034 et +++010/8068/17183+++ et +++010/8068/17184+++ RF19539007547034",
      }),
    );
    expect(keys.referenceKeys).toEqual(["RF18539007547034", "010806817183"]);
  });

  it("gives the invoice number an RF reference carries", () => {
    expect(lineKeys(line({ structuredReference: "RF79FA2024001" })).numberKeys).toContain("FA2024001");
  });
});

describe("lineKeys: invoice numbers in the text", () => {
  it.each([
    ["FACTURE FA-2024-0102", "FA20240102"],
    ["Fact FA 2024 0102", "FA20240102"],
    ["reglement fa20240102", "FA20240102"],
    ["Facture N°FA-2024-0102 du 31/01", "FA20240102"],
    ["INV-10457", "10457"],
    ["Rechnung Nr. 88412", "88412"],
    ["FACT:2024-0042;2024-0043", "20240043"],
    ["factures 1001, 1002 et 1003", "1003"],
  ])("%s gives %s", (remittanceText, key) => {
    expect(lineKeys(line({ remittanceText })).numberKeys).toContain(key);
  });

  it("keeps only keys with a digit and at least four characters", () => {
    const keys = lineKeys(line({ remittanceText: "merci pour 123 ABCD" })).numberKeys;
    for (const key of keys) {
      expect(key).toMatch(/\d/);
      expect(key.length).toBeGreaterThanOrEqual(4);
    }
    expect(keys).not.toContain("123");
  });

  it("bounds the number of keys on a long text", () => {
    const remittanceText = Array.from({ length: 60 }, (_, i) => `F${1000 + i}`).join(" ");
    const keys = lineKeys(line({ remittanceText })).numberKeys;
    expect(keys.length).toBe(MAX_NUMBER_KEYS);
    expect(keys.slice(0, 3)).toEqual(["F1000", "F1001", "F1002"]);
  });

  it("normalizes the payer's IBAN", () => {
    expect(lineKeys(line({ counterpartyIban: "fr76 3000 6000 0112 3456 7890 189" })).iban).toBe(
      "FR7630006000011234567890189",
    );
    expect(lineKeys(line({})).iban).toBeNull();
  });
});

describe("saysPartial", () => {
  it.each([
    ["ACOMPTE COMMANDE 12", true],
    ["paiement partiel facture 12", true],
    ["Partial payment inv 12", true],
    ["Teilzahlung Rechnung 12", true],
    ["Anzahlung", true],
    ["pago a cuenta factura 12", true],
    ["pagamento parziale", true],
    ["gedeeltelijke betaling", true],
    ["Solde facture 12", false],
    ["Facture 12", false],
    [null, false],
  ])("%s → %s", (text, expected) => {
    expect(saysPartial(text)).toBe(expected);
  });
});
