/**
 * Check-digit arithmetic for the identifiers the demo prints: made-up numbers, but shaped and
 * checked like real ones, so that validators in imports and templates accept them.
 */

/** Remainder of a long decimal string (IBAN arithmetic needs ~30 digits) modulo 97. */
function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(String(remainder) + digits.slice(i, i + 7)) % 97;
  }
  return remainder;
}

/** Letters become two digits (A = 10 … Z = 35), as ISO 13616 prescribes. */
function ibanDigits(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
}

/** Builds an IBAN whose check digits pass the ISO 13616 mod-97 test. */
export function ibanFromBban(country: string, bban: string): string {
  const check = 98 - mod97(ibanDigits(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, "0")}${bban}`;
}

export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  return mod97(ibanDigits(`${compact.slice(4)}${compact.slice(0, 4)}`)) === 1;
}

/** The French RIB key, so that the BBAN inside the IBAN is itself valid. */
export function ribKey(bank: string, branch: string, account: string): string {
  const key = 97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * Number(account)) % 97);
  return String(key).padStart(2, "0");
}

/** A French IBAN from bank code (5), branch code (5) and an 11-digit account number. */
export function frenchIban(bank: string, branch: string, account: string): string {
  return ibanFromBban("FR", `${bank}${branch}${account}${ribKey(bank, branch, account)}`);
}

/** A German IBAN from the Bankleitzahl (8) and a 10-digit account number. */
export function germanIban(blz: string, account: string): string {
  return ibanFromBban("DE", `${blz}${account}`);
}

/** Appends the Luhn digit: SIREN and SIRET numbers are Luhn-valid. */
export function withLuhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Counting from the right once the check digit is appended, every second digit is doubled.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

export function isLuhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && withLuhnDigit(digits.slice(0, -1)) === digits;
}

/** French intra-community VAT number: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatId(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}

/** German USt-IdNr: DE + 8 digits + an ISO 7064 MOD 11,10 check digit. */
export function germanVatId(eightDigits: string): string {
  let product = 10;
  for (const char of eightDigits) {
    let sum = (Number(char) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = 11 - product;
  return `DE${eightDigits}${check === 10 ? 0 : check}`;
}
