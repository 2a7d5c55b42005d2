import { compareDates, type IsoDate } from "../../../shared/dates";
import type { AllocationRecord } from "../imports.types";

/**
 * One customer line that carries a letter (EcritureLet), seen from the record it became:
 * - `debit`: an invoice (or any debit open item),
 * - `credit`: a credit note (or any credit open item that is not cash),
 * - `cash`: a payment, `refund`: money paid back or a bounced payment.
 * Amounts are positive; the role gives the direction.
 */
export type LetterItem = {
  ref: string;
  role: "debit" | "credit" | "cash" | "refund";
  amountMinor: number;
  /** Issue date of an open item, date of a payment: "oldest first" follows it. */
  date: IsoDate;
  line: number;
  entryDate: IsoDate;
  letterDate: IsoDate | null;
};

/** Lines of one party that share one letter: what the accountant matched together. */
export type LetterGroup = { partyRef: string; letter: string; items: LetterItem[] };

/** Adds an item to the group of its party and letter ("" gathers a party's opening items). */
export function addToGroup(
  groups: Map<string, LetterGroup>,
  partyRef: string,
  letter: string,
  item: LetterItem,
): void {
  const key = `${partyRef}\u0000${letter}`;
  const group = groups.get(key) ?? { partyRef, letter, items: [] };
  group.items.push(item);
  groups.set(key, group);
}

export type Settlement = {
  allocations: AllocationRecord[];
  /** Per record reference, how much of it the lettering settled (positive). */
  settledMinor: Map<string, number>;
};

type Open = { item: LetterItem; left: number };

function oldestFirst(a: Open, b: Open): number {
  return compareDates(a.item.date, b.item.date) || a.item.line - b.item.line;
}

function opens(items: readonly LetterItem[], role: LetterItem["role"]): Open[] {
  return items
    .filter((item) => item.role === role)
    .map((item) => ({ item, left: item.amountMinor }))
    .sort(oldestFirst);
}

/** Takes from `sources` to cover `targets`, both oldest first; calls `take` for every transfer. */
function cover(
  targets: Open[],
  sources: Open[],
  take: (target: Open, source: Open, minor: number) => void,
): void {
  for (const source of sources) {
    for (const target of targets) {
      if (source.left === 0) break;
      const minor = Math.min(source.left, target.left);
      if (minor === 0) continue;
      target.left -= minor;
      source.left -= minor;
      take(target, source, minor);
    }
  }
}

/**
 * The date of the lettering: DateLet (A47 A-1 field 15); when the software leaves it blank, the
 * latest entry date of the group, the earliest day on which the match could have been made.
 */
export function letteringDate(items: readonly LetterItem[]): IsoDate | null {
  const dates = items.map((i) => i.letterDate).filter((d): d is IsoDate => d !== null);
  const pool = dates.length > 0 ? dates : items.map((i) => i.entryDate);
  return pool.reduce<IsoDate | null>((max, d) => (max === null || compareDates(d, max) > 0 ? d : max), null);
}

/**
 * Turns letter groups into allocations and settled amounts. In each group:
 * 1. credit notes net against invoices, oldest invoice first (no allocation: no cash moved);
 * 2. refunds cancel payments, oldest payment first (the cash came back);
 * 3. what is left of each payment, oldest first, is allocated to the invoices, oldest first,
 *    never more than the invoice's or the payment's remainder.
 * 4. Cash that a group leaves over was lettered against something this file does not show: an
 *    invoice of a previous year, which the file only carries inside the opening balance (the
 *    previous year's letters are not brought forward with it). That cash goes to the customer's
 *    unlettered opening items, oldest first, so that neither the old balance nor the payment
 *    stays open twice.
 * A balanced group therefore settles every invoice completely. A group that does not balance
 * (partial lettering — the lower-case letters of some software — or a group whose other half lies
 * in another file) settles what it covers and leaves the rest open; unlettered items stay fully
 * open. The only remainders a balanced group can keep are a credit note and the refund that paid
 * it out, which stay open and unapplied side by side: allocations only link payments to invoices.
 */
export function settleLettering(input: {
  groups: readonly LetterGroup[];
  /** Per customer, unlettered opening debits (letter ""). */
  openings: readonly LetterGroup[];
  currency: string;
}): Settlement {
  const allocations: AllocationRecord[] = [];
  const settledMinor = new Map<string, number>();
  const settle = (ref: string, minor: number) => settledMinor.set(ref, (settledMinor.get(ref) ?? 0) + minor);
  const allocate = (date: IsoDate | null) => (debit: Open, payment: Open, minor: number) => {
    settle(debit.item.ref, minor);
    allocations.push({
      line: payment.item.line,
      paymentRef: payment.item.ref,
      invoiceRef: debit.item.ref,
      amountMinor: minor,
      currency: input.currency,
      date: date ?? payment.item.date,
    });
  };
  const leftover = new Map<string, { cash: Open; date: IsoDate | null }[]>();
  for (const group of input.groups) {
    const debits = opens(group.items, "debit");
    const cash = opens(group.items, "cash");
    cover(debits, opens(group.items, "credit"), (debit, credit, minor) => {
      settle(debit.item.ref, minor);
      settle(credit.item.ref, minor);
    });
    cover(cash, opens(group.items, "refund"), () => {});
    const date = letteringDate(group.items);
    cover(debits, cash, allocate(date));
    const left = leftover.get(group.partyRef) ?? [];
    for (const c of cash) if (c.left > 0) left.push({ cash: c, date });
    leftover.set(group.partyRef, left);
  }
  for (const opening of input.openings) {
    const left = (leftover.get(opening.partyRef) ?? []).sort((a, b) => oldestFirst(a.cash, b.cash));
    const debits = opens(opening.items, "debit");
    for (const { cash, date } of left) cover(debits, [cash], allocate(date));
  }
  return { allocations, settledMinor };
}
