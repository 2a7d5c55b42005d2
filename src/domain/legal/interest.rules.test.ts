import { describe, expect, it } from "vitest";
import { formatMajor } from "../../shared/money";
import { computeInterest } from "./interest.rules";
import { type CaseValues, caseOf, compute, d, flagCodes, issueFields } from "./interest.test-support";
import { rateTable } from "./reference-rates.rules";

describe("regimes", () => {
  const late = { amount: "10000", due: "2025-05-15", until: "2025-09-30" };
  it.each<[string, CaseValues, string, number[]]>([
    ["BE rounds ECB + 8 up to the next half point", { ...late, jurisdiction: "BE" }, "409.59", [11.5, 10.5]],
    ["IT is ECB + 8", { ...late, jurisdiction: "IT" }, "396.36", [11.15, 10.15]],
    ["EU is ECB + 8", { ...late, jurisdiction: "EU" }, "396.36", [11.15, 10.15]],
    [
      "ES is the last ECB rate before the half-year + 8",
      { ...late, jurisdiction: "ES" },
      "396.36",
      [11.15, 10.15],
    ],
    [
      "DE consumer is base rate + 5",
      { ...late, amount: "1000", jurisdiction: "DE", isConsumer: true },
      "24.97",
      [7.27, 6.27],
    ],
    [
      "DE from the start of default",
      { ...late, jurisdiction: "DE", defaultFrom: "2025-06-14" },
      "308.26",
      [11.27, 10.27],
    ],
    [
      "UK from July uses the rate of 30 June",
      { jurisdiction: "UK", currency: "GBP", amount: "7500", due: "2025-06-30", until: "2025-07-30" },
      "75.51",
      [12.25],
    ],
  ])("%s", (_label, values, interest, rates) => {
    const result = compute(values);
    expect(result.interest).toBe(interest);
    expect(result.segments.map((s) => s.ratePercent)).toEqual(rates);
  });

  it("ES takes the rate set before the half-year, the others the rate in force on its first day", () => {
    const boundary = rateTable([
      { series: "ECB_MRO", effectiveFrom: d("2025-01-01"), ratePercent: "3.00", isProvisional: false },
      { series: "ECB_MRO", effectiveFrom: d("2025-07-01"), ratePercent: "2.00", isProvisional: false },
    ]);
    const rateIn = (jurisdiction: "ES" | "IT") => {
      const c = caseOf({ jurisdiction, amount: "1000", due: "2025-07-10", until: "2025-07-20" });
      return computeInterest(c, boundary).segments[0]?.ratePercent.toNumber();
    };
    expect(rateIn("ES")).toBe(11);
    expect(rateIn("IT")).toBe(10);
  });

  it("DE and FR consumers owe no compensation; a debt in another currency gets the euro 40", () => {
    expect(compute({ jurisdiction: "DE", isConsumer: true, ...late }).compensation).toBe("0.00");
    const usd = compute({ ...late, currency: "USD" });
    expect([usd.compensation, usd.compensationCurrency, usd.currency]).toEqual(["40.00", "EUR", "USD"]);
  });

  it.each<[string, string]>([
    ["999.99", "40.00"],
    ["1000", "70.00"],
    ["9999.99", "70.00"],
    ["10000", "100.00"],
  ])("UK fixed sum for a debt of £%s is £%s", (amount, compensation) => {
    const result = compute({
      jurisdiction: "UK",
      currency: "GBP",
      amount,
      due: "2025-04-30",
      until: "2025-05-30",
    });
    expect(result.compensation).toBe(compensation);
  });

  it("UK bands on a debt in euros: the £40 minimum, flagged", () => {
    const result = compute({ jurisdiction: "UK", amount: "20000", due: "2025-04-30", until: "2025-05-30" });
    expect([result.compensation, result.compensationCurrency]).toEqual(["40.00", "GBP"]);
    expect(flagCodes(result)).toContain("COMPENSATION_NEEDS_CONVERSION");
  });

  it("NL adds the unpaid interest to the principal after each year of default; BIK compensation", () => {
    const result = compute({ jurisdiction: "NL", amount: "10000", due: "2024-03-31", until: "2026-03-31" });
    expect(result.segments.map((s) => [s.from, s.days, s.balance, s.ratePercent])).toEqual([
      ["2024-04-01", 91, "10000.00", 12.5],
      ["2024-07-01", 184, "10000.00", 12.25],
      ["2025-01-01", 90, "10000.00", 11.15],
      ["2025-04-01", 91, "11204.11", 11.15],
      ["2025-07-01", 184, "11204.11", 10.15],
      ["2026-01-01", 90, "11204.11", 10.15],
    ]);
    expect([result.interest, result.compensation]).toEqual(["2369.26", "875.00"]);
  });

  it("rejects a consumer debtor where the pack has no consumer regime, and FR consumers without notice", () => {
    expect(issueFields(() => compute({ jurisdiction: "UK", isConsumer: true, ...late }))).toEqual(["b2c"]);
    expect(issueFields(() => compute({ isConsumer: true, ...late }))).toEqual(["defaultFrom"]);
  });
});

