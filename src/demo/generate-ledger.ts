import { endOfMonth, fromEpochDay, type IsoDate, toEpochDay, weekday } from "../shared/dates";
import type { Behaviour, DemoCustomer, Segment } from "./generate-customer";
import { SEGMENT_AMOUNTS } from "./generate-customer";
import { paymentMethod } from "./payment-method";
import type { Random } from "./random";

export type DemoDocument = {
  number: string;
  type: "invoice" | "credit_note";
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Negative for credit notes. */
  amountMinor: number;
  openAmountMinor: number;
  poNumber: string | null;
  /** The invoice a credit note corrects. */
  creditFor: string | null;
};

/** `document` is an index into the customer's documents. */
export type DemoAllocation = { document: number; amountMinor: number };

export type DemoPayment = {
  externalRef: string;
  date: IsoDate;
  amountMinor: number;
  unappliedMinor: number;
  method: string;
  reference: string;
  allocations: DemoAllocation[];
};

export type DemoLedger = { documents: DemoDocument[]; payments: DemoPayment[] };

/** Numbers are sequences per company (and year), so the caller owns the counters. */
export type Numbering = {
  document(kind: DemoDocument["type"], year: string): string;
  payment(): string;
};

export type LedgerOptions = {
  /** Epoch day of "today": nothing is paid after it. */
  today: number;
  /** Epoch days, Monday to Friday, of the history window (18 months up to today), in order. */
  workingDays: readonly number[];
  documentCount: number;
  numbering: Numbering;
};

/** A payment in the making; `issued` is the latest issue day of the items it settles. */
type Event = { day: number; issued: number; allocations: DemoAllocation[] };

const GROUPING: Record<Segment, number> = {
  key_accounts: 0.35,
  public_sector: 0.3,
  smes: 0.2,
  individuals: 0,
};
const PO_CHANCE: Record<Segment, number> = {
  key_accounts: 0.8,
  public_sector: 0.9,
  smes: 0.3,
  individuals: 0,
};

/** Monday-to-Friday epoch days from `first` to `last`, both included: the days invoices go out. */
export function workingDaysBetween(first: number, last: number): number[] {
  const days: number[] = [];
  for (let day = first; day <= last; day++) if (weekday(fromEpochDay(day)) <= 5) days.push(day);
  return days;
}

function dueDay(issueDay: number, customer: DemoCustomer): number {
  const due = issueDay + customer.termDays;
  return customer.isEndOfMonth ? toEpochDay(endOfMonth(fromEpochDay(due))) : due;
}

function invoiceAmount(random: Random, customer: DemoCustomer): number {
  const [min, max] = SEGMENT_AMOUNTS[customer.segment];
  return Math.min(max, Math.max(min, Math.round(customer.typicalAmountMinor * random.logUniform(0.5, 2))));
}

/** The documents with their days as numbers (date arithmetic stays on epoch days until the end). */
type Draft = {
  documents: DemoDocument[];
  issueDays: number[];
  dueDays: number[];
  /** Credit note index → index of the invoice it corrects. */
  targets: Map<number, number>;
};

function draftDocuments(random: Random, customer: DemoCustomer, options: LedgerOptions): Draft {
  const prefix = customer.company === "FR" ? "BC" : "BE";
  const targets = new Map<number, number>();
  // Invoices go out on working days, spread over the whole window.
  const issueDays = Array.from({ length: options.documentCount }, () => random.pick(options.workingDays));
  issueDays.sort((a, b) => a - b);
  const dueDays: number[] = [];
  const documents = issueDays.map((day, index): DemoDocument => {
    const issueDate = fromEpochDay(day);
    const year = issueDate.slice(0, 4);
    // A credit note corrects one of the few invoices just before it (price error, returned goods).
    const target = random.chance(0.03) ? creditTarget(random, index, targets) : null;
    if (target !== null) {
      targets.set(index, target);
      dueDays.push(day);
      // Amounts are set by sizeCreditNotes, from the invoice the note corrects.
      return {
        number: options.numbering.document("credit_note", year),
        type: "credit_note",
        issueDate,
        dueDate: issueDate,
        amountMinor: 0,
        openAmountMinor: 0,
        poNumber: null,
        creditFor: null,
      };
    }
    const amountMinor = invoiceAmount(random, customer);
    const due = dueDay(day, customer);
    dueDays.push(due);
    return {
      number: options.numbering.document("invoice", year),
      type: "invoice",
      issueDate,
      dueDate: fromEpochDay(due),
      amountMinor,
      openAmountMinor: amountMinor,
      poNumber: random.chance(PO_CHANCE[customer.segment]) ? `${prefix}-${year}-${random.digits(5)}` : null,
      creditFor: null,
    };
  });
  sizeCreditNotes(random, documents, targets);
  return { documents, issueDays, dueDays, targets };
}

/** Picks an invoice among the few before `index` that has no credit note yet (never a credit note). */
function creditTarget(random: Random, index: number, targets: ReadonlyMap<number, number>): number | null {
  const credited = new Set(targets.values());
  for (let back = Math.min(index, random.int(1, 5)); back >= 1; back--) {
    const candidate = index - back;
    if (!credited.has(candidate) && !targets.has(candidate)) return candidate;
  }
  return null;
}

