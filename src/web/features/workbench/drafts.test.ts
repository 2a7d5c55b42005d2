import { describe, expect, it } from "vitest";
import {
  checkDispute,
  checkPromise,
  emptyDispute,
  emptyPromise,
  hasErrors,
  normalizeAmount,
  sumOpen,
  toDisputeRequest,
  toPromiseRequest,
} from "./drafts";

const context = {
  language: "fr" as const,
  messages: { required: "required", amount: "amount", invoices: "invoices" },
};

describe("normalizeAmount", () => {
  it.each([
    ["en", "1,234.56", "1234.56"],
    ["en", "1234.5", "1234.5"],
    ["en", "10,5", null],
    ["en", "1,250", "1250"],
    ["fr", "1.5", "1.5"],
  ] as const)("%s: %s → %s", (language, text, expected) => {
    expect(normalizeAmount(text, language)).toBe(expected);
  });

  it.each([
    ["1234.56", "1234.56"],
    ["1 234,56", "1234.56"],
    ["1\u202f234,5", "1234.5"],
    ["300", "300"],
    ["0", null],
    ["0,00", null],
    ["-5", null],
    ["12,3,4", null],
    ["abc", null],
    ["", null],
  ])("%s → %s", (text, expected) => {
    expect(normalizeAmount(text, "fr")).toBe(expected);
  });
});

describe("sumOpen", () => {
  const invoices = [
    { id: 1, openAmount: "1200.10", currency: "EUR" },
    { id: 2, openAmount: "0.20", currency: "EUR" },
    { id: 3, openAmount: "10.00", currency: "USD" },
  ];
  it("adds the chosen open amounts exactly", () => {
    expect(sumOpen(invoices, ["1", "2"])).toBe("1200.30");
    expect(sumOpen(invoices, [])).toBe("");
    expect(sumOpen(invoices, ["1", "3"])).toBe("");
  });
});

describe("promise and dispute drafts", () => {
  it("names what is missing, then builds the request", () => {
    const draft = emptyPromise();
    expect(checkPromise(draft, context)).toEqual({
      invoiceIds: "invoices",
      amount: "amount",
      promisedDate: "required",
    });
    const filled = {
      ...draft,
      invoiceIds: ["4", "7"],
      amount: "1 000,50",
      promisedDate: "2026-03-13",
      note: " ",
    };
    expect(hasErrors(checkPromise(filled, context))).toBe(false);
    expect(toPromiseRequest(filled, "fr")).toEqual({
      invoiceIds: [4, 7],
      amount: "1000.50",
      promisedDate: "2026-03-13",
      channel: "phone",
      note: undefined,
    });
  });

  it("sends a dispute's partial amounts and leaves whole ones out", () => {
    const draft = { ...emptyDispute("3", null), invoiceIds: ["4", "7"], amounts: { "4": "120,5", "7": "" } };
    expect(checkDispute(draft, context)).toEqual({ invoices: undefined, reason: "required" });
    expect(checkDispute({ ...draft, amounts: { "7": "x" } }, context)["invoices.1.amount"]).toBe("amount");
    expect(toDisputeRequest({ ...draft, reason: "price" }, "fr")).toEqual({
      invoices: [{ invoiceId: 4, amount: "120.5" }, { invoiceId: 7 }],
      reason: "price",
      ownerId: 3,
      departmentId: undefined,
      deadline: undefined,
      note: undefined,
    });
    expect(
      toDisputeRequest({ ...draft, reason: "price", ownerId: null, departmentId: "12" }, "fr"),
    ).toMatchObject({ ownerId: undefined, departmentId: 12 });
  });
});
