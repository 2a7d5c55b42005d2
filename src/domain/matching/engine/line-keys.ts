import type { LineKeys, LineToMatch } from "./engine.types";
import {
  isValidOgm,
  isValidRf,
  normalizeIban,
  normalizeInvoiceNumber,
  normalizeReference,
} from "./references";

/** At most this many invoice-number keys per line: the database looks each of them up. */
export const MAX_NUMBER_KEYS = 40;
const MIN_KEY_LENGTH = 4;
const MAX_KEY_LENGTH = 35;
const MAX_WINDOW = 3;

/**
 * Words payers put before a number ("Facture n° 123", "INV-123", "Rechnung Nr. 123"), normalized as
 * invoice numbers ("N°" → "N"). A key is also looked up without them, since invoice numbers rarely
 * carry them; the unstripped key stays too, for numbers that do ("INV123").
 */
const NUMBER_PREFIXES = [
  "FACTURES",
  "FACTURE",
  "FACTUUR",
  "FACTURA",
  "FATTURA",
  "FACTNR",
  "FACTNO",
  "FACT",
  "INVOICES",
  "INVOICE",
  "INVNR",
  "INVNO",
  "INV",
  "RECHNUNGSNR",
  "RECHNUNGSNUMMER",
  "RECHNUNG",
  "RECHNR",
  "RECH",
  "REFERENCE",
  "REF",
  "NUMERO",
  "NUM",
  "NR",
  "NO",
  "N",
];

/** Separators between words; "-", "/", "." and "_" stay inside a word (they are ignored by the normal form). */
const WORD_SPLIT = /[\s,;:+&()[\]{}#|"'!?<>=*]+/;

const PARTIAL_WORDS =
  /\b(acomptes?|accomptes?|partiel(?:le)?s?|en partie|partial|part[ -]payment|instal?ments?|teilzahlung(?:en)?|anzahlung(?:en)?|abschlagszahlung|teilbetrag|a cuenta|pago parcial|parcial|anticipo|parziale|acconto|gedeeltelijke?|deelbetaling|aanbetaling|voorschot)\b/;

function plain(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Whether the remittance says the payment is partial, in French, English, German, Spanish, Italian or Dutch. */
export function saysPartial(text: string | null): boolean {
  return text !== null && PARTIAL_WORDS.test(plain(text));
}

function stripPrefixes(key: string): string[] {
  const out: string[] = [];
  let rest = key;
  for (let guard = 0; guard < 3; guard++) {
    const prefix = NUMBER_PREFIXES.find((p) => rest.startsWith(p) && /\d/.test(rest.slice(p.length)));
    if (!prefix || rest.length - prefix.length < MIN_KEY_LENGTH) break;
    rest = rest.slice(prefix.length);
    out.push(rest);
  }
  return out;
}

/** The text's words in their invoice-number normal form (empty ones dropped). */
export function numberWords(text: string): string[] {
  return text
    .split(WORD_SPLIT)
    .map(normalizeInvoiceNumber)
    .filter((w) => w.length > 0);
}

/** Candidate invoice numbers: 1 to 3 adjacent words joined, with a digit and 4+ characters, prefixes dropped. */
export function numberCandidates(words: readonly string[], limit: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (key: string): void => {
    if (out.length >= limit || key.length < MIN_KEY_LENGTH || key.length > MAX_KEY_LENGTH) return;
    if (!/\d/.test(key) || seen.has(key)) return;
    seen.add(key);
    out.push(key);
  };
  for (let size = 1; size <= MAX_WINDOW; size++) {
    for (let start = 0; start + size <= words.length; start++) {
      const joined = words.slice(start, start + size).join("");
      add(joined);
      for (const stripped of stripPrefixes(joined)) add(stripped);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

const RF_START = /^RF\d{2}/;
const OGM_IN_TEXT =
  /(?:\+{3}|\*{3})?\s*\d{3}\s*\/\s*\d{4}\s*\/\s*\d{5}\s*(?:\+{3}|\*{3})?|(?:\+{3}|\*{3})\s*\d{12}\s*(?:\+{3}|\*{3})/g;

/** Valid RF and Belgian references written in free text (invalid ones there are just words). */
function referencesInText(text: string): string[] {
  const found: string[] = [];
  // An RF reference ends where a word ends ("RF18 5390 0754 7034", "RF18539007547034."); every valid
  // reading is kept, since a following word could by chance extend it into another valid one.
  const words = text.toUpperCase().split(/[^A-Z0-9]+/);
  words.forEach((word, start) => {
    if (!RF_START.test(word)) return;
    let joined = "";
    for (let i = start; i < Math.min(words.length, start + 7); i++) {
      joined += words[i];
      if (joined.length > 25) break;
      if (isValidRf(joined)) found.push(joined);
    }
  });
  for (const match of text.matchAll(OGM_IN_TEXT)) {
    if (isValidOgm(match[0])) found.push(normalizeReference(match[0]));
  }
  return found;
}

/** What the line's structured reference says: the key to look up and the invoice number it may carry. */
function structuredKeys(reference: string): { referenceKey: string; numberKeys: string[] } {
  const key = normalizeReference(reference);
  if (isValidRf(key)) {
    const body = key.slice(4);
    const unpadded = body.replace(/^0+/, "");
    return { referenceKey: key, numberKeys: [body, unpadded] };
  }
  if (isValidOgm(key)) return { referenceKey: key, numberKeys: [key.slice(0, 10).replace(/^0+/, "")] };
  return { referenceKey: key, numberKeys: [] };
}

/** The keys the database looks up for a line, computed once per line before any query. */
export function lineKeys(line: LineToMatch): LineKeys {
  const referenceKeys: string[] = [];
  const numberKeys: string[] = [];
  const pushUnique = (list: string[], key: string): void => {
    if (key.length > 0 && !list.includes(key)) list.push(key);
  };
  const texts: string[] = [];
  if (line.structuredReference?.trim()) {
    const structured = structuredKeys(line.structuredReference);
    pushUnique(referenceKeys, structured.referenceKey);
    for (const key of structured.numberKeys) {
      if (key.length >= MIN_KEY_LENGTH && /\d/.test(key)) pushUnique(numberKeys, normalizeInvoiceNumber(key));
    }
    texts.push(line.structuredReference);
  }
  if (line.remittanceText) {
    for (const key of referencesInText(line.remittanceText)) pushUnique(referenceKeys, key);
    texts.push(line.remittanceText);
  }
  const words = texts.flatMap(numberWords);
  for (const key of numberCandidates(words, MAX_NUMBER_KEYS)) {
    if (numberKeys.length >= MAX_NUMBER_KEYS) break;
    pushUnique(numberKeys, key);
  }
  return {
    referenceKeys,
    numberKeys,
    iban: normalizeIban(line.counterpartyIban),
    saysPartial: saysPartial(line.remittanceText),
  };
}
