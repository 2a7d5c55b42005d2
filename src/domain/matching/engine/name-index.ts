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
const NEAR_WORDS_REMEMBERED = 50_000;

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

/** Whether an ascending list holds the value (binary search). */
function includes(list: readonly number[], value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = list[middle]!;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
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
  /** The weight of each customer's words, once the whole vocabulary is known. */
  private readonly tokenWeights: number[][] = [];
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly variants = new Map<string, number[]>();
  private readonly joined = new Map<string, number[]>();
  /** Each customer's votes during one search (reset after it), and the customers that got some. */
  private votes = new Float64Array(0);
  private readonly voted: number[] = [];
  private readonly near = new Map<string, number[]>();

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
    for (const tokens of this.tokens) this.tokenWeights.push(tokens.map((t) => this.weight(t)));
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

  /** Known words equal to the token or one edit away from it (remembered: payers' words recur). */
  private nearWords(token: string): number[] {
    const known = this.near.get(token);
    if (known) return known;
    const found = this.findNearWords(token);
    if (this.near.size >= NEAR_WORDS_REMEMBERED) this.near.clear();
    this.near.set(token, found);
    return found;
  }

  private findNearWords(token: string): number[] {
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
      this.weighted(payer),
      name,
      name.map((t) => this.weight(t)),
    );
  }

  /** The payer's words with their weights, heaviest first (ties in alphabetical order). */
  private weighted(payer: readonly string[]): { t: string; w: number }[] {
    return payer
      .map((t) => ({ t, w: this.weight(t) }))
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  }

  private similarityOf(
    payer: readonly { t: string; w: number }[],
    name: readonly string[],
    nameWeights: readonly number[],
  ): number {
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
    if (this.votes.length !== this.customerIds.length) this.votes = new Float64Array(this.customerIds.length);
    const votes = this.votes;
    const voted = this.voted;
    let top = 0;
    const vote = (index: number, weight: number) => {
      if (votes[index] === 0) voted.push(index);
      const total = (votes[index] ?? 0) + weight;
      votes[index] = total;
      if (total > top) top = total;
    };
    // The whole name, written without its spaces: a strong vote.
    for (const index of this.joined.get(payer.join("")) ?? []) vote(index, 10);
    // Rare words (and their one-typo neighbours) vote for every customer carrying them.
    const common: number[][] = [];
    const rare: { lists: number[][]; bound: number; size: number }[] = [];
    for (const token of payer) {
      const lists = this.nearWords(token).map((id) => this.postings[id]!);
      const size = lists.reduce((n, list) => n + list.length, 0);
      if (size > MAX_POSTINGS_VISITED) common.push(lists.reduce((a, b) => (b.length > a.length ? b : a)));
      else rare.push({ lists, size, bound: lists.reduce((w, list) => w + weightOf(list.length), 0) });
    }
    // Rarest first: once what the words left can give is under half the best vote, a customer they
    // alone would bring could not make the shortlist, so they only add to the customers already there.
    rare.sort((a, b) => a.size - b.size);
    let left = rare.reduce((w, r) => w + r.bound, 0);
    for (const { lists, bound } of rare) {
      const onlyVoted = top > 0 && left < top / 2;
      left -= bound;
      for (const list of lists) {
        const weight = weightOf(list.length);
        if (!onlyVoted) for (const index of list) vote(index, weight);
        else for (const index of [...voted]) if (includes(list, index)) vote(index, weight);
      }
    }
    // Only common words ("TRANSPORTS FRANCE"): the customers carrying the two rarest of them.
    if (voted.length === 0 && common.length >= 2) {
      const [a, b] = common.sort((x, y) => x.length - y.length);
      for (const index of intersect(a!, b!, MAX_POSTINGS_VISITED)) vote(index, 1);
    }
    const shortlist: [number, number][] = [];
    for (const index of voted) if (votes[index]! >= top / 2) shortlist.push([index, votes[index]!]);
    for (const index of voted) votes[index] = 0;
    voted.length = 0;
    shortlist.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    shortlist.length = Math.min(shortlist.length, MAX_CANDIDATES);
    const weighted = this.weighted(payer);
    const hits: NameHit[] = [];
    for (const [index] of shortlist) {
      const similarity = this.similarityOf(weighted, this.tokens[index]!, this.tokenWeights[index]!);
      if (similarity >= MIN_SIMILARITY) hits.push({ customerId: this.customerIds[index]!, similarity });
    }
    hits.sort((a, b) => b.similarity - a.similarity || a.customerId - b.customerId);
    return hits.slice(0, limit);
  }
}
