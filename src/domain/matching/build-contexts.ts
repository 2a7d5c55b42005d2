import type { Tx } from "../../db/client";
import {
  selectCustomersByIban,
  selectItemsByAmount,
  selectItemsByIds,
  selectItemsByKeys,
  selectOpenItemNumbers,
  selectOpenItems,
  type TodoLine,
} from "./candidates.repo";
import type {
  CandidateCustomer,
  Evidence,
  LineKeys,
  LineToMatch,
  MatchContext,
  OpenItem,
} from "./engine/engine.types";
import { lineKeys } from "./engine/line-keys";
import type { NameHit, NameIndex } from "./engine/name-index";
import { normalizeInvoiceNumber, normalizeReference } from "./engine/references";

/** How many customers the name index proposes per line, and how many same-amount items are looked at. */
const NAME_CANDIDATES = 5;
const SAME_AMOUNT_ITEMS = 10;
/** A name this close is worth fetching even beside stronger evidence: it may contradict it. */
const SURE_NAME = 0.9;

export type PreparedLine = { line: LineToMatch; todo: TodoLine; keys: LineKeys; context: MatchContext };

/** The customers each line's payer name points to, by line id. */
export type PayerNameHits = Map<number, NameHit[]>;

/** Lines searched between two pauses of `searchPayerNames`. */
const SEARCHES_PER_SLICE = 100;

/**
 * Searches the payers' names of a chunk (CPU only), pausing every few lines so that database work
 * queued meanwhile (the previous chunk's writes) goes on: the two overlap.
 */
