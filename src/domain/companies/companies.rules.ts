/** Sensible defaults by country for a new company; both stay editable. */
const COUNTRY_DEFAULTS: Record<
  string,
  { timeZone: string; language: "fr" | "en" | "de" | "es" | "it" | "nl" }
> = {
  FR: { timeZone: "Europe/Paris", language: "fr" },
  BE: { timeZone: "Europe/Brussels", language: "fr" },
  LU: { timeZone: "Europe/Luxembourg", language: "fr" },
  CH: { timeZone: "Europe/Zurich", language: "fr" },
  DE: { timeZone: "Europe/Berlin", language: "de" },
  AT: { timeZone: "Europe/Vienna", language: "de" },
  ES: { timeZone: "Europe/Madrid", language: "es" },
  IT: { timeZone: "Europe/Rome", language: "it" },
  NL: { timeZone: "Europe/Amsterdam", language: "nl" },
  GB: { timeZone: "Europe/London", language: "en" },
  IE: { timeZone: "Europe/Dublin", language: "en" },
  PT: { timeZone: "Europe/Lisbon", language: "en" },
};

export function countryDefaults(country: string): { timeZone: string; language: string } {
  return COUNTRY_DEFAULTS[country] ?? { timeZone: "UTC", language: "en" };
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = char >= "A" ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function isValidBic(bic: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic.replace(/\s+/g, "").toUpperCase());
}
