import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, endOfMonth, fromEpochDay, type IsoDate, toEpochDay } from "../../shared/dates";
import { DomainError } from "../../shared/errors";
import { computeDueDate } from "./due-date";

const D = "2025-01-20" as IsoDate;

describe("computeDueDate", () => {
  // Every row of the table in payment-terms-and-references.md, invoice dated 2025-01-20.
  it.each([
    ["comptant", "A", "2025-01-20"],
    ["à réception", "A", "2025-01-20"],
    ["30 jours net", "A", "2025-02-19"],
    ["30 jours date de facture", "A", "2025-02-19"],
    ["45 jours date de facture", "A", "2025-03-06"],
    ["60 jours date de facture", "A", "2025-03-21"],
    ["30 jours fin de mois", "A", "2025-02-28"],
    ["30 jours fin de mois", "B", "2025-03-02"],
    ["45 jours fin de mois", "A", "2025-03-31"],
    ["45 jours fin de mois", "B", "2025-03-17"],
    ["fin de mois le 10", "A", "2025-02-10"],
    ["30 jours fin de mois le 10", "A", "2025-03-10"],
  ] as const)("the table: %s (reading %s) → %s", (terms, reading, expected) => {
    expect(computeDueDate({ invoiceDate: D, terms, reading })).toBe(expected);
  });

  it("defaults to reading A", () => {
    expect(computeDueDate({ invoiceDate: D, terms: "45 jours fin de mois" })).toBe("2025-03-31");
  });

  it.each([
    // English equivalents map onto the same rules.
    ["net 30", "A", "2025-02-19"],
    ["Net 30 days", "A", "2025-02-19"],
    ["payable within 30 days", "A", "2025-02-19"],
    ["30 days end of month", "A", "2025-02-28"],
    ["30 days end of month", "B", "2025-03-02"],
    ["30 days EOM", "A", "2025-02-28"],
    ["net 30 EOM", "A", "2025-02-28"],
    ["EOM + 10", "A", "2025-02-10"],
    ["EOM", "A", "2025-01-31"],
    ["the 10th of the following month", "A", "2025-02-10"],
    ["due on receipt", "A", "2025-01-20"],
    ["2/10 net 30", "A", "2025-02-19"],
    // German, as met in ZUGFeRD / XRechnung samples.
    ["30 Tage netto", "A", "2025-02-19"],
    ["zahlbar innerhalb von 14 Tagen", "A", "2025-02-03"],
    ["Zahlbar innerhalb 30 Tagen netto", "A", "2025-02-19"],
    ["sofort", "A", "2025-01-20"],
    ["Zahlbar sofort ohne Abzug.", "A", "2025-01-20"],
    ["Fällig nach Belegdatum + 10 Tage", "A", "2025-01-30"],
    // French spellings, case, accents and spacing do not matter.
    ["45 JOURS  Fin-de-Mois", "A", "2025-03-31"],
    ["A RECEPTION", "A", "2025-01-20"],
    ["paiement à 45 jours fin de mois, le 10", "A", "2025-04-10"],
    ["le 10 du mois suivant", "A", "2025-02-10"],
    ["30j fin de mois", "A", "2025-02-28"],
    ["fin de mois", "B", "2025-01-31"],
    // Discount and penalty clauses are not the net terms.
    ["30 jours net, escompte 2 % à 10 jours", "A", "2025-02-19"],
    ["30 days net. Penalty rate 12 %", "A", "2025-02-19"],
    ["#SKONTO#TAGE=7#PROZENT=2.00#\n#SKONTO#TAGE=30#PROZENT=0.00#\n", "A", "2025-02-19"],
    ["#SKONTO#TAGE=10#PROZENT=3.00#\nZahlbar innerhalb von 45 Tagen", "A", "2025-03-06"],
    // A date the terms state is what the invoice shows.
    [
      "Zahlbar innerhalb 30 Tagen netto bis 21.02.2025, 3% Skonto innerhalb 10 Tagen bis 30.01.2025",
      "A",
      "2025-02-21",
    ],
    ["payable by 2025-03-15", "A", "2025-03-15"],
  ] as const)("%s (reading %s) → %s", (terms, reading, expected) => {
    expect(computeDueDate({ invoiceDate: D, terms, reading })).toBe(expected);
  });

  it.each([
    "",
    "as agreed",
    "Der Betrag wird ihrem Kundenkonto gutgeschrieben und mit der nächsten Rechnung verrechnet.",
    "3% Skonto innerhalb 10 Tagen",
    "#SKONTO#TAGE=14#PROZENT=2.00#",
    "30 jours net ou 45 jours fin de mois",
    "Fälligkeiten 01.07.2025, 01.10.2025",
    "bis 31.02.2025",
  ])("refuses terms it cannot read, naming them: %j", (terms) => {
    const attempt = () => computeDueDate({ invoiceDate: D, terms });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(`"${terms}"`);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({
        code: "VALIDATION",
        details: { issues: [{ field: "terms", value: terms }] },
      });
    }
  });

  it("refuses terms that name a date before the invoice date", () => {
    expect(() => computeDueDate({ invoiceDate: D, terms: "bis zum 14.08.2016 ohne Abzug" })).toThrow(
      /before the invoice date/,
    );
  });

  it("refuses an invoice date that is not a date", () => {
    expect(() => computeDueDate({ invoiceDate: "2025-02-30" as IsoDate, terms: "net 30" })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });
});

