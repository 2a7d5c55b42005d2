import {
  amountOnlyProposals,
  customerOnlyProposal,
  customerProposals,
  type IdentifiedCustomer,
} from "./customer-proposals";
import type {
  CandidateCustomer,
  LineToMatch,
  MatchContext,
  MatchDecision,
  MatchSettings,
  OpenItem,
  Proposal,
  Reason,
} from "./engine.types";
import { lineKeys, numberWords } from "./line-keys";
import { digitTokens, exactNamedItems, type NamedItem, similarNamedItems } from "./named-items";
import { namedProposals } from "./named-proposals";
import { reason } from "./reasons";

/** The best proposal is applied only this many points ahead of the next one. */
export const MATCH_MARGIN = 10;
/** Below this similarity a payer's name does not identify a customer. */
export const NAME_MIN_SIMILARITY = 0.8;
/** Two customers whose names are this close to the payer's are a tie: neither is applied. */
const NAME_TIE = 0.1;
const NAME_TIE_PENALTY = 25;
const SHARED_IBAN_PENALTY = 25;
/** The line names one customer's items but comes from another customer's account. */
const CONFLICT_PENALTY = 25;
const MAX_PROPOSALS = 5;
/** A payer's name this close to one customer's (and to no other) says who paid, like an IBAN would. */
const NAME_SURE = 0.9;
/** Below this, the amount alone (another customer's item) is worth showing too. */
const AMOUNT_HINT_SCORE = 60;

function identify(customers: readonly CandidateCustomer[], iban: string | null): IdentifiedCustomer[] {
  const byIban = customers.filter((c) => c.evidence.includes("iban"));
  if (byIban.length > 0) {
    const shared = byIban.length > 1;
    return byIban.map((customer) => ({
      customer,
      penalty: shared ? SHARED_IBAN_PENALTY : 0,
      reasons: [
        reason("iban_known", { iban: iban ?? "" }),
        ...(shared ? [reason("ambiguous", { customersWithIban: byIban.length })] : []),
      ],
    }));
  }
  const byName = customers
    .filter((c) => c.evidence.includes("name") && (c.nameSimilarity ?? 0) >= NAME_MIN_SIMILARITY)
    .sort((a, b) => (b.nameSimilarity ?? 0) - (a.nameSimilarity ?? 0) || a.customerId - b.customerId);
  return byName.map((customer, rank) => {
    const similarity = customer.nameSimilarity ?? 0;
    const tie = byName.some((other, j) => j !== rank && (other.nameSimilarity ?? 0) >= similarity - NAME_TIE);
    return {
      customer,
      penalty: Math.round((1 - similarity) * 50) + (tie ? NAME_TIE_PENALTY : 0),
      reasons: [
        reason("name_similar", { name: customer.name, similarity: Math.round(similarity * 100) / 100 }),
        ...(tie ? [reason("ambiguous", { similarNames: byName.length })] : []),
      ],
    };
  });
}

function sureByName(identified: readonly IdentifiedCustomer[]): number | null {
  const [only, ...others] = identified;
  if (!only || others.length > 0 || only.customer.evidence.includes("iban")) return null;
  return (only.customer.nameSimilarity ?? 0) >= NAME_SURE ? only.customer.customerId : null;
}

function signature(p: Proposal): string {
  const allocations = [...p.allocations]
    .sort((a, b) => a.invoiceId - b.invoiceId)
    .map((a) => `${a.invoiceId}:${a.amountMinor}`);
  return `${p.customerId}|${allocations.join(",")}|${p.writeOff?.amountMinor ?? 0}|${p.unappliedMinor}`;
}

function mergeReasons(a: readonly Reason[], b: readonly Reason[]): Reason[] {
  const seen = new Set(a.map((r) => JSON.stringify(r)));
  return [...a, ...b.filter((r) => !seen.has(JSON.stringify(r)))];
}

function inCurrency(customer: CandidateCustomer, currency: string): CandidateCustomer {
  return { ...customer, openItems: customer.openItems.filter((i) => i.currency === currency) };
}

type LineState = {
  ctx: MatchContext;
  settings: MatchSettings;
  amountMinor: number;
  currency: string;
  saysPartial: boolean;
  customers: CandidateCustomer[];
  customerById: Map<number, CandidateCustomer>;
  identified: IdentifiedCustomer[];
  /** The one customer the payer's IBAN belongs to, else null. */
  ibanCustomerId: number | null;
  /** The one customer the payer's name surely is (no IBAN known), else null. */
  nameCustomerId: number | null;
  exact: NamedItem[];
  proposals: Proposal[];
  /** Proposals shown but never applied (amount alone, customer alone). */
  hints: Set<Proposal>;
};

