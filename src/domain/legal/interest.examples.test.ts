import { describe, expect, it } from "vitest";
import { computeDueDate } from "./due-date";
import { type CaseValues, compute, d, flagCodes } from "./interest.test-support";

/** The worked examples of ../shared/domain/late-interest.md, each with its expected figures. */
describe("worked examples of late-interest.md", () => {
  it.each<[string, CaseValues, { interest: string; compensation: string; currency?: string }]>([
    [
      "1 FR 30 days at 13.15 %",
      { amount: "12000", due: "2025-05-14", until: "2025-06-13" },
      { interest: "129.70", compensation: "40.00" },
    ],
    [
      "1 FR, the payment given",
      { amount: "12000", due: "2025-05-14", until: "2025-06-13", payments: [["2025-06-13", "12000"]] },
      { interest: "129.70", compensation: "40.00" },
    ],
    [
      "2 FR across 1 July",
      { amount: "8400", due: "2025-05-31", until: "2025-08-14" },
      { interest: "216.62", compensation: "40.00" },
    ],
    [
      "4 FR contractual 15 %",
      { amount: "5000", due: "2025-02-28", until: "2025-04-29", contractualRate: "15" },
      { interest: "123.29", compensation: "40.00" },
    ],
    [
      "5 FR consumer from the formal notice",
      { amount: "1200", due: "2026-01-15", until: "2026-04-03", isConsumer: true, defaultFrom: "2026-02-02" },
      { interest: "5.17", compensation: "0.00" },
    ],
    [
      "6 DE B2B across 1 July",
      { jurisdiction: "DE", amount: "10000", due: "2025-05-15", until: "2025-09-30" },
      { interest: "400.89", compensation: "40.00" },
    ],
    [
      "7 UK rate fixed on 31 Dec 2024",
      { jurisdiction: "UK", currency: "GBP", amount: "7500", due: "2025-04-30", until: "2025-09-15" },
      { interest: "361.54", compensation: "70.00", currency: "GBP" },
    ],
    [
      "8 FR paid on the due date",
      { amount: "2000", due: "2026-03-31", until: "2026-03-31" },
      { interest: "0.00", compensation: "0.00" },
    ],
    [
      "8 FR paid one day late",
      { amount: "2000", due: "2026-03-31", until: "2026-04-01" },
      { interest: "0.67", compensation: "40.00" },
    ],
  ])("%s", (_label, values, expected) => {
    const result = compute(values);
    expect(result).toMatchObject({ interest: expected.interest, compensation: expected.compensation });
    expect(result.compensationCurrency).toBe(expected.currency ?? "EUR");
  });

  it("2: two segments at full precision, rounded once; the ECB cut of 11 June does not change June", () => {
    const result = compute({ amount: "8400", due: "2025-05-31", until: "2025-08-14" });
    expect(result.segments).toEqual([
      {
        from: "2025-06-01",
        to: "2025-06-30",
        days: 30,
        balance: "8400.00",
        ratePercent: 13.15,
        interest: "90.789041",
      },
      {
        from: "2025-07-01",
        to: "2025-08-14",
        days: 45,
        balance: "8400.00",
        ratePercent: 12.15,
        interest: "125.827397",
      },
    ]);
    expect(result.rateRule).toContain("ECB main refinancing rate + 10 points");
  });

  it.each<["A" | "B", string, number, string]>([
    ["A", "2025-03-31", 15, "16.21"],
    ["B", "2025-03-17", 29, "31.34"],
  ])("3: 45 jours fin de mois, reading %s → due %s, %i days", (reading, due, days, interest) => {
    const dueDate = computeDueDate({ invoiceDate: d("2025-01-20"), terms: "45 jours fin de mois", reading });
    expect(dueDate).toBe(due);
    const result = compute({ amount: "3000", due: dueDate, until: "2025-04-15" });
    expect(result).toMatchObject({ interest, compensation: "40.00" });
    expect(result.segments.map((s) => s.days)).toEqual([days]);
  });

  it.each<[string, string, string, boolean]>([
    ["15 % in 2025 H1 is above 11.13 %", "15", "2025-02-28", false],
    ["10 % in 2025 H1 is below 11.13 %", "10", "2025-02-28", true],
    ["14.50 % in 2024 H1 is below 15.21 %", "14.50", "2024-02-28", true],
  ])("4: contractual rate floor: %s", (_label, rate, due, isFlagged) => {
    const until = `${due.slice(0, 4)}-04-29`;
    const result = compute({ amount: "5000", due, until, contractualRate: rate });
    expect(flagCodes(result).includes("CONTRACTUAL_RATE_BELOW_FLOOR")).toBe(isFlagged);
    if (isFlagged) expect(result.flags[0]?.message).toMatch(due.startsWith("2024") ? /15\.21 %/ : /11\.13 %/);
    expect(result.rateRule).toContain(`Contractual rate ${Number(rate).toFixed(2)} %`);
  });

  it("5: the consumer regime has 60 days at the legal rate 2.62 % and no compensation", () => {
    const result = compute({
      amount: "1200",
      due: "2026-01-15",
      until: "2026-04-03",
      isConsumer: true,
      defaultFrom: "2026-02-02",
    });
    expect(result.segments).toEqual([
      {
        from: "2026-02-03",
        to: "2026-04-03",
        days: 60,
        balance: "1200.00",
        ratePercent: 2.62,
        interest: "5.168219",
      },
    ]);
  });

  it("7: the UK rate stays 12.75 % after 1 July", () => {
    const result = compute({
      jurisdiction: "UK",
      currency: "GBP",
      amount: "7500",
      due: "2025-04-30",
      until: "2025-09-15",
    });
    expect(result.segments).toMatchObject([
      { from: "2025-05-01", to: "2025-09-15", days: 138, ratePercent: 12.75 },
    ]);
    expect(result.rateRule).toContain("Bank of England Bank Rate on 2024-12-31 (4.75 %) + 8 points");
  });
});