const invoiceDate = fc
  .integer({ min: toEpochDay("2000-01-01" as IsoDate), max: toEpochDay("2099-12-31" as IsoDate) })
  .map(fromEpochDay);
const days = fc.integer({ min: 0, max: 120 });
const reading = fc.constantFrom("A" as const, "B" as const);
/** Terms written the ways people write them, in three languages. */
const terms = fc.oneof(
  days.map((n) => `${n} jours net`),
  days.map((n) => `net ${n}`),
  days.map((n) => `${n} Tage netto`),
  days.map((n) => `${n} jours fin de mois`),
  days.map((n) => `${n} days end of month`),
  fc.tuple(days, fc.integer({ min: 1, max: 28 })).map(([n, x]) => `${n} jours fin de mois le ${x}`),
  fc.integer({ min: 1, max: 28 }).map((x) => `EOM + ${x}`),
  fc.constantFrom("comptant", "à réception", "due on receipt", "sofort", "fin de mois"),
);

describe("computeDueDate properties", () => {
  it("never gives a due date before the invoice date", () => {
    fc.assert(
      fc.property(invoiceDate, terms, reading, (d, t, r) => {
        expect(
          daysBetween(d, computeDueDate({ invoiceDate: d, terms: t, reading: r })),
        ).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("never moves the due date earlier when the invoice date moves later", () => {
    fc.assert(
      fc.property(invoiceDate, fc.integer({ min: 0, max: 400 }), terms, reading, (d, shift, t, r) => {
        const later = addDays(d, shift);
        const a = computeDueDate({ invoiceDate: d, terms: t, reading: r });
        const b = computeDueDate({ invoiceDate: later, terms: t, reading: r });
        expect(b >= a).toBe(true);
      }),
    );
  });

  it("does not care about case, accents or extra spaces", () => {
    const scramble = (text: string, flips: boolean[]) =>
      [...text.normalize("NFD").replace(/\p{M}/gu, "")]
        .map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c))
        .join("")
        .replace(/ /g, "  ");
    fc.assert(
      fc.property(invoiceDate, terms, fc.array(fc.boolean(), { minLength: 1 }), (d, t, flips) => {
        expect(computeDueDate({ invoiceDate: d, terms: scramble(t, flips) })).toBe(
          computeDueDate({ invoiceDate: d, terms: t }),
        );
      }),
    );
  });

  it("net N days is exactly N calendar days after the invoice date", () => {
    fc.assert(
      fc.property(invoiceDate, days, (d, n) => {
        expect(daysBetween(d, computeDueDate({ invoiceDate: d, terms: `${n} jours net` }))).toBe(n);
      }),
    );
  });

  it("N jours fin de mois: A is a month end, both readings fall within D + N … D + N + 30", () => {
    fc.assert(
      fc.property(invoiceDate, days, (d, n) => {
        const a = computeDueDate({ invoiceDate: d, terms: `${n} jours fin de mois`, reading: "A" });
        const b = computeDueDate({ invoiceDate: d, terms: `${n} jours fin de mois`, reading: "B" });
        expect(endOfMonth(a)).toBe(a);
        for (const due of [a, b]) {
          expect(daysBetween(addDays(d, n), due)).toBeGreaterThanOrEqual(0);
          expect(daysBetween(addDays(d, n), due)).toBeLessThanOrEqual(30);
        }
      }),
    );
  });

  it("N jours fin de mois: reading B from a month end is D + N; with N = 0 both readings agree", () => {
    fc.assert(
      fc.property(invoiceDate, days, (d, n) => {
        const monthEnd = endOfMonth(d);
        expect(computeDueDate({ invoiceDate: monthEnd, terms: `${n} jours fin de mois`, reading: "B" })).toBe(
          addDays(monthEnd, n),
        );
        expect(computeDueDate({ invoiceDate: d, terms: "fin de mois", reading: "A" })).toBe(
          computeDueDate({ invoiceDate: d, terms: "fin de mois", reading: "B" }),
        );
      }),
    );
  });

  it("N jours fin de mois le X falls on day X of a month, whatever the reading", () => {
    fc.assert(
      fc.property(invoiceDate, days, fc.integer({ min: 1, max: 28 }), reading, (d, n, x, r) => {
        const due = computeDueDate({ invoiceDate: d, terms: `${n} jours fin de mois le ${x}`, reading: r });
        expect(Number(due.slice(8))).toBe(x);
      }),
    );
  });
});
