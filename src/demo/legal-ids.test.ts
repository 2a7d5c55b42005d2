import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_COMPANIES } from "./demo-companies";
import {
  frenchIban,
  frenchVatId,
  germanIban,
  germanVatId,
  isLuhnValid,
  isValidIban,
  ribKey,
  withLuhnDigit,
} from "./legal-ids";

describe("legal identifiers", () => {
  it.each([
    ["FR1420041010050500013M02606", true],
    ["DE89370400440532013000", true],
    ["DE89370400440532013001", false],
    ["FR7630004008250001234567800", false],
  ])("checks the IBAN %s with mod 97", (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid);
  });

  it("builds IBANs that pass the mod-97 check, with a valid French RIB key inside", () => {
    expect(isValidIban(frenchIban("30004", "00825", "00012345678"))).toBe(true);
    expect(isValidIban(germanIban("70020270", "0015243678"))).toBe(true);
    // FR14 2004 1010 0505 0001 3M02 606: RIB key 06, with the letter M counted as 4.
    expect(ribKey("20041", "01005", "05000134026")).toBe("06");
  });

  it("gives both demo companies valid IBANs, VAT numbers and (for France) a Luhn-valid SIRET", () => {
    for (const company of DEMO_COMPANIES) expect(isValidIban(company.iban)).toBe(true);
    const fr = DEMO_COMPANIES.find((c) => c.code === "FR")!;
    expect(fr.legalId).toMatch(/^\d{14}$/);
    expect(isLuhnValid(fr.legalId)).toBe(true);
    expect(fr.vatId).toBe(frenchVatId(fr.legalId.slice(0, 9)));
  });

  it("computes the French VAT key from the SIREN", () => {
    expect(frenchVatId("404833048")).toBe("FR83404833048");
  });

  it("computes the German USt-IdNr check digit (ISO 7064 MOD 11,10)", () => {
    expect(germanVatId("13669597")).toBe("DE136695976");
  });

  it("appends Luhn digits that validate, for SIREN and SIRET alike", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8,13}$/), (digits) => {
        const withCheck = withLuhnDigit(digits);
        expect(isLuhnValid(withCheck)).toBe(true);
        const last = Number(withCheck.at(-1));
        expect(isLuhnValid(`${withCheck.slice(0, -1)}${(last + 1) % 10}`)).toBe(false);
      }),
    );
  });
});
