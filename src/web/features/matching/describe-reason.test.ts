import { describe, expect, it } from "vitest";
import type { MatchReason } from "../../../domain/matching/matching.schemas";
import { createTranslate } from "../../i18n/create-translate";
import { describeReason } from "./describe-reason";

const fr = createTranslate("fr");
const en = createTranslate("en");
const nbsp = (text: string): string => text.replace(/[\u00a0\u202f]/g, " ");

const describeFr = (reason: MatchReason): string => nbsp(describeReason(reason, fr, "EUR", "fr-FR"));
const describeEn = (reason: MatchReason): string => nbsp(describeReason(reason, en, "EUR", "en-GB"));

describe("describeReason", () => {
  it.each<[MatchReason, string]>([
    [
      { code: "number_found", values: { key: "FA2025000123", number: "FA-2025-000123" } },
      "Le numéro de facture FA-2025-000123 figure dans le libellé.",
    ],
    [
      { code: "reference_found", values: { key: "RF18539007547034", number: "FA-2025-000007" } },
      "La référence structurée RF18539007547034 désigne la pièce FA-2025-000007.",
    ],
    [
      { code: "amount_exact", values: { amountMinor: 123450, number: "FA-2025-000123" } },
      "Le montant, 1 234,50 €, est exactement le reste dû de FA-2025-000123.",
    ],
    [
      { code: "amount_exact", values: { amountMinor: 5000 } },
      "Le montant, 50,00 €, est exactement le reste dû des pièces.",
    ],
    [
      { code: "amount_within_tolerance", values: { differenceMinor: 35, reason: "bank_fees" } },
      "Un écart de 0,35 € (frais bancaires) est passé en perte, dans la tolérance de la société.",
    ],
    [
      { code: "amount_partial", values: { paidMinor: 50000, openMinor: 120000 } },
      "Paiement partiel : 500,00 € reçus sur 1 200,00 € dus.",
    ],
    [
      { code: "name_similar", values: { name: "Garage du Centre", similarity: 0.87 } },
      "Le nom du payeur ressemble à celui du client Garage du Centre (similarité 87 %).",
    ],
    [{ code: "ambiguous", values: { sameAmount: 3 } }, "3 pièces ont ce même montant : à vérifier."],
    [
      { code: "ambiguous", values: { combinations: 2 } },
      "2 combinaisons de pièces donnent ce montant : à vérifier.",
    ],
    [{ code: "says_partial", values: {} }, "Le libellé annonce un paiement partiel."],
  ])("says %j in French", (reason, sentence) => {
    expect(describeFr(reason)).toBe(sentence);
  });

  it("speaks English too", () => {
    expect(describeEn({ code: "amount_partial", values: { paidMinor: 50000, openMinor: 120000 } })).toBe(
      "Partial payment: €500.00 received of €1,200.00 due.",
    );
    expect(describeEn({ code: "iban_known", values: { iban: "FR7630004000031234567890143" } })).toBe(
      "The payer's IBAN FR7630004000031234567890143 is known for this customer.",
    );
  });

  it("falls back to the plain sentence when a value it names is missing", () => {
    expect(describeFr({ code: "number_similar", values: { number: "FA-2025-000123" } })).toBe(
      "Un numéro très proche de celui de la facture figure dans le libellé.",
    );
    expect(describeFr({ code: "ambiguous", values: { somethingNew: 4 } })).toBe(
      "Plusieurs propositions sont aussi plausibles : à vérifier.",
    );
  });

  it("shows an unknown code as it is rather than nothing", () => {
    expect(describeFr({ code: "brand_new_rule", values: {} })).toBe("brand_new_rule");
  });
});
