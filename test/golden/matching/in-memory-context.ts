import type {
  CandidateCustomer,
  Evidence,
  LineToMatch,
  MatchContext,
  MatchSettings,
  OpenItem,
  ReferencedItem,
} from "../../../src/domain/matching/engine/engine.types";
import { lineKeys } from "../../../src/domain/matching/engine/line-keys";
import { NameIndex } from "../../../src/domain/matching/engine/name-index";
import {
  normalizeIban,
  normalizeInvoiceNumber,
  normalizeReference,
} from "../../../src/domain/matching/engine/references";
import { isoDate } from "../../../src/shared/dates";
import { parseMajor } from "../../../src/shared/money";

export type GoldenLedger = {
  customers: { ref: string; name: string; ibans?: string[] }[];
  invoices: {
    customerRef: string;
    number: string;
    type?: "invoice" | "credit_note";
    issueDate: string;
    dueDate: string;
    amount: string;
    open?: string;
    paymentReference?: string;
  }[];
};

export type GoldenLine = {
  bookingDate: string;
  amount: string;
  currency?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  structuredReference?: string;
  remittanceText?: string;
};

export type GoldenAllocation = { number: string; amount: string };

export type GoldenCase = {
  name: string;
  ledger: GoldenLedger;
  settings?: Partial<MatchSettings>;
  line: GoldenLine;
  expected: {
    outcome: "apply" | "suggest" | "unmatched";
    customerRef?: string;
    allocations?: GoldenAllocation[];
    writeOff?: { number: string; amount: string; reason: "bank_fees" | "rounding" };
    unapplied?: string;
    firstSuggestion?: GoldenAllocation[];
  };
};

/** The company defaults (DESIGN.md): threshold 90, write-off tolerance 1.00. */
export const DEFAULT_SETTINGS: MatchSettings = { autoThreshold: 90, writeOffToleranceMinor: 100 };

const MAX_SAME_AMOUNT = 10;
const NAME_LIMIT = 5;

export type GoldenWorld = {
  line: LineToMatch;
  context: MatchContext;
  settings: MatchSettings;
  customerIdOf: Map<string, number>;
  customerRefOf: Map<number, string>;
  itemById: Map<number, OpenItem>;
};

function byDueThenId(a: OpenItem, b: OpenItem): number {
  return a.dueDate.localeCompare(b.dueDate) || a.invoiceId - b.invoiceId;
}

/**
 * Builds the engine's context for a golden case the way the database side does, with the engine's own
 * exported functions only: referenced items by normalized payment reference or number across all
 * customers; customers by IBAN, then by the name index (limit 5), then the customers of referenced
 * items, each with all its open items in the line's currency; sameAmount = other customers' open
 * items of exactly the line's amount (at most 10).
 */
export function buildWorld(golden: GoldenCase): GoldenWorld {
  const currency = golden.line.currency ?? "EUR";
  const customerIdOf = new Map(golden.ledger.customers.map((c, i) => [c.ref, i + 1]));
  const customerRefOf = new Map(golden.ledger.customers.map((c, i) => [i + 1, c.ref]));
  const items: OpenItem[] = golden.ledger.invoices.map((inv, i) => ({
    invoiceId: 100 + i,
    customerId: customerIdOf.get(inv.customerRef)!,
    number: inv.number,
    type: inv.type ?? "invoice",
    issueDate: isoDate(inv.issueDate),
    dueDate: isoDate(inv.dueDate),
    openAmountMinor: parseMajor(inv.open ?? inv.amount, currency).minor,
    currency,
    paymentReference: inv.paymentReference ?? null,
  }));
  const open = items.filter((i) => i.openAmountMinor !== 0 && i.currency === currency);
  const line: LineToMatch = {
    lineId: 1,
    bookingDate: isoDate(golden.line.bookingDate),
    amountMinor: parseMajor(golden.line.amount, currency).minor,
    currency,
    counterpartyName: golden.line.counterpartyName ?? null,
    counterpartyIban: golden.line.counterpartyIban ?? null,
    structuredReference: golden.line.structuredReference ?? null,
    remittanceText: golden.line.remittanceText ?? null,
  };
  const keys = lineKeys(line);

  const referenced: ReferencedItem[] = [];
  for (const item of open) {
    const reference = item.paymentReference ? normalizeReference(item.paymentReference) : null;
    if (reference && keys.referenceKeys.includes(reference))
      referenced.push({ item, via: "reference", key: reference });
    const number = normalizeInvoiceNumber(item.number);
    if (keys.numberKeys.includes(number)) referenced.push({ item, via: "invoice_number", key: number });
  }

  const found = new Map<number, { evidence: Set<Evidence>; similarity: number | null }>();
  const note = (customerId: number, evidence: Evidence, similarity: number | null = null): void => {
    const known = found.get(customerId) ?? { evidence: new Set<Evidence>(), similarity: null };
    known.evidence.add(evidence);
    if (similarity !== null) known.similarity = similarity;
    found.set(customerId, known);
  };
  if (keys.iban) {
    for (const c of golden.ledger.customers) {
      if ((c.ibans ?? []).some((iban) => normalizeIban(iban) === keys.iban))
        note(customerIdOf.get(c.ref)!, "iban");
    }
  }
  if (line.counterpartyName) {
    const index = new NameIndex(
      golden.ledger.customers.map((c) => ({ customerId: customerIdOf.get(c.ref)!, name: c.name })),
    );
    for (const hit of index.search(line.counterpartyName, NAME_LIMIT))
      note(hit.customerId, "name", hit.similarity);
  }
  for (const r of referenced) note(r.item.customerId, r.via === "reference" ? "reference" : "invoice_number");

  const customers: CandidateCustomer[] = [...found.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([customerId, f]) => ({
      customerId,
      name: golden.ledger.customers[customerId - 1]!.name,
      evidence: [...f.evidence],
      nameSimilarity: f.similarity,
      openItems: open.filter((i) => i.customerId === customerId).sort(byDueThenId),
    }));
  const sameAmount = open
    .filter((i) => !found.has(i.customerId) && i.openAmountMinor === line.amountMinor)
    .sort(byDueThenId)
    .slice(0, MAX_SAME_AMOUNT);

  return {
    line,
    context: { referenced, customers, sameAmount },
    settings: { ...DEFAULT_SETTINGS, ...golden.settings },
    customerIdOf,
    customerRefOf,
    itemById: new Map(items.map((i) => [i.invoiceId, i])),
  };
}
