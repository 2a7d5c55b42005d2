import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../shared/dates";
import { type LetterGroup, type LetterItem, letteringDate, settleLettering } from "./fec-lettering";

let nextLine = 2;

function item(
  ref: string,
  role: LetterItem["role"],
  amountMinor: number,
  date: string,
  letterDate: string | null = null,
): LetterItem {
  return {
    ref,
    role,
    amountMinor,
    date: date as IsoDate,
    line: nextLine++,
    entryDate: date as IsoDate,
    letterDate: letterDate as IsoDate | null,
  };
}

function group(items: LetterItem[], letter = "AA", partyRef = "C001"): LetterGroup {
  return { partyRef, letter, items };
}

function settle(groups: LetterGroup[], openings: LetterGroup[] = []) {
  const result = settleLettering({ groups, openings, currency: "EUR" });
  return {
    allocations: result.allocations.map((a) => [a.paymentRef, a.invoiceRef, a.amountMinor, a.date]),
    settled: Object.fromEntries(result.settledMinor),
  };
}

describe("settleLettering", () => {
  it("allocates a payment to the invoices of its group, oldest invoice first", () => {
    const result = settle([
      group([
        item("VE-2-1", "debit", 30000, "2024-02-10"),
        item("VE-1-1", "debit", 50000, "2024-01-10"),
        item("BQ-7-2", "cash", 80000, "2024-03-01", "2024-03-02"),
      ]),
    ]);
    expect(result.allocations).toEqual([
      ["BQ-7-2", "VE-1-1", 50000, "2024-03-02"],
      ["BQ-7-2", "VE-2-1", 30000, "2024-03-02"],
    ]);
    expect(result.settled).toEqual({ "VE-1-1": 50000, "VE-2-1": 30000 });
  });

  it("nets credit notes against invoices before cash, without an allocation", () => {
    const result = settle([
      group([
        item("VE-1-1", "debit", 100000, "2024-01-10"),
        item("VE-2-1", "credit", 20000, "2024-01-20"),
        item("BQ-7-2", "cash", 80000, "2024-02-01"),
      ]),
    ]);
    expect(result.allocations).toEqual([["BQ-7-2", "VE-1-1", 80000, "2024-02-01"]]);
    expect(result.settled).toEqual({ "VE-1-1": 100000, "VE-2-1": 20000 });
  });

  it("splits several payments over several invoices, never more than either", () => {
    const result = settle([
      group([
        item("VE-1-1", "debit", 60000, "2024-01-10"),
        item("VE-2-1", "debit", 40000, "2024-01-11"),
        item("BQ-1-2", "cash", 50000, "2024-02-01"),
        item("BQ-2-2", "cash", 50000, "2024-02-15"),
      ]),
    ]);
    expect(result.allocations).toEqual([
      ["BQ-1-2", "VE-1-1", 50000, "2024-02-15"],
      ["BQ-2-2", "VE-1-1", 10000, "2024-02-15"],
      ["BQ-2-2", "VE-2-1", 40000, "2024-02-15"],
    ]);
  });

  it("takes refunds off the payments first (money paid back)", () => {
    const result = settle([
      group([
        item("VE-1-1", "debit", 160782, "2021-10-01"),
        item("CRC-122-1", "cash", 189584, "2021-11-03"),
        item("CRC-162-1", "refund", 28802, "2021-11-03"),
      ]),
    ]);
    expect(result.allocations).toEqual([["CRC-122-1", "VE-1-1", 160782, "2021-11-03"]]);
  });

  it("settles what a partial group covers and leaves the rest open", () => {
    const result = settle([
      group(
        [item("VE-1-1", "debit", 100000, "2024-01-10"), item("BQ-1-2", "cash", 40000, "2024-02-01")],
        "aa",
      ),
    ]);
    expect(result.allocations).toEqual([["BQ-1-2", "VE-1-1", 40000, "2024-02-01"]]);
    expect(result.settled).toEqual({ "VE-1-1": 40000 });
  });

  it("keeps groups of different customers or letters apart", () => {
    const result = settle([
      group([item("VE-1-1", "debit", 100000, "2024-01-10")], "AA", "C001"),
      group([item("BQ-1-2", "cash", 100000, "2024-02-01")], "AA", "C002"),
      group([item("BQ-2-2", "cash", 100000, "2024-02-01")], "AB", "C001"),
    ]);
    expect(result.allocations).toEqual([]);
  });

  it("gives cash lettered with a previous year's invoice to the opening balance", () => {
    const opening = group([item("AN-1-3", "debit", 613588, "2021-09-01")], "", "CLAURE");
    const result = settle(
      [
        group([item("CRC-8-1", "cash", 278098, "2021-09-03")], "AAAT", "CLAURE"),
        group([item("CRC-67-1", "cash", 335490, "2021-10-07")], "AAAX", "CLAURE"),
      ],
      [opening],
    );
    expect(result.allocations).toEqual([
      ["CRC-8-1", "AN-1-3", 278098, "2021-09-03"],
      ["CRC-67-1", "AN-1-3", 335490, "2021-10-07"],
    ]);
    expect(result.settled).toEqual({ "AN-1-3": 613588 });
  });

  it("leaves a credit note and the refund that paid it out side by side", () => {
    const result = settle([
      group([item("VE-1-1", "credit", 10000, "2024-01-10"), item("BQ-1-2", "refund", 10000, "2024-02-01")]),
    ]);
    expect(result).toEqual({ allocations: [], settled: {} });
  });
});

describe("letteringDate", () => {
  it("is the latest DateLet, else the latest entry date of the group", () => {
    expect(
      letteringDate([item("a", "debit", 1, "2024-01-10", "2024-03-01"), item("b", "cash", 1, "2024-02-01")]),
    ).toBe("2024-03-01");
    expect(letteringDate([item("a", "debit", 1, "2024-01-10"), item("b", "cash", 1, "2024-02-01")])).toBe(
      "2024-02-01",
    );
    expect(letteringDate([])).toBeNull();
  });
});
