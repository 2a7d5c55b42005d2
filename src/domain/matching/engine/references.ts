/**
 * Normal forms of what payers write: invoice numbers, structured payment references (ISO 11649 RF,
 * Belgian structured communication) and IBANs. The database compares the same normal forms, so each
 * function here has a SQL twin that must give the same text for the same input.
 */

/**
 * Uppercase, only [A-Z0-9]. The SQL twin is `regexp_replace(upper(number), '[^A-Z0-9]+', '', 'g')`:
 * non-ASCII letters are dropped, never transliterated ("É" is outside A-Z there too), and "ß" is not
 * expanded to "SS" (JavaScript's toUpperCase would), so only ASCII letters are uppercased here.
 */
export function normalizeInvoiceNumber(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) out += text[i];
    else if (c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
  }
  return out;
}

/**
 * A payment reference as stored and compared: only [A-Z0-9] kept, uppercased, exactly like an invoice
 * number (the SQL twin is the same `regexp_replace(upper(…), '[^A-Z0-9]+', '', 'g')`). So a Belgian
 * structured communication (`+++123/4567/89012+++`, `***…***`) becomes its 12 digits, an RF reference is
 * kept whole (`RF18539007547034`), and a company's own reference loses its separators (`CUST-1234-A` →
 * `CUST1234A`).
 */
export function normalizeReference(text: string): string {
  return normalizeInvoiceNumber(text);
}

/** Letters count as 10..35, digits as themselves; the result mod 97, computed piecewise (no BigInt). */
function mod97(alphanumeric: string): number {
  let rest = 0;
  for (const ch of alphanumeric) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest;
}

const RF_SHAPE = /^RF\d{2}[A-Z0-9]{1,21}$/;

/** ISO 11649: `RF` + 2 check digits + 1 to 21 alphanumerics, the rearranged number mod 97 = 1. */
export function isValidRf(text: string): boolean {
  const ref = text.replace(/\s+/g, "").toUpperCase();
  if (!RF_SHAPE.test(ref)) return false;
  return mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

/** The RF reference of a body of 1 to 21 alphanumerics: `makeRf("539007547034")` → `RF18539007547034`. */
export function makeRf(body: string): string {
  const clean = body.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/.test(clean)) throw new RangeError(`"${body}" is not an RF reference body`);
  const check = 98 - mod97(`${clean}RF00`);
  return `RF${String(check).padStart(2, "0")}${clean}`;
}

/** The 10 base digits and 2 check digits of a Belgian communication, whatever its punctuation. */
function ogmDigits(text: string): string | null {
  const compact = text.replace(/\s+/g, "");
  const shape = /^(?:\+{3}|\*{3})?\d{3}\/?\d{4}\/?\d{5}(?:\+{3}|\*{3})?$/;
  return shape.test(compact) ? compact.replace(/\D/g, "") : null;
}

function ogmCheck(base: string): string {
  const rest = Number(base) % 97;
  return String(rest === 0 ? 97 : rest).padStart(2, "0");
}

/** Belgian structured communication: 10 digits then base mod 97 (97 instead of 0). */
export function isValidOgm(text: string): boolean {
  const digits = ogmDigits(text);
  if (!digits) return false;
  const base = digits.slice(0, 10);
  return Number(base) > 0 && ogmCheck(base) === digits.slice(10);
}

/** `makeOgm("0108068171")` → `+++010/8068/17183+++`. */
export function makeOgm(base10digits: string): string {
  if (!/^\d{10}$/.test(base10digits)) throw new RangeError(`"${base10digits}" is not 10 digits`);
  const d = base10digits + ogmCheck(base10digits);
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

/** An IBAN without spaces, uppercased, or null when the text has no plausible IBAN shape. */
export function normalizeIban(text: string | null): string | null {
  if (!text) return null;
  const compact = text.replace(/[\s-]+/g, "").toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact) ? compact : null;
}