export async function searchPayerNames(todos: readonly TodoLine[], index: NameIndex): Promise<PayerNameHits> {
  const hits: PayerNameHits = new Map();
  for (const [i, todo] of todos.entries()) {
    if (i > 0 && i % SEARCHES_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    if (todo.counterparty_name) hits.set(todo.id, index.search(todo.counterparty_name, NAME_CANDIDATES));
  }
  return hits;
}

export function toLineToMatch(todo: TodoLine): LineToMatch {
  return {
    lineId: todo.id,
    bookingDate: todo.booking_date,
    amountMinor: todo.amount_minor,
    currency: todo.currency,
    counterpartyName: todo.counterparty_name,
    counterpartyIban: todo.counterparty_iban,
    structuredReference: todo.structured_reference,
    remittanceText: todo.remittance_text,
  };
}

/**
 * Gathers, for a chunk of lines, everything their evidence points to, in five set-based queries:
 * items by reference and by number, customers by IBAN (and by name, searched beforehand with
 * `searchPayerNames`), the open items of every candidate customer, and items of the same amount. Items are shared objects (one per invoice), so that a line's match
 * lowers what the next lines of the chunk see.
 */
export async function buildContexts(
  tx: Tx,
  companyId: number,
  todos: TodoLine[],
  names: { hits: PayerNameHits; nameOf: Map<number, string> },
  items: Map<number, OpenItem>,
  directory: KeyDirectory | null = null,
): Promise<PreparedLine[]> {
  const prepared = todos.map((todo) => {
    const line = toLineToMatch(todo);
    return { line, todo, keys: lineKeys(line) };
  });
  const unique = (values: string[]) => [...new Set(values)];
  const shared = (item: OpenItem): OpenItem => {
    const known = items.get(item.invoiceId);
    if (known) return known;
    items.set(item.invoiceId, item);
    return item;
  };
  const referenceKeys = unique(prepared.flatMap((p) => p.keys.referenceKeys));
  const numberKeys = unique(prepared.flatMap((p) => p.keys.numberKeys));
  const { byReference, byNumber } = directory
    ? await lookUpInDirectory(tx, companyId, directory, referenceKeys, numberKeys)
    : {
        byReference: await selectItemsByKeys(tx, companyId, referenceKeys, "reference"),
        byNumber: await selectItemsByKeys(tx, companyId, numberKeys, "number"),
      };
  const ibans = await selectCustomersByIban(
    tx,
    companyId,
    unique(prepared.flatMap((p) => (p.keys.iban ? [p.keys.iban] : []))),
  );
  const referenceHits = groupBy(byReference, (r) => r.key);
  const numberHits = groupBy(byNumber, (r) => r.key);
  const ibanHits = groupBy(ibans, (r) => r.iban);

  const withCustomers = prepared.map((p) => {
    const evidence = new Map<number, { evidence: Set<Evidence>; similarity: number | null }>();
    const add = (customerId: number, kind: Evidence, similarity: number | null = null) => {
      const entry = evidence.get(customerId) ?? { evidence: new Set<Evidence>(), similarity: null };
      entry.evidence.add(kind);
      if (similarity !== null) entry.similarity = Math.max(entry.similarity ?? 0, similarity);
      evidence.set(customerId, entry);
    };
    const referenced = [
      ...p.keys.referenceKeys.flatMap((key) =>
        (referenceHits.get(key) ?? []).map((r) => ({ item: shared(r.item), via: "reference" as const, key })),
      ),
      ...p.keys.numberKeys.flatMap((key) =>
        (numberHits.get(key) ?? []).map((r) => ({
          item: shared(r.item),
          via: "invoice_number" as const,
          key,
        })),
      ),
    ].filter((r) => r.item.currency === p.line.currency);
    for (const r of referenced)
      add(r.item.customerId, r.via === "reference" ? "reference" : "invoice_number");
    for (const hit of p.keys.iban ? (ibanHits.get(p.keys.iban) ?? []) : []) add(hit.customerId, "iban");
    // The payer's name corroborates the customers found otherwise; it brings new ones only when
    // nothing stronger points anywhere, or when it is near-certain (open items are costly to fetch).
    if (p.line.counterpartyName) {
      const strong = evidence.size > 0;
      for (const hit of names.hits.get(p.line.lineId) ?? []) {
        if (!strong || evidence.has(hit.customerId) || hit.similarity >= SURE_NAME) {
          add(hit.customerId, "name", hit.similarity);
        }
      }
    }
    return { ...p, referenced, evidence };
  });

  const customerIds = [...new Set(withCustomers.flatMap((p) => [...p.evidence.keys()]))];
  const openItems = groupBy(
    (await selectOpenItems(tx, companyId, customerIds)).map(shared),
    (i) => i.customerId,
  );
  const sameAmount = await selectItemsByAmount(
    tx,
    companyId,
    uniqueAmounts(prepared.map((p) => p.line)),
    SAME_AMOUNT_ITEMS,
  );
  const byAmount = groupBy(sameAmount.map(shared), (i) => `${i.openAmountMinor}:${i.currency}`);

  return withCustomers.map((p) => {
    const customers: CandidateCustomer[] = [...p.evidence.entries()].map(([customerId, e]) => ({
      customerId,
      name: names.nameOf.get(customerId) ?? "",
      evidence: [...e.evidence],
      nameSimilarity: e.similarity,
      openItems: (openItems.get(customerId) ?? []).filter((i) => i.currency === p.line.currency),
    }));
    const context: MatchContext = {
      referenced: p.referenced,
      customers,
      sameAmount: (byAmount.get(`${p.line.amountMinor}:${p.line.currency}`) ?? []).filter(
        (i) => !p.evidence.has(i.customerId),
      ),
    };
    return { line: p.line, todo: p.todo, keys: p.keys, context };
  });
}

/** Open items by normalized number and payment reference, for runs over many lines. */
export type KeyDirectory = { numbers: Map<string, number[]>; references: Map<string, number[]> };

export async function loadKeyDirectory(tx: Tx, companyId: number): Promise<KeyDirectory> {
  const numbers = new Map<string, number[]>();
  const references = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, id: number) => {
    const ids = map.get(key);
    if (ids) ids.push(id);
    else map.set(key, [id]);
  };
  for (const row of await selectOpenItemNumbers(tx, companyId)) {
    const id = Number(row.id);
    push(numbers, normalizeInvoiceNumber(row.number), id);
    if (row.payment_reference !== null) push(references, normalizeReference(row.payment_reference), id);
  }
  return { numbers, references };
}

async function lookUpInDirectory(
  tx: Tx,
  companyId: number,
  directory: KeyDirectory,
  referenceKeys: string[],
  numberKeys: string[],
) {
  const hits = (map: Map<string, number[]>, keys: string[]) =>
    keys.flatMap((key) => (map.get(key) ?? []).map((id) => ({ key, id })));
  const referenceHits = hits(directory.references, referenceKeys);
  const numberHits = hits(directory.numbers, numberKeys);
  const found = await selectItemsByIds(tx, companyId, [
    ...new Set([...referenceHits, ...numberHits].map((h) => h.id)),
  ]);
  const byId = new Map(found.map((item) => [item.invoiceId, item]));
  const resolve = (list: { key: string; id: number }[]) =>
    list.flatMap((h) => {
      const item = byId.get(h.id);
      return item ? [{ key: h.key, item }] : [];
    });
  return { byReference: resolve(referenceHits), byNumber: resolve(numberHits) };
}

function uniqueAmounts(lines: LineToMatch[]): { amountMinor: number; currency: string }[] {
  const seen = new Map<string, { amountMinor: number; currency: string }>();
  for (const l of lines)
    seen.set(`${l.amountMinor}:${l.currency}`, { amountMinor: l.amountMinor, currency: l.currency });
  return [...seen.values()];
}

function groupBy<T, K>(values: T[], keyOf: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
