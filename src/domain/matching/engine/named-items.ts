import { withinOneEdit } from "./edit-distance";
import type { CandidateCustomer, MatchContext, OpenItem } from "./engine.types";
import { normalizeInvoiceNumber } from "./references";

/** How an item was named by the line, strongest first. */
export type Naming = "reference" | "number" | "number_fuzzy" | "number_tail";
export type NamedItem = { item: OpenItem; naming: Naming; key: string };

const FUZZY_MIN_LENGTH = 6;
const TAIL_MIN_DIGITS = 3;

/** Zeros right after a letter or at the start do not count: "FA-000123" and "FA123" name the same invoice. */
function unpadded(key: string): string {
  return key.replace(/(^|[A-Z])0+(?=\d)/g, "$1");
}

function trailingDigits(key: string): string {
  const match = /\d+$/.exec(key);
  return match ? match[0].replace(/^0+/, "") : "";
}

/** "FA-2024-00123" ends with "202400123" and, as written, with "123": a payer may give either. */
function itemTails(number: string, key: string): string[] {
  const lastGroup = /(\d+)\D*$/.exec(number);
  const tails = [trailingDigits(key)];
  if (lastGroup) tails.push(lastGroup[1]!.replace(/^0+/, ""));
  return tails;
}

/** Items the database found by the line's structured reference or by an invoice number in its text. */
export function exactNamedItems(ctx: MatchContext, currency: string): NamedItem[] {
  const byId = new Map<number, NamedItem>();
  for (const ref of ctx.referenced) {
    if (ref.item.currency !== currency || !isOpen(ref.item)) continue;
    const naming: Naming = ref.via === "reference" ? "reference" : "number";
    const known = byId.get(ref.item.invoiceId);
    if (!known || (known.naming !== "reference" && naming === "reference"))
      byId.set(ref.item.invoiceId, { item: ref.item, naming, key: ref.key });
  }
  return [...byId.values()];
}

export function isOpen(item: OpenItem): boolean {
  return item.type === "credit_note" ? item.openAmountMinor < 0 : item.openAmountMinor > 0;
}

/**
 * Invoice numbers written with one typo, with or without padding zeros, or only by their digits
 * ("facture 123" for FA-2024-00123): looked for only among the items of a customer already identified,
 * and kept only when a written key points to exactly one of that customer's items.
 */
export function similarNamedItems(
  customer: CandidateCustomer,
  numberKeys: readonly string[],
  digitTokens: readonly string[],
  already: ReadonlySet<number>,
): NamedItem[] {
  const found = new Map<number, NamedItem>();
  const items = customer.openItems
    .filter((i) => isOpen(i) && !already.has(i.invoiceId))
    .map((item) => {
      const key = normalizeInvoiceNumber(item.number);
      return { item, key, unpadded: unpadded(key), tails: itemTails(item.number, key) };
    });
  if (items.length === 0) return [];
  for (const key of numberKeys) {
    const bare = unpadded(key);
    const fuzzy = key.length >= FUZZY_MIN_LENGTH;
    const hits = items.filter(
      (c) =>
        (fuzzy && c.key.length >= FUZZY_MIN_LENGTH && withinOneEdit(key, c.key)) ||
        (bare.length >= 4 && bare === c.unpadded),
    );
    if (hits.length === 1 && !found.has(hits[0]!.item.invoiceId))
      found.set(hits[0]!.item.invoiceId, { item: hits[0]!.item, naming: "number_fuzzy", key });
  }
  for (const token of digitTokens) {
    if (token.length < TAIL_MIN_DIGITS) continue;
    const hits = items.filter((c) => c.tails.includes(token));
    if (hits.length === 1 && !found.has(hits[0]!.item.invoiceId))
      found.set(hits[0]!.item.invoiceId, { item: hits[0]!.item, naming: "number_tail", key: token });
  }
  return [...found.values()];
}

/** The digits that end each word of the text, padding zeros dropped ("N°00123" → "123"). */
export function digitTokens(words: readonly string[]): string[] {
  return [...new Set(words.map(trailingDigits).filter((d) => d.length >= TAIL_MIN_DIGITS))];
}
