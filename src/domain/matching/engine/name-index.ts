import { withinOneEdit } from "./edit-distance";

export type NamedCustomer = { customerId: number; name: string };
export type NameHit = { customerId: number; similarity: number };

/** Legal forms and filler words that say nothing about who the company is ("STE DUPONT SARL" is "DUPONT"). */
const IGNORED_WORDS = new Set(
  (
    "SA SAS SASU SARL EURL SNC SCI SCOP SCA SCS SELARL SELAS SEL GIE EI EIRL SEM SPL " +
    "GMBH MBH AG KG OHG UG GBR KGAA EV EG " +
    "LTD LIMITED PLC LLP LLC INC INCORPORATED CORP CORPORATION CO COMPANY CIE " +
    "BV NV BVBA VOF CV CVBA SRL SPRL SCRL SPA SAPA SNC SL SLU SAU SC SCP OY OYJ AB AS APS SE KFT SRO ZOO " +
    "STE STES SOCIETE SOCIETES SOC ETS ETABLISSEMENT ETABLISSEMENTS " +
    "THE LE LA LES L DE DU DES D ET AND UND Y E EN M MME MR MRS MME MONSIEUR MADAME HERR FRAU"
  ).split(" "),
);

const MAX_POSTINGS_VISITED = 2_000;
const MAX_CANDIDATES = 30;
const MIN_SIMILARITY = 0.5;
const FUZZY_MIN_LENGTH = 4;

function foldLetters(text: string): string {
  return text
    .replace(/[Œœ]/g, "OE")
    .replace(/[Ææ]/g, "AE")
    .replace(/[Øø]/g, "O")
    .replace(/ß/g, "SS")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase();
}

/**
 * A company name as comparable words: accents, case and punctuation dropped, dotted initials joined
 * ("S.A.R.L." → "SARL", "B V" → "BV"), legal forms and filler words removed.
 */
export function nameTokens(name: string): string[] {
  const words: string[] = [];
  for (const raw of foldLetters(name).split(/[^A-Z0-9.]+/)) {
    if (/^([A-Z0-9]\.)+[A-Z0-9]?$/.test(raw)) words.push(raw.replace(/\./g, ""));
    else words.push(...raw.split(".").filter((w) => w.length > 0));
  }
  const merged: string[] = [];
  let initials = "";
  for (const word of [...words, ""]) {
    if (word.length === 1) {
      initials += word;
      continue;
    }
    if (initials.length > 0) merged.push(initials);
    initials = "";
    if (word.length > 0) merged.push(word);
  }
  const kept = merged.filter((w) => !IGNORED_WORDS.has(w));
  return [...new Set(kept.length > 0 ? kept : merged)];
}

/** Common elements of two ascending lists, at most `limit`. */
function intersect(a: readonly number[], b: readonly number[], limit: number): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length && out.length < limit) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

function deletions(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < token.length; i++) out.push(token.slice(0, i) + token.slice(i + 1));
  return out;
}

/** Common words weigh less: a shared "TRANSPORTS" says less than a shared "VERMEULEN". */
function weightOf(df: number): number {
  return 1 / (1 + Math.log10(Math.max(1, df)));
}

function tokenQuality(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= FUZZY_MIN_LENGTH && withinOneEdit(a, b)) return 1 - 0.9 / Math.max(a.length, b.length);
  if (shorter >= FUZZY_MIN_LENGTH && (a.startsWith(b) || b.startsWith(a))) return 0.8;
  return 0;
}

/**
 * Finds customers by the name a payer's bank shows, in memory: built once per matching run from all
 * customers (an inverted index of words plus their one-deletion variants, so one typo still finds the
 * word), searched per line by the few words of the payer's name.
 */
export class NameIndex {
  private readonly customerIds: number[] = [];
  private readonly tokens: string[][] = [];
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly variants = new Map<string, number[]>();
  private readonly joined = new Map<string, number[]>();

  constructor(customers: readonly NamedCustomer[]) {
    for (const customer of customers) {
      const tokens = nameTokens(customer.name);
      if (tokens.length === 0) continue;
      const index = this.customerIds.length;
      this.customerIds.push(customer.customerId);
      this.tokens.push(tokens);
      for (const token of tokens) this.postings[this.wordId(token)]!.push(index);
      const whole = tokens.join("");
      const same = this.joined.get(whole);
      if (same) same.push(index);
      else this.joined.set(whole, [index]);
    }
  }

  private wordId(token: string): number {
    const known = this.vocabulary.get(token);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.vocabulary.set(token, id);
    this.words.push(token);
    this.postings.push([]);
    if (token.length >= FUZZY_MIN_LENGTH) {
      for (const variant of [token, ...deletions(token)]) {
        const list = this.variants.get(variant);
        if (list) list.push(id);
        else this.variants.set(variant, [id]);
      }
    }
    return id;
  }

