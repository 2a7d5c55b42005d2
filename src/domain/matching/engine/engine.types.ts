import type { IsoDate } from "../../../shared/dates";

/**
 * The matching engine is pure: the database layer gathers, for each bank line, the candidates the
 * line's evidence points to (a `MatchContext`), and the engine scores them and decides. Money is in
 * minor units; open amounts are signed (credit notes negative).
 */
export type OpenItem = {
  invoiceId: number;
  customerId: number;
  number: string;
  type: "invoice" | "credit_note";
  issueDate: IsoDate;
  dueDate: IsoDate;
  openAmountMinor: number;
  currency: string;
  paymentReference: string | null;
};

/** A credit line of a bank statement, as the engine sees it. */
export type LineToMatch = {
  lineId: number;
  bookingDate: IsoDate;
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  structuredReference: string | null;
  remittanceText: string | null;
};

/** What a line's text and parties give to look up, computed once per line before any query. */
export type LineKeys = {
  /** Normalized structured references (RF, Belgian communication digits, company references). */
  referenceKeys: string[];
  /** Normalized invoice-number keys found in the text (see normalizeInvoiceNumber). */
  numberKeys: string[];
  /** The payer's IBAN, normalized, or null. */
  iban: string | null;
  /** Whether the remittance says the payment is partial (acompte, partial, Teilzahlung…). */
  saysPartial: boolean;
};

export type Evidence = "iban" | "name" | "reference" | "invoice_number" | "amount";

export type CandidateCustomer = {
  customerId: number;
  name: string;
  evidence: Evidence[];
  /** 0..1 similarity of the payer's name to this customer's name, when computed. */
  nameSimilarity: number | null;
  /** All open items of this customer in the line's currency. */
  openItems: OpenItem[];
};

export type ReferencedItem = {
  item: OpenItem;
  via: "reference" | "invoice_number";
  /** The key of the line that found it. */
  key: string;
};

export type MatchContext = {
  referenced: ReferencedItem[];
  customers: CandidateCustomer[];
  /** Open items of unknown customers whose open amount equals the line's amount (bounded list). */
  sameAmount: OpenItem[];
};

export type MatchSettings = {
  /** 0..100: a best proposal at or above it (and clearly ahead of the next) is applied. */
  autoThreshold: number;
  /** Largest difference written off, in minor units of the line's currency. */
  writeOffToleranceMinor: number;
};

export type MatchRule =
  | "reference"
  | "invoice_number"
  | "invoice_number_fuzzy"
  | "exact_amount"
  | "combination"
  | "partial"
  | "oldest_first"
  | "customer_only";

export type ReasonCode =
  | "reference_found"
  | "number_found"
  | "number_similar"
  | "iban_known"
  | "name_similar"
  | "amount_exact"
  | "amount_combination"
  | "amount_within_tolerance"
  | "amount_partial"
  | "says_partial"
  | "credit_note_netted"
  | "other_customer_items"
  | "ambiguous";

export type Reason = { code: ReasonCode; values: Record<string, string | number> };

export type Proposal = {
  customerId: number;
  allocations: { invoiceId: number; amountMinor: number }[];
  /** The small difference written off on one invoice (the customer paid less), within the tolerance. */
  writeOff: { invoiceId: number; amountMinor: number; reason: "bank_fees" | "rounding" } | null;
  /** The part of the line left on the customer as unapplied cash. */
  unappliedMinor: number;
  /** 0..100. */
  score: number;
  rule: MatchRule;
  reasons: Reason[];
};

export type MatchDecision = {
  /** apply: the first proposal is applied; suggest: proposals are shown ranked; unmatched: nothing fits. */
  outcome: "apply" | "suggest" | "unmatched";
  proposals: Proposal[];
  /** The payer, when identified with confidence even if no item fits (the line becomes unapplied cash). */
  payerCustomerId: number | null;
};
