import { describe, expect, it } from "vitest";
import {
  defaultAllocation,
  isWithinTolerance,
  manualMatchTotals,
  type PickedItem,
  readAmount,
  shortfall,
  toTypedAmount,
} from "./manual-match";

function item(invoiceId: number, openAmount: string, amount: string): PickedItem {
  return {
    invoiceId,
    number: `FA-${invoiceId}`,
    customerId: 1,
    customerName: "Client",
    dueDate: "2026-01-31",
    openAmount,
    amount,
  };
}

describe("readAmount", () => {
  it.each([
    ["1234.50", 123450],
    ["1 234,5", 123450],
    ["1\u202f234,50", 123450],
    ["-12,30", -1230],
    ["0", 0],
  ])("reads %s", (text, minor) => {
    expect(readAmount(text, "EUR")).toBe(minor);
  });

  it.each(["", "abc", "12.345", "1,2,3"])("refuses %j", (text) => {
    expect(readAmount(text, "EUR")).toBeNull();
  });
});

describe("manualMatchTotals", () => {
  it("splits a line over several items and keeps the rest as unapplied", () => {
    const totals = manualMatchTotals("1500.00", "EUR", [
      item(1, "1000.00", "1000.00"),
      item(2, "800.00", "300,00"),
    ]);
    expect(totals).toMatchObject({ allocated: "1300.00", remainder: "200.00", isOverAllocated: false });
    expect(totals.invalid.size).toBe(0);
    expect(totals.exceeding.size).toBe(0);
  });

  it("nets a credit note against an invoice", () => {
    const totals = manualMatchTotals("900.00", "EUR", [
      item(1, "1000.00", "1000.00"),
      item(2, "-100.00", "-100.00"),
    ]);
    expect(totals).toMatchObject({ allocated: "900.00", remainder: "0.00", isOverAllocated: false });
  });

  it("flags too much allocated, amounts above the open amount and unreadable amounts", () => {
    const totals = manualMatchTotals("100.00", "EUR", [item(1, "80.00", "90.00"), item(2, "50.00", "x")]);
    expect(totals.isOverAllocated).toBe(false);
    expect([...totals.exceeding]).toEqual([1]);
    expect([...totals.invalid]).toEqual([2]);
    expect(manualMatchTotals("100.00", "EUR", [item(1, "200.00", "150.00")]).isOverAllocated).toBe(true);
    expect(manualMatchTotals("100.00", "EUR", [item(1, "-50.00", "-50.00")]).isNegative).toBe(true);
  });
});

describe("defaultAllocation", () => {
  it("takes the whole open amount when the line covers it, else what remains of the line", () => {
    expect(defaultAllocation("400.00", "1000.00", "EUR")).toBe("400.00");
    expect(defaultAllocation("400.00", "250.00", "EUR")).toBe("250.00");
    expect(defaultAllocation("-50.00", "0.00", "EUR")).toBe("-50.00");
  });
});

describe("shortfall and tolerance", () => {
  it("tells what stays open on an item, to write off within the tolerance", () => {
    expect(shortfall(item(1, "100.00", "99.20"), "EUR")).toBe("0.80");
    expect(shortfall(item(1, "100.00", "100.00"), "EUR")).toBeNull();
    expect(isWithinTolerance("0.80", "1.00", "EUR")).toBe(true);
    expect(isWithinTolerance("1.20", "1.00", "EUR")).toBe(false);
    expect(isWithinTolerance("5.00", undefined, "EUR")).toBe(true);
  });
});

describe("toTypedAmount", () => {
  it("writes the decimal separator of the user's language", () => {
    expect(toTypedAmount("1234.50", "fr-FR")).toBe("1234,50");
    expect(toTypedAmount("1234.50", "en-GB")).toBe("1234.50");
  });
});