/**
 * The cascade for one bank line: items the line names (structured reference, invoice numbers, then
 * near-misses among an identified customer's items), then the customer found by IBAN or name and the
 * amount (one invoice, a combination, one invoice within the write-off tolerance), then amount-only hints.
 * Applied only when the best proposal reaches the threshold and is clearly ahead of the next.
 */
export function matchLine(line: LineToMatch, ctx: MatchContext, settings: MatchSettings): MatchDecision {
  if (line.amountMinor <= 0) return { outcome: "unmatched", proposals: [], payerCustomerId: null };
  const keys = lineKeys(line);
  const customers = ctx.customers.map((c) => inCurrency(c, line.currency));
  const identified = identify(customers, keys.iban);
  const byIban = identified.length === 1 && identified[0]!.customer.evidence.includes("iban");
  const state: LineState = {
    ctx,
    settings,
    amountMinor: line.amountMinor,
    currency: line.currency,
    saysPartial: keys.saysPartial,
    customers,
    customerById: new Map(customers.map((c) => [c.customerId, c])),
    identified,
    ibanCustomerId: byIban ? identified[0]!.customer.customerId : null,
    nameCustomerId: sureByName(identified),
    exact: exactNamedItems(ctx, line.currency),
    proposals: [],
    hints: new Set(),
  };
  const words = [line.structuredReference, line.remittanceText].flatMap((t) => (t ? numberWords(t) : []));
  const named = namedItems(state, keys.numberKeys, words);
  proposeNamed(state, named);
  proposeByCustomer(state);
  if (!state.proposals.some((p) => p.score >= AMOUNT_HINT_SCORE)) proposeByAmount(state, named);
  return decide(state.proposals, state.hints, settings, {
    ctx,
    ibanCustomerId: state.ibanCustomerId,
    exact: state.exact,
  });
}

/** The items each customer is named by: exactly (found by the database), or nearly among identified customers. */
function namedItems(
  state: LineState,
  numberKeys: readonly string[],
  words: readonly string[],
): Map<number, NamedItem[]> {
  const named = new Map<number, NamedItem[]>();
  const add = (customerId: number, items: NamedItem[]): void => {
    named.set(customerId, [...(named.get(customerId) ?? []), ...items]);
  };
  for (const n of state.exact) add(n.item.customerId, [n]);
  const exactIds = new Set(state.exact.map((n) => n.item.invoiceId));
  // A word that already names an item exactly is not also a typo of another one.
  const claimed = new Set(state.exact.map((n) => n.key));
  const unclaimedKeys = numberKeys.filter((k) => !claimed.has(k));
  const digits = digitTokens(words.filter((w) => !claimed.has(w)));
  const searched = new Set<number>();
  const candidates = [
    ...state.identified.map((w) => w.customer),
    ...[...named.keys()].flatMap((id) => state.customerById.get(id) ?? []),
  ];
  for (const customer of candidates) {
    if (searched.has(customer.customerId)) continue;
    searched.add(customer.customerId);
    const similar = similarNamedItems(customer, unclaimedKeys, digits, exactIds);
    if (similar.length > 0) add(customer.customerId, similar);
  }
  return named;
}

function proposeNamed(state: LineState, named: Map<number, NamedItem[]>): void {
  const { ibanCustomerId } = state;
  for (const [customerId, items] of named) {
    const ids = new Set(items.map((n) => n.item.invoiceId));
    const others = (state.customerById.get(customerId)?.openItems ?? []).filter((i) => !ids.has(i.invoiceId));
    const who = state.identified.find((w) => w.customer.customerId === customerId);
    // Near-misses count only as much as the customer they were looked for in is sure.
    const nearOnly = !items.some((n) => n.naming === "reference" || n.naming === "number");
    const conflict = ibanCustomerId !== null && ibanCustomerId !== customerId;
    // Named by another customer's payer: only an exact settlement of the named items stays confident
    // (a parent paying a subsidiary's invoice); a number one typo away from the payer's own invoice
    // that happens to be someone else's must not take the money.
    const nameConflict = !conflict && state.nameCustomerId !== null && state.nameCustomerId !== customerId;
    const input = {
      customerId,
      named: items,
      others,
      amountMinor: state.amountMinor,
      saysPartial: state.saysPartial,
      settings: state.settings,
    };
    for (const p of namedProposals(input)) {
      const extra: Reason[] = [...(who ? who.reasons : [])];
      let penalty = nearOnly && who ? who.penalty : 0;
      if (conflict) {
        penalty += CONFLICT_PENALTY;
        extra.push(reason("other_customer_items", { payerCustomerId: ibanCustomerId }));
        extra.push(reason("ambiguous", { payerCustomerId: ibanCustomerId }));
      }
      if (nameConflict && (p.unappliedMinor !== 0 || p.writeOff !== null || p.rule === "partial")) {
        penalty += CONFLICT_PENALTY;
        extra.push(reason("other_customer_items", { payerCustomerId: state.nameCustomerId ?? 0 }));
      }
      state.proposals.push({ ...p, score: p.score - penalty, reasons: [...p.reasons, ...extra] });
    }
  }
}

