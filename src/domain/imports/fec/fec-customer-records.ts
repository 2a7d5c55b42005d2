import type { IsoDate } from "../../../shared/dates";
import type { CustomerRecord, InvoiceRecord, PaymentRecord } from "../imports.types";
import { type FecEntry, recordRef } from "./fec-entries";
import type { FecLine } from "./fec-fields";
import { addToGroup, type LetterGroup, type LetterItem } from "./fec-lettering";
import {
  type CustomerLineRole,
  customerLineRole,
  type EntryFacts,
  entryFacts,
  isCustomerAccount,
  partyName,
  partyRef,
} from "./fec-rules";

export type CustomerSide = {
  customers: CustomerRecord[];
  /** Open amounts are the full amounts here; the lettering settles them afterwards. */
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  groups: LetterGroup[];
  /** Per customer, the unlettered debits brought forward by opening entries (letter ""). */
  openings: LetterGroup[];
};

/** Debit − credit on the customer line, in minor units: positive when the customer owes. */
function signed(line: FecLine): number {
  return line.debitMinor - line.creditMinor;
}

/**
 * Parties whose 411/416 lines in one entry add up to zero: the debt only moved, typically from 411
 * to 416 when a customer becomes doubtful. Keeping the original invoice open, with its own date,
 * is what aging and dunning need, so such lines yield nothing.
 */
function movedOnly(lines: readonly FecLine[]): Set<string> {
  const net = new Map<string, number>();
  for (const line of lines) net.set(partyRef(line), (net.get(partyRef(line)) ?? 0) + signed(line));
  return new Set([...net].filter(([, minor]) => minor === 0).map(([ref]) => ref));
}

/**
 * Opening entries often give every line the same PieceRef ("RAN", "A Nouv"), which tells a
 * collector nothing: those get `AN-<entry number>` instead.
 */
function sharedPieceRefs(lines: readonly FecLine[]): Set<string> {
  const seen = new Map<string, number>();
  for (const line of lines) seen.set(line.pieceRef, (seen.get(line.pieceRef) ?? 0) + 1);
  return new Set([...seen].filter(([, count]) => count > 1).map(([ref]) => ref));
}

function invoiceFrom(input: {
  line: FecLine;
  entry: FecEntry;
  role: CustomerLineRole;
  shared: ReadonlySet<string>;
  currency: string;
}): InvoiceRecord {
  const { line, entry, role } = input;
  const amountMinor = signed(line);
  const isOpening = role === "opening";
  const number =
    isOpening && (line.pieceRef === "" || input.shared.has(line.pieceRef))
      ? `AN-${entry.entryNumber}`
      : line.pieceRef || entry.entryNumber;
  // The FEC has no due date: the issue date stands in, and the company's payment terms
  // recompute the due date when the import is applied.
  const issueDate = line.pieceDate ?? line.entryDate;
  const customFields: Record<string, string> = {
    dueDateSource: "issue_date",
    fecJournal: entry.journalCode,
    fecEntry: entry.entryNumber,
    fecOrigin: role,
  };
  if (line.letter !== "") customFields.fecLetter = line.letter;
  if (line.label !== "") customFields.fecLabel = line.label;
  if (line.foreignAmount !== null) customFields.foreignAmount = line.foreignAmount;
  if (line.foreignCurrency !== null) customFields.foreignCurrency = line.foreignCurrency;
  return {
    line: line.line,
    customerRef: partyRef(line),
    externalRef: recordRef(line, entry),
    number,
    type: amountMinor > 0 ? "invoice" : "credit_note",
    issueDate,
    dueDate: issueDate,
    amountMinor,
    openAmountMinor: amountMinor,
    currency: input.currency,
    customFields,
  };
}

function paymentFrom(line: FecLine, entry: FecEntry, currency: string): PaymentRecord {
  return {
    line: line.line,
    customerRef: partyRef(line),
    externalRef: recordRef(line, entry),
    date: line.entryDate,
    // Credit − debit: what the customer paid; negative for a refund or a bounced payment.
    amountMinor: -signed(line),
    currency,
    reference: line.label || line.pieceRef || null,
    invoiceNumber: null,
  };
}

function letterItem(line: FecLine, record: { ref: string; date: IsoDate; isCash: boolean }): LetterItem {
  const minor = signed(line);
  return {
    ref: record.ref,
    role: record.isCash ? (minor < 0 ? "cash" : "refund") : minor > 0 ? "debit" : "credit",
    amountMinor: Math.abs(minor),
    date: record.date,
    line: line.line,
    entryDate: line.entryDate,
    letterDate: line.letterDate,
  };
}

/** Customers, their open items and payments, and the letter groups that link them. */
export function customerRecords(input: { entries: readonly FecEntry[]; currency: string }): CustomerSide {
  const customers = new Map<string, CustomerRecord>();
  const side: CustomerSide = { customers: [], invoices: [], payments: [], groups: [], openings: [] };
  const groups = new Map<string, LetterGroup>();
  const openings = new Map<string, LetterGroup>();
  for (const entry of input.entries) {
    const lines = entry.lines.filter((l) => isCustomerAccount(l.account));
    if (lines.length === 0) continue;
    const facts: EntryFacts = entryFacts(entry.lines);
    const moved = movedOnly(lines);
    const shared = sharedPieceRefs(lines);
    for (const line of lines) {
      const ref = partyRef(line);
      if (!customers.has(ref))
        customers.set(ref, { line: line.line, externalRef: ref, name: partyName(line) });
      const minor = signed(line);
      if (minor === 0) continue;
      const role = customerLineRole(facts, minor);
      if (role === "adjustment" && moved.has(ref)) continue;
      let record: { ref: string; date: IsoDate; isCash: boolean };
      if (role === "payment" || role === "refund") {
        const payment = paymentFrom(line, entry, input.currency);
        side.payments.push(payment);
        record = { ref: payment.externalRef, date: payment.date, isCash: true };
      } else {
        const invoice = invoiceFrom({ line, entry, role, shared, currency: input.currency });
        side.invoices.push(invoice);
        record = { ref: invoice.externalRef, date: invoice.issueDate, isCash: false };
      }
      // Unlettered opening debits may receive the cash that lettering leaves over (fec-lettering.ts).
      if (line.letter !== "") addToGroup(groups, ref, line.letter, letterItem(line, record));
      else if (role === "opening" && minor > 0) addToGroup(openings, ref, "", letterItem(line, record));
    }
  }
  side.customers = [...customers.values()];
  side.groups = [...groups.values()];
  side.openings = [...openings.values()];
  return side;
}
