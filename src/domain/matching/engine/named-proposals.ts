import type { MatchRule, MatchSettings, OpenItem, Proposal, Reason } from "./engine.types";
import { isOpen, type NamedItem, type Naming } from "./named-items";
import { reason } from "./reasons";
import { subsetSum } from "./subset-sum";

/** Score of a proposal whose items the line names and whose amount fits exactly. */
const NAMING_SCORE: Record<Naming, number> = {
  reference: 100,
  number: 97,
  number_fuzzy: 93,
  number_tail: 91,
};
const NAMING_RULE: Record<Naming, MatchRule> = {
  reference: "reference",
  number: "invoice_number",
  number_fuzzy: "invoice_number_fuzzy",
  number_tail: "invoice_number_fuzzy",
};
/** Differences up to this many minor units are rounding, above it bank fees. */
export const ROUNDING_MAX_MINOR = 5;
/** A partial payment the remittance does not announce is shown, never applied. */
const UNSAID_PARTIAL_MAX_SCORE = 80;

export function byAge(a: OpenItem, b: OpenItem): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.invoiceId - b.invoiceId;
}

export function writeOffReason(differenceMinor: number): "bank_fees" | "rounding" {
  return differenceMinor <= ROUNDING_MAX_MINOR ? "rounding" : "bank_fees";
}

function creditNoteReasons(items: readonly OpenItem[]): Reason[] {
  return items
    .filter((i) => i.type === "credit_note")
    .map((i) => reason("credit_note_netted", { number: i.number, amountMinor: i.openAmountMinor }));
}

function namingReasons(named: readonly NamedItem[]): Reason[] {
  return named.map((n) => ({
    code:
      n.naming === "reference"
        ? "reference_found"
        : n.naming === "number"
          ? "number_found"
          : "number_similar",
    values: { key: n.key, number: n.item.number },
  }));
}

export type NamedInput = {
  customerId: number;
  named: NamedItem[];
  /** The customer's other open items (an unnamed credit note netted, an unnamed invoice paid along). */
  others: readonly OpenItem[];
  amountMinor: number;
  saysPartial: boolean;
  settings: MatchSettings;
};

function full(items: readonly OpenItem[]): Proposal["allocations"] {
  return items.map((i) => ({ invoiceId: i.invoiceId, amountMinor: i.openAmountMinor }));
}

/**
 * What a payment naming some of a customer's items means: paid exactly; paid less within the tolerance
 * (written off); paid more (with an unnamed item, else unapplied cash); paid less (an unnamed credit note
 * netted, some of the named items only, or a partial payment, applied only when the remittance says so).
 */
