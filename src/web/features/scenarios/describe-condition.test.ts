import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n/create-translate";
import { type AnyCondition, capitalize, describeCondition, formatThreshold } from "./describe-condition";

const fr = createTranslate("fr");
const en = createTranslate("en");

describe("describeCondition", () => {
  it.each<[AnyCondition, string, string]>([
    [
      { field: "invoice_amount", op: "gte", value: "5000.00" },
      "facture d'au moins 5\u202f000",
      "invoice of at least 5,000",
    ],
    [
      { field: "customer_overdue_total", op: "lt", value: "1250.5" },
      "total échu du client inférieur à 1\u202f250,50",
      "customer's overdue total under 1,250.50",
    ],
    [
      { field: "days_past_due", op: "gte", value: 30 },
      "au moins 30 jours de retard",
      "at least 30 days past due",
    ],
    [{ field: "days_past_due", op: "eq", value: 1 }, "exactement 1 jour de retard", "exactly 1 day past due"],
    [
      { field: "previous_reminders", op: "lt", value: 2 },
      "moins de 2 relances déjà envoyées",
      "fewer than 2 reminders already sent",
    ],
    [
      { field: "segment", op: "in", values: ["smes", "key_accounts"] },
      "segment PME ou Grands comptes",
      "segment SMEs or Key accounts",
    ],
    [
      { field: "payment_method", op: "not_in", values: ["direct_debit"] },
      "règlement autrement que par prélèvement (ou mode inconnu)",
      "not paying by direct debit (or method unknown)",
    ],
    [{ field: "risk_class", op: "in", values: ["D", "E"] }, "classe de risque D ou E", "risk class D or E"],
    [{ field: "country", op: "in", values: ["DE"] }, "pays : Allemagne", "country: Germany"],
    [{ field: "is_strategic", op: "eq", value: true }, "client stratégique", "strategic customer"],
    [
      { field: "open_amount", op: "lt", value: "1000.00" },
      "encours inférieur à 1\u202f000",
      "open balance under 1,000",
    ],
  ])("%o", (condition, french, english) => {
    expect(describeCondition(condition, fr, "fr-FR")).toBe(french);
    expect(describeCondition(condition, en, "en-GB")).toBe(english);
  });

  it("shows an amount that is not a number yet as it was typed", () => {
    expect(describeCondition({ field: "invoice_amount", op: "gte", value: "5k" }, fr, "fr-FR")).toBe(
      "facture d'au moins 5k",
    );
  });

  it.each([
    ["5000.00", "5\u202f000"],
    ["2500.5", "2\u202f500,50"],
    ["0.125", "0,125"],
    ["12", "12"],
    ["abc", "abc"],
  ])("formats the threshold %s as %s", (value, expected) => {
    expect(formatThreshold(value, "fr-FR")).toBe(expected);
  });

  it("capitalizes a condition shown on its own", () => {
    expect(capitalize("client stratégique", "fr-FR")).toBe("Client stratégique");
  });
});