function proposeByCustomer(state: LineState): void {
  const { settings, proposals } = state;
  // A name never outweighs a reference: a parent or a factor paying for a customer keeps the reference's answer.
  const strongNamed = proposals.some((p) => p.score >= settings.autoThreshold);
  for (const who of state.identified) {
    const byName = !who.customer.evidence.includes("iban");
    if (strongNamed && byName) continue;
    const own = proposals.filter((p) => p.customerId === who.customer.customerId);
    if (own.some((p) => p.score >= settings.autoThreshold)) continue;
    const found = customerProposals(who, state.amountMinor, settings);
    proposals.push(...found);
    if (found.length === 0 && own.length === 0 && byName) {
      const hint = customerOnlyProposal(who, state.amountMinor);
      state.hints.add(hint);
      proposals.push(hint);
    }
  }
}

/** Customers only weakly pointed to (a distant name) count as unknown: their amount is a hint too. */
function proposeByAmount(state: LineState, named: Map<number, NamedItem[]>): void {
  const sure = new Set(state.identified.map((w) => w.customer.customerId));
  const pool = new Map<number, OpenItem>();
  for (const item of [...state.ctx.sameAmount, ...state.customers.flatMap((c) => c.openItems)]) {
    if (!sure.has(item.customerId) && !named.has(item.customerId)) pool.set(item.invoiceId, item);
  }
  for (const hint of amountOnlyProposals([...pool.values()], state.amountMinor, state.currency)) {
    state.hints.add(hint);
    state.proposals.push(hint);
  }
}

type DecideExtras = { ctx: MatchContext; ibanCustomerId: number | null; exact: readonly NamedItem[] };

function decide(
  all: Proposal[],
  hints: ReadonlySet<Proposal>,
  settings: MatchSettings,
  extras: DecideExtras,
): MatchDecision {
  const items = new Map<number, OpenItem>();
  for (const r of extras.ctx.referenced) items.set(r.item.invoiceId, r.item);
  for (const c of extras.ctx.customers) for (const i of c.openItems) items.set(i.invoiceId, i);
  for (const i of extras.ctx.sameAmount) items.set(i.invoiceId, i);
  const firstDue = (p: Proposal): string =>
    p.allocations.reduce((d, a) => {
      const due = items.get(a.invoiceId)?.dueDate ?? "9999-12-31";
      return due < d ? due : d;
    }, "9999-12-31");
  const firstId = (p: Proposal): number =>
    Math.min(Number.MAX_SAFE_INTEGER, ...p.allocations.map((a) => a.invoiceId));

  const best = new Map<string, Proposal>();
  const hintOnly = new Set<Proposal>();
  for (const p of all) {
    const clamped = { ...p, score: Math.max(0, Math.min(100, Math.round(p.score))) };
    const key = signature(clamped);
    const known = best.get(key);
    if (!known) {
      best.set(key, clamped);
      if (hints.has(p)) hintOnly.add(clamped);
      continue;
    }
    // The same allocation reached by two rules: the better score, with the evidence of both.
    const [winner, loser] = known.score >= clamped.score ? [known, clamped] : [clamped, known];
    const merged = { ...winner, reasons: mergeReasons(winner.reasons, loser.reasons) };
    best.set(key, merged);
    if (hintOnly.has(known) && hints.has(p)) hintOnly.add(merged);
  }
  const ranked = [...best.values()].sort(
    (a, b) =>
      b.score - a.score ||
      firstDue(a).localeCompare(firstDue(b)) ||
      firstId(a) - firstId(b) ||
      a.customerId - b.customerId,
  );
  const [top, next] = ranked;
  const apply =
    top !== undefined &&
    !hintOnly.has(top) &&
    top.score >= settings.autoThreshold &&
    (next === undefined || top.score - next.score >= MATCH_MARGIN);
  const outcome = apply ? "apply" : ranked.length > 0 ? "suggest" : "unmatched";

  let payerCustomerId: number | null = null;
  const referencedCustomers = new Set(
    extras.exact.filter((n) => n.naming === "reference").map((n) => n.item.customerId),
  );
  if (apply) payerCustomerId = top.customerId;
  else if (extras.ibanCustomerId !== null) {
    const namedCustomers = new Set(extras.exact.map((n) => n.item.customerId));
    if (namedCustomers.size === 0 || namedCustomers.has(extras.ibanCustomerId))
      payerCustomerId = extras.ibanCustomerId;
  } else if (referencedCustomers.size === 1) payerCustomerId = [...referencedCustomers][0]!;
  return { outcome, proposals: ranked.slice(0, MAX_PROPOSALS), payerCustomerId };
}