export function namedProposals(input: NamedInput): Proposal[] {
  const { customerId, amountMinor, settings } = input;
  const named = [...input.named].sort((a, b) => byAge(a.item, b.item));
  const items = named.map((n) => n.item);
  const base = Math.min(...named.map((n) => NAMING_SCORE[n.naming]));
  const rule =
    NAMING_RULE[
      named.reduce((w, n) => (NAMING_SCORE[n.naming] < NAMING_SCORE[w] ? n.naming : w), named[0]!.naming)
    ];
  const reasons = namingReasons(named);
  const make = (
    p: Omit<Proposal, "customerId" | "rule" | "reasons"> & { rule?: MatchRule; reasons: Reason[] },
  ): Proposal => ({
    customerId,
    rule,
    ...p,
    reasons: [...reasons, ...p.reasons],
  });
  const total = items.reduce((s, i) => s + i.openAmountMinor, 0);
  const difference = total - amountMinor;

  if (difference === 0) {
    return [
      make({
        allocations: full(items),
        writeOff: null,
        unappliedMinor: 0,
        score: base,
        reasons: [...creditNoteReasons(items), reason("amount_exact", { amountMinor })],
      }),
    ];
  }
  const lastInvoice = [...items].reverse().find((i) => i.type === "invoice");
  if (difference > 0 && difference <= settings.writeOffToleranceMinor && lastInvoice) {
    const feeReason = writeOffReason(difference);
    return [
      make({
        allocations: items.map((i) => ({
          invoiceId: i.invoiceId,
          amountMinor: i === lastInvoice ? i.openAmountMinor - difference : i.openAmountMinor,
        })),
        writeOff: { invoiceId: lastInvoice.invoiceId, amountMinor: difference, reason: feeReason },
        unappliedMinor: 0,
        score: base - 2,
        reasons: [
          ...creditNoteReasons(items),
          reason("amount_within_tolerance", { differenceMinor: difference, reason: feeReason }),
        ],
      }),
    ];
  }
  if (difference < 0 && total > 0) {
    const rest = subsetSum(input.others.filter(isOpen), -difference, { maxPicked: 4 });
    if (rest.complete && rest.combinations.length === 1) {
      const along = rest.combinations[0]!;
      return [
        make({
          allocations: full([...items, ...along]),
          writeOff: null,
          unappliedMinor: 0,
          score: base - 4,
          reasons: [
            ...creditNoteReasons([...items, ...along]),
            reason("amount_combination", { count: items.length + along.length }),
          ],
        }),
      ];
    }
    return [
      make({
        allocations: full(items),
        writeOff: null,
        unappliedMinor: -difference,
        score: base - 4,
        reasons: [...creditNoteReasons(items), reason("amount_exact", { amountMinor: total })],
      }),
    ];
  }
  if (difference > 0) return paidLess(input, named, make, base);
  return [];
}

type Make = (
  p: Omit<Proposal, "customerId" | "rule" | "reasons"> & { rule?: MatchRule; reasons: Reason[] },
) => Proposal;

function paidLess(input: NamedInput, named: readonly NamedItem[], make: Make, base: number): Proposal[] {
  const { amountMinor } = input;
  const items = named.map((n) => n.item);
  const namedIds = new Set(items.map((i) => i.invoiceId));
  const pool = [...items, ...input.others.filter((i) => i.type === "credit_note" && isOpen(i))];
  const exact = subsetSum(pool, amountMinor, { maxPicked: 8 });
  const fits = exact.combinations.filter((c) => c.some((i) => namedIds.has(i.invoiceId)));
  if (fits.length > 0) {
    const chosen = fits[0]!;
    const unique = exact.complete && fits.length === 1;
    const dropsNamed = items.some((i) => !chosen.includes(i));
    return [
      make({
        rule: "combination",
        allocations: full(chosen),
        writeOff: null,
        unappliedMinor: 0,
        score: unique ? base - (dropsNamed ? 7 : 2) : 70,
        reasons: [
          ...creditNoteReasons(chosen),
          reason("amount_combination", { count: chosen.length }),
          ...(unique ? [] : [reason("ambiguous", { combinations: fits.length })]),
        ],
      }),
    ];
  }
  // Partial: credit notes first, then the oldest invoices, never beyond an item's open amount.
  const ordered = [
    ...items.filter((i) => i.type === "credit_note"),
    ...items.filter((i) => i.type === "invoice"),
  ];
  let left = amountMinor;
  const allocations: Proposal["allocations"] = [];
  for (const item of ordered) {
    if (left <= 0) break;
    const amount = item.type === "credit_note" ? item.openAmountMinor : Math.min(item.openAmountMinor, left);
    allocations.push({ invoiceId: item.invoiceId, amountMinor: amount });
    left -= amount;
  }
  if (left !== 0) return [];
  const openMinor = items.reduce((s, i) => s + i.openAmountMinor, 0);
  return [
    make({
      rule: allocations.length === 1 ? "partial" : "oldest_first",
      allocations,
      writeOff: null,
      unappliedMinor: 0,
      score: input.saysPartial ? base - 5 : Math.min(base - 20, UNSAID_PARTIAL_MAX_SCORE),
      reasons: [
        reason("amount_partial", { paidMinor: amountMinor, openMinor }),
        ...(input.saysPartial ? [reason("says_partial", {})] : []),
      ],
    }),
  ];
}