describe("calculation rules", () => {
  it("uses 365 days in leap years: a whole 2024 bears more than the annual rate", () => {
    const result = compute({ amount: "1000", due: "2023-12-31", until: "2024-12-31" });
    expect(result.segments.map((s) => [s.days, s.ratePercent])).toEqual([
      [182, 14.5],
      [184, 14.25],
    ]);
    expect(result.interest).toBe("144.14");
    expect(compute({ amount: "10000", due: "2024-02-28", until: "2024-03-01" }).interest).toBe("7.95");
  });

  it("rounds once per invoice, not per segment", () => {
    const result = compute({ amount: "1003", due: "2025-05-31", until: "2025-08-14" });
    const roundedSegments = result.segments.reduce((sum, s) => sum + Math.round(Number(s.interest) * 100), 0);
    expect(result.interest).toBe("25.87");
    expect(formatMajor({ minor: roundedSegments, currency: "EUR" })).toBe("25.86");
  });

  it("a payment on the due date reduces the balance before any day accrues", () => {
    const result = compute({
      amount: "2000",
      due: "2026-03-31",
      until: "2026-04-30",
      payments: [["2026-03-31", "500"]],
    });
    expect(result.segments).toMatchObject([{ from: "2026-04-01", days: 30, balance: "1500.00" }]);
    expect(result.interest).toBe("14.98");
  });

  it("a payment on 30 June bears that day's interest and the rate changes the next day", () => {
    const result = compute({
      amount: "8400",
      due: "2025-05-31",
      until: "2025-07-31",
      payments: [["2025-06-30", "4200"]],
    });
    expect(result.segments.map((s) => [s.from, s.to, s.balance, s.ratePercent])).toEqual([
      ["2025-06-01", "2025-06-30", "8400.00", 13.15],
      ["2025-07-01", "2025-07-31", "4200.00", 12.15],
    ]);
    expect(result.interest).toBe("134.13");
  });

  it.each<["principal-first" | "interest-first", string, string, string]>([
    ["principal-first", "162.12", "5000.00", "0.00"],
    ["interest-first", "163.29", "5108.08", "108.08"],
  ])("%s allocation of a partial payment", (allocation, interest, principal, interestPaid) => {
    const result = compute({
      amount: "10000",
      due: "2025-01-31",
      until: "2025-04-01",
      payments: [["2025-03-02", "5000"]],
      allocation,
    });
    expect(result.segments.map((s) => s.balance)).toEqual(["10000.00", principal]);
    expect(result).toMatchObject({ interest, principalOutstanding: principal, interestPaid });
  });

  it("interest-first pays the accrued interest rounded to the cent and carries the residue", () => {
    const result = compute({
      amount: "10000",
      due: "2025-01-31",
      until: "2025-03-02",
      payments: [["2025-03-02", "10108.08"]],
      allocation: "interest-first",
    });
    // 108.082192 accrued: 108.08 paid, 0.002192 left, which rounds to nothing.
    expect(result).toMatchObject({
      interest: "108.08",
      interestPaid: "108.08",
      principalOutstanding: "0.00",
    });
    expect(result.flags).toEqual([]);
  });

  it("stops when the principal is paid and flags a payment beyond the debt", () => {
    const result = compute({
      amount: "1000",
      due: "2025-01-31",
      until: "2025-12-31",
      payments: [["2025-03-02", "1200"]],
    });
    expect(result.segments).toHaveLength(1);
    expect(flagCodes(result)).toEqual(["PAYMENT_EXCEEDS_DEBT"]);
  });

  it("flags provisional rates and half-years not published yet", () => {
    const de = compute({ jurisdiction: "DE", amount: "1000", due: "2026-06-30", until: "2027-01-31" });
    expect(flagCodes(de)).toEqual(["PROVISIONAL_RATE", "RATE_NOT_PUBLISHED"]);
    expect(flagCodes(compute({ amount: "1000", due: "2026-06-30", until: "2026-07-10" }))).toEqual([
      "PROVISIONAL_RATE",
    ]);
    expect(flagCodes(compute({ amount: "1000", due: "2026-03-31", until: "2026-04-30" }))).toEqual([]);
    const consumer = {
      amount: "1000",
      due: "2026-06-01",
      until: "2026-07-31",
      isConsumer: true,
      defaultFrom: "2026-06-10",
    };
    expect(flagCodes(compute(consumer))).toEqual(["RATE_NOT_PUBLISHED"]);
  });

  it("does not check the floor where the table has no French legal rate", () => {
    const result = compute({ amount: "1000", due: "2019-01-31", until: "2019-03-31", contractualRate: "12" });
    expect(flagCodes(result)).toEqual(["FLOOR_NOT_CHECKED"]);
  });

  it("refuses dates out of order, payments after the end and a period before the table", () => {
    expect(issueFields(() => compute({ amount: "1000", due: "2025-05-31", until: "2025-05-30" }))).toEqual([
      "until",
    ]);
    expect(
      issueFields(() =>
        compute({ amount: "1000", due: "2025-05-31", until: "2025-06-30", payments: [["2025-07-01", "10"]] }),
      ),
    ).toEqual(["payments"]);
    expect(issueFields(() => compute({ amount: "1000", due: "2005-01-31", until: "2005-03-31" }))).toEqual([
      "due",
    ]);
    expect(
      issueFields(() =>
        compute({
          jurisdiction: "DE",
          defaultFrom: "2025-05-01",
          amount: "1",
          due: "2025-05-15",
          until: "2025-06-01",
        }),
      ),
    ).toEqual(["defaultFrom"]);
  });
});
