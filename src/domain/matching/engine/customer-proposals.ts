import type { CandidateCustomer, MatchSettings, OpenItem, Proposal, Reason } from "./engine.types";
import { isOpen } from "./named-items";
import { byAge, writeOffReason } from "./named-proposals";
import { reason } from "./reasons";
import { subsetSum } from "./subset-sum";

const EXACT_SCORE = 95;
const TOLERANCE_SCORE = 92;
const COMBINATION_SCORE = 92;
const LARGE_COMBINATION_SCORE = 90;
/** Alternatives of equal standing: shown ranked (oldest first), never applied. */
const AMBIGUOUS_SCORE = 70;
const AMOUNT_ONLY_SCORE = 60;
const CUSTOMER_ONLY_SCORE = 50;

export type IdentifiedCustomer = {
  customer: CandidateCustomer;
  /** Points taken off every proposal for this customer: 0 when known by IBAN, more for a weaker name. */
  penalty: number;
  /** iban_known / name_similar / ambiguous reasons that say how the customer was found. */
  reasons: Reason[];
};

function proposal(
  who: IdentifiedCustomer,
  fields: Omit<Proposal, "customerId" | "reasons" | "writeOff" | "unappliedMinor"> & {
    reasons: Reason[];
    writeOff?: Proposal["writeOff"];
    unappliedMinor?: number;
  },
): Proposal {
  return {
    customerId: who.customer.customerId,
    writeOff: null,
    unappliedMinor: 0,
    ...fields,
    score: fields.score - who.penalty,
    reasons: [...who.reasons, ...fields.reasons],
  };
}

/**
 * The amount alone, once the customer is known: one open invoice of exactly that amount, a combination
 * of its open items (credit notes netted), one invoice within the write-off tolerance. Several equal
 * answers stay suggestions, oldest first.
 */
export function customerProposals(
  who: IdentifiedCustomer,
  amountMinor: number,
  settings: MatchSettings,
): Proposal[] {
  const items = who.customer.openItems.filter(isOpen).sort(byAge);
  const invoices = items.filter((i) => i.type === "invoice");
  const exact = invoices.filter((i) => i.openAmountMinor === amountMinor);
  if (exact.length > 0) {
    const ambiguous = exact.length > 1;
    return exact.slice(0, 3).map((item) =>
      proposal(who, {
        rule: "exact_amount",
        allocations: [{ invoiceId: item.invoiceId, amountMinor }],
        score: ambiguous ? AMBIGUOUS_SCORE : EXACT_SCORE,
        reasons: [
          reason("amount_exact", { amountMinor, number: item.number }),
          ...(ambiguous ? [reason("ambiguous", { sameAmount: exact.length })] : []),
        ],
      }),
    );
  }
  const combos = subsetSum(items, amountMinor, { minPicked: 2, maxPicked: 8 });
  if (combos.combinations.length > 0) {
    const unique = combos.complete && combos.combinations.length === 1;
    return combos.combinations.map((combo, rank) =>
      proposal(who, {
        rule: "combination",
        allocations: combo.map((i) => ({ invoiceId: i.invoiceId, amountMinor: i.openAmountMinor })),
        score: unique
          ? combo.filter((i) => i.type === "invoice").length <= 4
            ? COMBINATION_SCORE
            : LARGE_COMBINATION_SCORE
          : AMBIGUOUS_SCORE + (rank === 0 ? 2 : 0),
        reasons: [
          reason("amount_combination", { count: combo.length }),
          ...combo
            .filter((i) => i.type === "credit_note")
            .map((i) => reason("credit_note_netted", { number: i.number, amountMinor: i.openAmountMinor })),
          ...(unique ? [] : [reason("ambiguous", { combinations: combos.combinations.length })]),
        ],
      }),
    );
  }
  const near = invoices.filter(
    (i) =>
      i.openAmountMinor > amountMinor && i.openAmountMinor - amountMinor <= settings.writeOffToleranceMinor,
  );
  if (near.length > 0) {
    const ambiguous = near.length > 1;
    return near.slice(0, 3).map((item) => {
      const difference = item.openAmountMinor - amountMinor;
      const feeReason = writeOffReason(difference);
      return proposal(who, {
        rule: "exact_amount",
        allocations: [{ invoiceId: item.invoiceId, amountMinor }],
        writeOff: { invoiceId: item.invoiceId, amountMinor: difference, reason: feeReason },
        score: ambiguous ? AMBIGUOUS_SCORE : TOLERANCE_SCORE,
        reasons: [
          reason("amount_within_tolerance", {
            differenceMinor: difference,
            reason: feeReason,
            number: item.number,
          }),
          ...(ambiguous ? [reason("ambiguous", { withinTolerance: near.length })] : []),
        ],
      });
    });
  }
  return [];
}

/** The customer is only guessed by name and nothing fits: show who it may be, with the money unapplied. */
export function customerOnlyProposal(who: IdentifiedCustomer, amountMinor: number): Proposal {
  return proposal(who, {
    rule: "customer_only",
    allocations: [],
    unappliedMinor: amountMinor,
    score: CUSTOMER_ONLY_SCORE,
    reasons: [],
  });
}

/** Items of customers nothing else points to, with the exact amount: a hint, never applied. */
export function amountOnlyProposals(
  items: readonly OpenItem[],
  amountMinor: number,
  currency: string,
): Proposal[] {
  const same = items
    .filter((i) => i.currency === currency && i.type === "invoice" && i.openAmountMinor === amountMinor)
    .sort(byAge);
  return same.slice(0, 3).map((item) => ({
    customerId: item.customerId,
    allocations: [{ invoiceId: item.invoiceId, amountMinor }],
    writeOff: null,
    unappliedMinor: 0,
    score: same.length === 1 ? AMOUNT_ONLY_SCORE : AMOUNT_ONLY_SCORE - 10,
    rule: "exact_amount",
    reasons: [
      reason("amount_exact", { amountMinor, number: item.number }),
      ...(same.length > 1 ? [reason("ambiguous", { sameAmount: same.length })] : []),
    ],
  }));
}
