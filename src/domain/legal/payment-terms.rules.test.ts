import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../shared/dates";
import { applyPaymentTerms, type PaymentTermsRule, parsePaymentTerms } from "./payment-terms.rules";

describe("parsePaymentTerms", () => {
  // Free-text terms (BT-20) exactly as they appear in the samples of /work/shared/samples.
  it.each<[string, PaymentTermsRule | null]>([
    [
      "Zahlbar innerhalb 30 Tagen netto bis 04.04.2018, 3% Skonto innerhalb 10 Tagen bis 15.03.2018",
      { kind: "fixed_date", date: "2018-04-04" as IsoDate },
    ],
    ["Zahlbar sofort rein netto", { kind: "immediate" }],
    ["Zahlbar sofort ohne Abzug.", { kind: "immediate" }],
    [
      "#SKONTO#TAGE=7#PROZENT=2.00#\n#SKONTO#TAGE=14#PROZENT=1.00#\n#SKONTO#TAGE=30#PROZENT=0.00#\n",
      { kind: "net_days", days: 30 },
    ],
    ["Bis zum 14.08.2016 ohne Abzug", { kind: "fixed_date", date: "2016-08-14" as IsoDate }],
    [
      "Den Rechnungsbetrag überweisen Sie bitte bis zum 21.11.2018 auf das unten angegebene Konto.",
      { kind: "fixed_date", date: "2018-11-21" as IsoDate },
    ],
    [
      "Der Betrag in Höhe von EUR 529,87 wird am 20.03.2018 von Ihrem Konto per SEPA-Lastschrift eingezogen.",
      { kind: "fixed_date", date: "2018-03-20" as IsoDate },
    ],
    ["Fällig nach Belegdatum + 10 Tage", { kind: "net_days", days: 10 }],
    ["01.11.2021 00:00:00", { kind: "fixed_date", date: "2021-11-01" as IsoDate }],
    ["Payment within 30 days", { kind: "net_days", days: 30 }],
    ["Payment within 10 days, 2% discount", { kind: "net_days", days: 10 }],
    ["30 days net. Penalty rate 12 %\nLine break should be respected here.", { kind: "net_days", days: 30 }],
    ["30 dagar netto. Dröjsmålsränta:12 %", { kind: "net_days", days: 30 }],
    ["2 % discount if paid within 2 days\n            Penalty percentage 10% from due date", null],
    ["50% prepaid, 50% within one month", null],
    ["As per contract clasuse X.123", null],
    ["Zahlungsbedingungen: Der Rechnungsbetrag wurde bereits beglichen.", null],
    ["Der Betrag wird ihrem Kundenkonto gutgeschrieben und mit der nächsten Rechnung verrechnet.", null],
    [
      "Die Leistung wurde erbracht im Zeitraum zwischen Übergabe und Rückgabe. Der Rechnungsbetrag wird über Ihre MasterCard-Kreditkarte abgebucht. Dies ist keine Aufforderung zur Zahlung.",
      null,
    ],
    [
      "Wir würden dann zu den Fälligkeiten 01.07.2018, 01.10.2018 den jeweiligen Beitrag von dem uns bekannten Konto abbuchen.",
      null,
    ],
    ["Enexis brengt wettelijke rente in rekening over te laat betaalde facturen.", null],
  ])("%j", (text, rule) => {
    expect(parsePaymentTerms(text)).toEqual(rule);
  });

  it.each<[string, PaymentTermsRule]>([
    ["comptant", { kind: "immediate" }],
    ["à réception de facture", { kind: "on_receipt" }],
    ["dès réception", { kind: "on_receipt" }],
    ["due upon receipt", { kind: "on_receipt" }],
    ["zahlbar nach Erhalt der Rechnung", { kind: "on_receipt" }],
    ["30 jours à réception de facture", { kind: "net_days", days: 30 }],
    ["net 0", { kind: "immediate" }],
    ["45 jours fin de mois", { kind: "end_of_month", days: 45, thenDays: 0 }],
    ["fin de mois le 10", { kind: "end_of_month", days: 0, thenDays: 10 }],
    ["30 jours fin de mois le 10", { kind: "end_of_month", days: 30, thenDays: 10 }],
    ["30 jours fin de mois le 10 du mois suivant", { kind: "end_of_month", days: 30, thenDays: 10 }],
    ["EOM + 10 days", { kind: "end_of_month", days: 0, thenDays: 10 }],
    ["30 days end of the month", { kind: "end_of_month", days: 30, thenDays: 0 }],
    ["60 Tage zum Monatsende", { kind: "end_of_month", days: 60, thenDays: 0 }],
    ["zahlbar am 15. des Folgemonats", { kind: "end_of_month", days: 0, thenDays: 15 }],
  ])("%j", (text, rule) => {
    expect(parsePaymentTerms(text)).toEqual(rule);
  });
});

describe("applyPaymentTerms", () => {
  const d = (text: string) => text as IsoDate;

  it.each<[PaymentTermsRule, "A" | "B", string, string]>([
    [{ kind: "end_of_month", days: 30, thenDays: 0 }, "A", "2024-01-31", "2024-03-31"],
    [{ kind: "end_of_month", days: 30, thenDays: 0 }, "B", "2024-01-31", "2024-03-01"],
    [{ kind: "end_of_month", days: 30, thenDays: 10 }, "B", "2025-01-20", "2025-03-10"],
    [{ kind: "net_days", days: 60 }, "A", "2024-12-31", "2025-03-01"],
    [{ kind: "fixed_date", date: d("2025-06-30") }, "A", "2025-01-20", "2025-06-30"],
  ])("%j reading %s from %s → %s", (rule, reading, from, expected) => {
    expect(applyPaymentTerms(rule, d(from), reading)).toBe(expected);
  });
});