/** Credit notes take 5–50 % of the invoice they correct, and name it in the PO field. */
function sizeCreditNotes(
  random: Random,
  documents: DemoDocument[],
  targets: ReadonlyMap<number, number>,
): void {
  for (const [index, targetIndex] of targets) {
    const document = documents[index] as DemoDocument;
    const target = documents[targetIndex] as DemoDocument;
    const share = random.chance(0.4) ? random.int(5, 20) : random.int(20, 50);
    document.amountMinor = -Math.max(1, Math.round((target.amountMinor * share) / 100));
    document.openAmountMinor = document.amountMinor;
    document.creditFor = target.number;
    document.poNumber = target.number;
  }
}

/** Days between due date and payment; null when the item is never paid (dispute, bad payer). */
function paymentDelay(random: Random, behaviour: Behaviour): number | null {
  switch (behaviour) {
    case "on_time":
      return random.chance(0.5) ? 0 : -random.int(1, 7);
    case "slightly_late":
      return random.int(1, 15);
    case "chronically_late":
      return random.chance(0.06) ? null : random.int(30, 120);
    case "disputing":
      return random.chance(0.15) ? null : random.int(0, 20);
    case "partial_payers":
      return random.int(0, 20);
  }
}

/** One event per settlement: due date + the payer's delay, and only what has happened by today. */
function plannedPayments(random: Random, customer: DemoCustomer, draft: Draft, today: number): Event[] {
  const events: Event[] = [];
  const settle = (day: number, issued: number, document: number, amountMinor: number) => {
    if (day <= today) events.push({ day, issued, allocations: [{ document, amountMinor }] });
  };
  draft.documents.forEach((document, index) => {
    if (document.type !== "invoice") return;
    let delay = paymentDelay(random, customer.behaviour);
    if (delay === null) return;
    // Public bodies pay through a slow chain of approvals (mandatement, Haushaltsfreigabe).
    if (customer.segment === "public_sector") delay += random.int(10, 40);
    const issued = draft.issueDays[index] as number;
    const day = Math.max(issued, (draft.dueDays[index] as number) + delay);
    const total = document.amountMinor;
    if (customer.behaviour === "partial_payers" && random.chance(0.6)) {
      const first = Math.round((total * random.int(30, 80)) / 100);
      settle(day, issued, index, first);
      // The rest follows weeks later, or never.
      if (day <= today && random.chance(0.75)) settle(day + random.int(20, 90), issued, index, total - first);
      return;
    }
    settle(day, issued, index, total);
  });
  return events.sort((a, b) => a.day - b.day);
}

/**
 * Payment runs: one transfer on the first item's date also settles the next one or two items
 * falling due within a few weeks (never one not yet issued on that date).
 */
function groupPayments(random: Random, segment: Segment, events: Event[]): Event[] {
  const grouped: Event[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    if (!random.chance(GROUPING[segment])) {
      grouped.push(event);
      continue;
    }
    const merged: Event = { ...event, allocations: [...event.allocations] };
    for (let more = random.int(1, 2); more > 0 && i + 1 < events.length; more--) {
      const next = events[i + 1] as Event;
      if (next.day - event.day > 25 || next.issued > event.day) break;
      merged.allocations.push(...next.allocations);
      i++;
    }
    grouped.push(merged);
  }
  return grouped;
}

const eventTotal = (event: Event): number => event.allocations.reduce((sum, a) => sum + a.amountMinor, 0);

/**
 * Most credit notes are netted in the customer's next payment (preferably the one settling the
 * corrected invoice); a few stay open as a credit the customer has not used yet.
 */
function offsetCreditNotes(random: Random, draft: Draft, events: Event[]): void {
  for (const [index, target] of draft.targets) {
    const document = draft.documents[index] as DemoDocument;
    if (random.chance(0.2)) continue;
    const day = draft.issueDays[index] as number;
    const fits = (event: Event) => event.day >= day && eventTotal(event) + document.amountMinor > 0;
    const event =
      events.find((e) => fits(e) && e.allocations.some((a) => a.document === target)) ?? events.find(fits);
    event?.allocations.push({ document: index, amountMinor: document.amountMinor });
  }
}

/**
 * One customer's history: documents over the window, then the payments its behaviour makes of them
 * by today. Every payment carries its allocations and every open amount is what they leave.
 */
export function generateLedger(random: Random, customer: DemoCustomer, options: LedgerOptions): DemoLedger {
  const draft = draftDocuments(random, customer, options);
  const { documents } = draft;
  const events = groupPayments(
    random,
    customer.segment,
    plannedPayments(random, customer, draft, options.today),
  );
  offsetCreditNotes(random, draft, events);
  // A few customers pay a little too much (rounded amount, bank fees refunded): unapplied cash.
  const overpaid = random.chance(0.04) ? events.length - 1 : -1;
  const payments = events.map((event, index): DemoPayment => {
    const { prefix, method } = paymentMethod(random, customer.company, customer.segment);
    const date = fromEpochDay(event.day);
    const unappliedMinor = index === overpaid ? random.int(1, 15_000) : 0;
    for (const allocation of event.allocations) {
      const document = documents[allocation.document] as DemoDocument;
      document.openAmountMinor -= allocation.amountMinor;
    }
    return {
      externalRef: options.numbering.payment(),
      date,
      amountMinor: eventTotal(event) + unappliedMinor,
      unappliedMinor,
      method,
      reference: `${prefix}-${date.replaceAll("-", "")}-${random.digits(6)}`,
      allocations: event.allocations,
    };
  });
  return { documents, payments };
}
