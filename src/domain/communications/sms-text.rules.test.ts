import { describe, expect, it } from "vitest";
import { renderTemplate } from "./liquid-sandbox";
import { normalizePhoneNumber } from "./phone-number";
import { sampleVariables } from "./sample-message";
import { findShippedTemplate } from "./shipped-templates";
import { fitSms, normalizeSmsText, smsLength } from "./sms-text.rules";

describe("smsLength", () => {
  it.each([
    ["", "GSM-7", 0, 0],
    ["a".repeat(160), "GSM-7", 160, 1],
    ["a".repeat(161), "GSM-7", 161, 2],
    ["a".repeat(306), "GSM-7", 306, 2],
    ["a".repeat(307), "GSM-7", 307, 3],
    // € is in the extension table: two places.
    [`${"a".repeat(158)}€`, "GSM-7", 160, 1],
    [`${"a".repeat(159)}€`, "GSM-7", 161, 2],
    // An escape pair is not split: 152 + € (2) does not fit the first part's 153.
    [`${"a".repeat(152)}€${"a".repeat(10)}`, "GSM-7", 164, 2],
    ["é à ù è É Ç ñ ü ß", "GSM-7", 17, 1],
    // ç (small) and ê are not in the GSM alphabet: the whole text goes UCS-2.
    ["ç".repeat(70), "UCS-2", 70, 1],
    ["ê".repeat(71), "UCS-2", 71, 2],
    ["ê".repeat(134), "UCS-2", 134, 2],
    ["ê".repeat(135), "UCS-2", 135, 3],
    ["😀", "UCS-2", 2, 1],
  ])("%j is %s, %i units, %i part(s)", (text, encoding, units, parts) => {
    expect(smsLength(text)).toEqual({ encoding, units, parts });
  });
});

describe("normalizeSmsText and fitSms", () => {
  it("turns the typography of formatted amounts and quotes into the GSM alphabet", () => {
    const text = normalizeSmsText("Total\u00a0: 1\u202f200,00\u00a0€ – l’échéance  “passée”…");
    expect(text).toBe('Total : 1 200,00 € - l\'échéance "passée"...');
    expect(smsLength(text).encoding).toBe("GSM-7");
  });

  it("sends a text within the parts allowed and refuses a longer one, never cutting it", () => {
    expect(fitSms("a".repeat(459), 3)).toMatchObject({ ok: true, length: { parts: 3 } });
    expect(fitSms("a".repeat(460), 3)).toEqual({
      ok: false,
      reason:
        "The text message needs 4 parts (460 GSM-7 characters); at most 3 are allowed (459 characters). Shorten the template",
      length: { encoding: "GSM-7", units: 460, parts: 4 },
    });
    expect(fitSms("  \n ", 3)).toMatchObject({ ok: false, reason: "The text message is empty" });
  });
});

describe("normalizePhoneNumber", () => {
  it.each([
    ["06 12 34 56 78", "FR", { ok: true, e164: "+33612345678" }],
    ["+33 6 12 34 56 78", null, { ok: true, e164: "+33612345678" }],
    ["0151 23456789", "DE", { ok: true, e164: "+4915123456789" }],
    ["07911 123456", "GB", { ok: true, e164: "+447911123456" }],
    ["612 345 678", "ES", { ok: true, e164: "+34612345678" }],
    ["06 12345678", "NL", { ok: true, e164: "+31612345678" }],
    ["06 12 34", "FR", { ok: false, reason: 'Invalid phone number "06 12 34" for country FR' }],
    ["06 12 34 56 78", null, { ok: false, reason: 'Invalid phone number "06 12 34 56 78"' }],
    [
      "01 42 68 53 00",
      "FR",
      { ok: false, reason: 'The phone number "01 42 68 53 00" is not a mobile number (fixed_line)' },
    ],
    ["", "FR", { ok: false, reason: "No phone number to send to" }],
  ])("%s in %s", (raw, country, expected) => {
    expect(normalizePhoneNumber(raw, country)).toEqual(expected);
  });
});

describe("the shipped text messages", () => {
  it.each(["fr", "en", "de", "es", "it", "nl"] as const)(
    "fit one GSM-7 part in %s with a usual name and amount",
    async (language) => {
      const body = findShippedTemplate("small.d+20", language, "sms")!.body;
      const text = await renderTemplate("text", body.text, sampleVariables(language, "sms"));
      expect(fitSms(text, 1)).toMatchObject({ ok: true, length: { encoding: "GSM-7", parts: 1 } });
    },
  );
});
