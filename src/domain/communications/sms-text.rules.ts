/**
 * SMS length rules (3GPP TS 23.038 / 23.040): a text in the GSM 7-bit alphabet fits 160 characters
 * in one message, 153 per part when concatenated; any other character switches the whole text to
 * UCS-2: 70 characters, 67 per part. Characters of the extension table (€, [, ], {, }, ~, ^, |, \)
 * take two places, and an escape pair is never split between two parts.
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "\f^{}\\[~]|€";
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsEncoding = "GSM-7" | "UCS-2";
export type SmsLength = { encoding: SmsEncoding; units: number; parts: number };

/**
 * What a reminder's text becomes before it is measured: spaces of every kind (French amounts use
 * narrow no-break spaces) become plain spaces, typographic quotes and dashes their ASCII forms, so
 * that a usual message stays in the GSM alphabet.
 */
export function normalizeSmsText(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ")
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return false;
  return true;
}

/** The encoding, the length in that encoding's units, and the number of parts it takes. */
export function smsLength(text: string): SmsLength {
  if (isGsm7(text)) {
    const sizes = [...text].map((char) => (EXTENSION.has(char) ? 2 : 1));
    const units = sizes.reduce((a, b) => a + b, 0);
    if (units <= 160) return { encoding: "GSM-7", units, parts: units === 0 ? 0 : 1 };
    let parts = 1;
    let used = 0;
    for (const size of sizes) {
      if (used + size > 153) {
        parts += 1;
        used = 0;
      }
      used += size;
    }
    return { encoding: "GSM-7", units, parts };
  }
  // UCS-2 counts UTF-16 code units; a surrogate pair (emoji) is never split either.
  const units = text.length;
  if (units <= 70) return { encoding: "UCS-2", units, parts: 1 };
  let parts = 1;
  let used = 0;
  for (const char of text) {
    if (used + char.length > 67) {
      parts += 1;
      used = 0;
    }
    used += char.length;
  }
  return { encoding: "UCS-2", units, parts };
}

export type FittedSms =
  | { ok: true; text: string; length: SmsLength }
  | { ok: false; reason: string; length: SmsLength };

/**
 * The rule: a text message is normalised, then sent whole if it fits in `maxParts` parts, and refused
 * otherwise — never cut, because a cut reminder could lose its amount or its payment reference.
 */
export function fitSms(text: string, maxParts: number): FittedSms {
  const normalized = normalizeSmsText(text);
  const length = smsLength(normalized);
  if (length.units === 0) return { ok: false, reason: "The text message is empty", length };
  if (length.parts > maxParts) {
    const per = length.encoding === "GSM-7" ? 153 : 67;
    return {
      ok: false,
      reason: `The text message needs ${length.parts} parts (${length.units} ${length.encoding} characters); at most ${maxParts} are allowed (${maxParts * per} characters). Shorten the template`,
      length,
    };
  }
  return { ok: true, text: normalized, length };
}