  private df(token: string): number {
    const id = this.vocabulary.get(token);
    return id === undefined ? 1 : this.postings[id]!.length;
  }

  /** Known words equal to the token or one edit away from it. */
  private nearWords(token: string): number[] {
    const ids = new Set<number>();
    const exact = this.vocabulary.get(token);
    if (exact !== undefined) ids.add(exact);
    if (token.length >= FUZZY_MIN_LENGTH) {
      for (const variant of [token, ...deletions(token)]) {
        for (const id of this.variants.get(variant) ?? []) {
          if (!ids.has(id) && withinOneEdit(token, this.words[id]!)) ids.add(id);
        }
      }
    }
    return [...ids];
  }

  private weight(token: string): number {
    return weightOf(this.df(token));
  }

  /** Weighted word-set similarity (order-free), each payer word paired with at most one name word. */
  similarity(payer: readonly string[], name: readonly string[]): number {
    return this.similarityOf(
      [...payer]
        .sort((a, b) => this.weight(b) - this.weight(a) || (a < b ? -1 : a > b ? 1 : 0))
        .map((t) => ({ t, w: this.weight(t) })),
      name,
    );
  }

  private similarityOf(payer: readonly { t: string; w: number }[], name: readonly string[]): number {
    const nameWeights = name.map((t) => this.weight(t));
    const used = new Array<boolean>(name.length).fill(false);
    let matched = 0;
    let total = 0;
    for (const { t, w } of payer) {
      total += w;
      let best = -1;
      let bestQuality = 0;
      for (let j = 0; j < name.length; j++) {
        if (used[j]) continue;
        const quality = tokenQuality(t, name[j]!);
        if (quality > bestQuality) {
          best = j;
          bestQuality = quality;
        }
      }
      if (best >= 0) {
        used[best] = true;
        matched += (bestQuality * (w + nameWeights[best]!)) / 2;
      }
    }
    for (const w of nameWeights) total += w;
    let similarity = total > 0 ? matched / (total / 2) : 0;
    const payerWhole = payer.map((p) => p.t).join("");
    const nameWhole = name.join("");
    if (payerWhole === nameWhole) similarity = Math.max(similarity, 0.97);
    else if (payerWhole.length >= 8 && withinOneEdit(payerWhole, nameWhole))
      similarity = Math.max(similarity, 0.9);
    return Math.min(1, similarity);
  }

  /** The customers whose name is closest to the payer's, best first (ties by customer id). */
  search(payerName: string, limit: number): NameHit[] {
    const payer = nameTokens(payerName);
    if (payer.length === 0 || limit <= 0) return [];
    const votes = new Map<number, number>();
    // Rare words (and their one-typo neighbours) vote for every customer carrying them.
    const common: number[][] = [];
    for (const token of payer) {
      const lists = this.nearWords(token).map((id) => this.postings[id]!);
      const total = lists.reduce((n, list) => n + list.length, 0);
      if (total > MAX_POSTINGS_VISITED) {
        common.push(lists.reduce((a, b) => (b.length > a.length ? b : a)));
        continue;
      }
      for (const list of lists) {
        const weight = weightOf(list.length);
        for (const index of list) votes.set(index, (votes.get(index) ?? 0) + weight);
      }
    }
    // Only common words ("TRANSPORTS FRANCE"): the customers carrying the two rarest of them.
    if (votes.size === 0 && common.length >= 2) {
      const [a, b] = common.sort((x, y) => x.length - y.length);
      for (const index of intersect(a!, b!, MAX_POSTINGS_VISITED)) votes.set(index, 1);
    }
    for (const index of this.joined.get(payer.join("")) ?? []) votes.set(index, (votes.get(index) ?? 0) + 10);
    let top = 0;
    for (const vote of votes.values()) if (vote > top) top = vote;
    const shortlist = [...votes.entries()]
      .filter(([, vote]) => vote >= top / 2)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, MAX_CANDIDATES);
    const weighted = [...payer]
      .sort((a, b) => this.weight(b) - this.weight(a) || (a < b ? -1 : a > b ? 1 : 0))
      .map((t) => ({ t, w: this.weight(t) }));
    const hits: NameHit[] = [];
    for (const [index] of shortlist) {
      const similarity = this.similarityOf(weighted, this.tokens[index]!);
      if (similarity >= MIN_SIMILARITY) hits.push({ customerId: this.customerIds[index]!, similarity });
    }
    hits.sort((a, b) => b.similarity - a.similarity || a.customerId - b.customerId);
    return hits.slice(0, limit);
  }
}
