import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isValidOgm,
  isValidRf,
  makeOgm,
  makeRf,
  normalizeIban,
  normalizeInvoiceNumber,
  normalizeReference,
} from "./references";

describe("normalizeInvoiceNumber", () => {
  it.each([
    ["FA-2024-0102", "FA20240102"],
    ["fa 2024/0102", "FA20240102"],
    ["N° 00123", "N00123"],
    ["Réf. É-12", "RF12"],
    ["straße 12", "STRAE12"],
    ["ﬁ-9", "9"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalizeInvoiceNumber(input)).toBe(expected);
  });

  it("agrees with regexp_replace(upper(x), '[^A-Z0-9]+', '', 'g') on any text", () => {
    // The SQL twin, for a C-locale upper(): ASCII letters only are uppercased.
    const sqlTwin = (text: string): string =>
      text.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/[^A-Z0-9]+/g, "");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(normalizeInvoiceNumber(text)).toBe(sqlTwin(text));
      }),
    );
  });
});

describe("normalizeReference", () => {
  it.each([
    ["RF18 5390 0754 7034", "RF18539007547034"],
    ["rf18539007547034", "RF18539007547034"],
    ["+++010/8068/17183+++", "010806817183"],
    ["*** 010 / 8068 / 17183 ***", "010806817183"],
    ["CUST-1234-A", "CUST1234A"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeReference(input)).toBe(expected);
  });
});

describe("ISO 11649 RF references", () => {
  it("computes the documented example", () => {
    expect(makeRf("539007547034")).toBe("RF18539007547034");
    expect(makeRf("FA2024001")).toBe("RF79FA2024001");
  });

  it.each([
    ["RF18539007547034", true],
    ["RF18 5390 0754 7034", true],
    ["rf18 5390 0754 7034", true],
    ["RF19539007547034", false],
    ["RF18539007547035", false],
    ["RF185390075470341234567890", false],
    ["RF18", false],
    ["XX18539007547034", false],
  ])("%s valid: %s", (reference, valid) => {
    expect(isValidRf(reference)).toBe(valid);
  });

  it("makes references that validate, and a changed character breaks them", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{1,21}$/), (body) => {
        const reference = makeRf(body);
        expect(isValidRf(reference)).toBe(true);
        const check = Number(reference[3]);
        const changed = `${reference.slice(0, 3)}${(check + 1) % 10}${reference.slice(4)}`;
        expect(isValidRf(changed)).toBe(false);
      }),
    );
  });

  it("refuses a body that cannot be a reference", () => {
    expect(() => makeRf("ABC-1")).toThrow(RangeError);
    expect(() => makeRf("1234567890123456789012")).toThrow(RangeError);
  });
});

describe("Belgian structured communication", () => {
  it("computes the documented example, 97 instead of 0", () => {
    expect(makeOgm("0108068171")).toBe("+++010/8068/17183+++");
    expect(makeOgm("0000000097")).toBe("+++000/0000/09797+++");
  });

  it.each([
    ["+++010/8068/17183+++", true],
    ["***010/8068/17183***", true],
    ["010/8068/17183", true],
    ["010806817183", true],
    ["+++010/8068/17184+++", false],
    ["+++000/0000/00000+++", false],
    ["+++010/8068/1718+++", false],
  ])("%s valid: %s", (reference, valid) => {
    expect(isValidOgm(reference)).toBe(valid);
  });

  it("makes communications that validate", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (base) => {
        fc.pre(Number(base) > 0);
        expect(isValidOgm(makeOgm(base))).toBe(true);
      }),
    );
  });
});

describe("normalizeIban", () => {
  it.each([
    ["fr76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"],
    ["BE68-5390-0754-7034", "BE68539007547034"],
    ["12345", null],
    [null, null],
  ])("%s → %s", (input, expected) => {
    expect(normalizeIban(input)).toBe(expected);
  });
});
