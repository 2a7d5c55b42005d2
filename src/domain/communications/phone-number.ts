import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * A customer's phone number in E.164 (+33612345678), read in the customer's country when it is
 * written nationally (06 12 34 56 78). A number that cannot receive text messages (a fixed line)
 * is refused, with the reason.
 */
export function normalizePhoneNumber(raw: string, country: string | null): PhoneResult {
  const text = raw.trim();
  if (text === "") return { ok: false, reason: "No phone number to send to" };
  const region = (country ?? "").toUpperCase();
  const parsed = parsePhoneNumberFromString(
    text,
    /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined,
  );
  if (!parsed?.isValid()) {
    return { ok: false, reason: `Invalid phone number "${text}"${region ? ` for country ${region}` : ""}` };
  }
  const type = parsed.getType();
  if (type === "FIXED_LINE" || type === "TOLL_FREE" || type === "PREMIUM_RATE" || type === "SHARED_COST") {
    return { ok: false, reason: `The phone number "${text}" is not a mobile number (${type.toLowerCase()})` };
  }
  return { ok: true, e164: parsed.number };
}
