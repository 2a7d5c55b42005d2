/**
 * Pure rules that read the French chart of accounts (Plan comptable général) and the journals of a
 * FEC to tell customer invoices from payments, supplier bills and the rest.
 */

/** 411 customers, 416 doubtful customers ("clients douteux ou litigieux"): what a customer owes. */
export function isCustomerAccount(account: string): boolean {
  return account.startsWith("411") || account.startsWith("416");
}

/** 401 suppliers, 404 suppliers of fixed assets (the same parties, in the "also a supplier" view). */
export function isSupplierAccount(account: string): boolean {
  return account.startsWith("401") || account.startsWith("404");
}

/**
 * Money actually received or about to be: 51 banks (5112 cheques to deposit included), 53 cash,
 * and 413 bills receivable — a customer who accepts a bill of exchange (LCR) has paid as far as
 * the accounts go, and the bank collects the bill later without touching 411.
 */
export function isTreasuryAccount(account: string): boolean {
  return account.startsWith("51") || account.startsWith("53") || account.startsWith("413");
}

/** Class 7: revenue (sales 70, but also rebilled costs, interest charged, assets sold…). */
export function isRevenueAccount(account: string): boolean {
  return account.startsWith("7");
}

/** Class 6 expenses and class 2 fixed assets: what a supplier bill is booked against. */
export function isPurchaseAccount(account: string): boolean {
  return account.startsWith("6") || account.startsWith("2");
}

function words(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * Opening entries (à-nouveaux) carry the balances brought forward from the previous year. There is
 * no standard code: AN, ANO, RAN are common, others only say so in the label ("A nouveaux
 * détaillés", "Report à nouveau", "Journal d'ouverture").
 */
export function isOpeningJournal(code: string, label: string): boolean {
  const c = code.trim().toUpperCase();
  if (["AN", "ANO", "ANX", "RAN"].includes(c)) return true;
  return /\ba[ -]?nouveaux?\b|\breport a nouveau\b|\bouverture\b|\bopening\b/.test(words(label));
}

/** A hint only: VE, VT, VEN, VTE… or "Ventes" in the label. Revenue lines decide first. */
export function isSalesJournal(code: string, label: string): boolean {
  return /^(VE|VT)/i.test(code.trim()) || /\bventes?\b|\bsales?\b/.test(words(label));
}

/** A hint only: AC, ACH, HA… or "Achats" in the label. Expense lines decide first. */
export function isPurchaseJournal(code: string, label: string): boolean {
  return /^(AC|HA)/i.test(code.trim()) || /\bachats?\b|\bpurchases?\b/.test(words(label));
}

/** What an entry's lines and journal say about it, computed once per entry. */
export type EntryFacts = {
  isOpening: boolean;
  hasTreasury: boolean;
  hasRevenue: boolean;
  hasPurchase: boolean;
  isSalesJournal: boolean;
  isPurchaseJournal: boolean;
};

export function entryFacts(
  lines: readonly { journalCode: string; journalLib: string; account: string }[],
): EntryFacts {
  const first = lines[0];
  const code = first?.journalCode ?? "";
  const label = first?.journalLib ?? "";
  return {
    isOpening: isOpeningJournal(code, label),
    hasTreasury: lines.some((l) => isTreasuryAccount(l.account)),
    hasRevenue: lines.some((l) => isRevenueAccount(l.account)),
    hasPurchase: lines.some((l) => isPurchaseAccount(l.account)),
    isSalesJournal: isSalesJournal(code, label),
    isPurchaseJournal: isPurchaseJournal(code, label),
  };
}

/**
 * What one customer line becomes (signed = debit − credit, never zero):
 * - `opening`: a balance brought forward, an open item of unknown origin (debit invoice, credit
 *   credit note), so that the customer's balance is right from day one;
 * - `sale`: an invoice (debit) or credit note (credit) — the entry has revenue lines, or sits in a
 *   sales journal without treasury lines (deposit invoices are booked 411 / 4191 / 4457);
 *   a cash sale (revenue and treasury in one entry) still yields its invoice;
 * - `payment`: a credit in an entry that moves money (bank, cash, bill of exchange);
 * - `refund`: a debit in such an entry: money paid back or a payment that bounced;
 * - `adjustment`: anything else (write-off, transfer, compensation): still an open item, so that
 *   the balance stays right, unless it only moves the debt between 411 and 416 (see parse-fec).
 */
export type CustomerLineRole = "opening" | "sale" | "payment" | "refund" | "adjustment";

export function customerLineRole(facts: EntryFacts, signedMinor: number): CustomerLineRole {
  if (facts.isOpening) return "opening";
  if (facts.hasTreasury) {
    if (signedMinor < 0) return "payment";
    return facts.hasRevenue ? "sale" : "refund";
  }
  if (facts.hasRevenue || facts.isSalesJournal) return "sale";
  return "adjustment";
}

/**
 * A supplier bill — what we owe — is a supplier credit from a purchase entry (expense or asset
 * lines, or a purchase journal, and no payment in it) or from an opening entry.
 */
export function isSupplierBill(facts: EntryFacts, signedMinor: number): boolean {
  if (signedMinor >= 0) return false;
  // Opening entries always hold the bank balances too: the treasury test does not apply to them.
  if (facts.isOpening) return true;
  return !facts.hasTreasury && (facts.hasPurchase || facts.isPurchaseJournal);
}

/** The party's reference: the auxiliary account, else the general account (411DUPONT). */
export function partyRef(line: { auxAccount: string; account: string }): string {
  return line.auxAccount !== "" ? line.auxAccount : line.account;
}

/** The party's name: the auxiliary label, else the account label, else the reference itself. */
export function partyName(line: {
  auxAccount: string;
  auxLabel: string;
  account: string;
  accountLabel: string;
}): string {
  const name = line.auxAccount !== "" ? line.auxLabel : line.accountLabel;
  return name !== "" ? name : partyRef(line);
}
