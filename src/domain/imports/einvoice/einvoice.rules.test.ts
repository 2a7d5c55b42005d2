import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buyerExternalRef,
  CREDIT_NOTE_TYPE_CODES,
  documentSign,
  nameKey,
  parseEInvoiceAmount,
  parseEInvoiceDate,
} from "./einvoice.rules";

describe("documentSign", () => {
  it.each([
    ["380", 52987, "invoice", 1],
    ["380", -879, "credit_note", 1],
    ["384", -879, "credit_note", 1],
    ["389", 52987, "invoice", 1],
    ["381", 10011, "credit_note", -1],
    ["381", -500, "invoice", -1],
    ["381", 0, "credit_note", -1],
    ["380", 0, "invoice", 1],
    ["261", 100, "credit_note", -1],
  ] as const)("type %s, total %i → %s, sign %i", (code, totalMinor, type, sign) => {
    expect(documentSign({ isCreditNote: CREDIT_NOTE_TYPE_CODES.has(code), totalMinor })).toEqual({
      type,
      sign,
    });
  });

  it("always gives credit notes a non-positive amount and invoices a non-negative one", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: -1e9, max: 1e9 }), (isCreditNote, totalMinor) => {
        const { type, sign } = documentSign({ isCreditNote, totalMinor });
        expect(type === "credit_note" ? sign * totalMinor <= 0 : sign * totalMinor >= 0).toBe(true);
      }),
    );
  });
});

describe("parseEInvoiceDate", () => {
  it.each([
    ["20180305", "CII", "102", "2018-03-05"],
    ["20240229", "CII", undefined, "2024-02-29"],
    ["2018-03-05", "UBL", undefined, "2018-03-05"],
    ["2018-03-05Z", "UBL", undefined, "2018-03-05"],
    ["2018-03-05+01:00", "UBL", undefined, "2018-03-05"],
  ] as const)("%s (%s, format %s) → %s", (text, syntax, format, expected) => {
    expect(parseEInvoiceDate(text, syntax, format)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["20180231", "CII", "102"],
    ["2018-03-05", "CII", "102"],
    ["201803", "CII", "610"],
    ["05.03.2018", "UBL", undefined],
    ["20180305", "UBL", undefined],
  ] as const)("refuses %s (%s, format %s)", (text, syntax, format) => {
    expect(parseEInvoiceDate(text, syntax, format).ok).toBe(false);
  });
});

describe("parseEInvoiceAmount", () => {
  it.each([
    ["529.87", "EUR", 52987],
    ["473", "EUR", 47300],
    ["2337.5", "DKK", 233750],
    ["9.9000", "EUR", 990],
    ["-782179.43", "DKK", -78217943],
    ["+12.30", "EUR", 1230],
    [".5", "EUR", 50],
    ["87859.00", "HUF", 8785900],
    ["1500", "JPY", 1500],
  ] as const)("%s %s → %i minor units", (text, currency, minor) => {
    expect(parseEInvoiceAmount(text, currency)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ["529.875", "EUR", /more than 2 decimals/],
    ["1500.5", "JPY", /more than 0 decimals/],
    ["529,87", "EUR", /not a decimal amount/],
    ["1e3", "EUR", /not a decimal amount/],
    ["EUR 12", "EUR", /not a decimal amount/],
  ] as const)("refuses %s %s", (text, currency, message) => {
    const parsed = parseEInvoiceAmount(text, currency);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("never goes through a float: every 2-decimal string maps exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (cents) => {
        const abs = cents < 0n ? -cents : cents;
        const text = `${cents < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
        expect(parseEInvoiceAmount(text, "EUR")).toEqual({ ok: true, value: Number(cents) });
      }),
    );
  });
});

describe("buyerExternalRef", () => {
  it.each([
    [{ id: " GE2020211 ", legalId: "78787878400035", vatId: "FR19787878784", name: "X" }, "GE2020211"],
    [{ id: null, legalId: "787 878 784 00035", vatId: "FR19787878784", name: "X" }, "78787878400035"],
    [{ id: null, legalId: null, vatId: "es a12.345-674", name: "X" }, "ESA12345674"],
    [{ id: null, legalId: null, vatId: null, name: "Hôtel  Saint-Denis\n" }, "name:hotel-saint-denis"],
    [{ id: null, legalId: null, vatId: null, name: " — " }, null],
  ])("%j → %s", (buyer, expected) => {
    expect(buyerExternalRef(buyer)).toBe(expected);
  });

  it("a name gives the same reference however it is cased, accented or spaced", () => {
    expect(nameKey("KUNDEN AG  Mitte")).toBe(nameKey("Kunden AG Mitte"));
    expect(nameKey("Centrala Inköps Handelsbolag")).toBe("centrala-inkops-handelsbolag");
  });
});
