import { formatMajor, parseMajor } from "../../../shared/money";

/** One open item picked for a manual match, with the amount typed for it (major units, as typed). */
export type PickedItem = {
  invoiceId: number;
  number: string;
  customerId: number;
  customerName: string;
  dueDate: string;
  /** Signed open amount (credit notes negative), decimal string. */
  openAmount: string;
  /** As typed: "1234,50", "1234.5", "" … */
  amount: string;
};

export type ManualMatchTotals = {
  /** Amounts that could not be read, by invoice id. */
  invalid: ReadonlySet<number>;
  /** Σ allocated, decimal string. */
  allocated: string;
  /** Line amount − Σ allocated: positive is left as unapplied cash; negative is too much allocated. */
  remainder: string;
  isOverAllocated: boolean;
  /** Credit notes ticked without invoices enough to absorb them: a match cannot pay out money. */
  isNegative: boolean;
  /** Items whose allocated amount exceeds their open amount (in absolute value). */
  exceeding: ReadonlySet<number>;
};

/** Reads a typed amount (comma or point, spaces ignored); null when it is not a valid amount. */
export function readAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "");
  if (cleaned === "") return null;
  try {
    return parseMajor(cleaned, currency).minor;
  } catch {
    return null;
  }
}

/** The running totals of a manual match, in exact minor units. */
export function manualMatchTotals(
  lineAmount: string,
  currency: string,
  items: readonly PickedItem[],
): ManualMatchTotals {
  const invalid = new Set<number>();
  const exceeding = new Set<number>();
  let allocated = 0;
  for (const item of items) {
    const minor = readAmount(item.amount, currency);
    if (minor === null || minor === 0) {
      invalid.add(item.invoiceId);
      continue;
    }
    const open = parseMajor(item.openAmount, currency).minor;
    if (Math.sign(minor) !== Math.sign(open) || Math.abs(minor) > Math.abs(open))
      exceeding.add(item.invoiceId);
    allocated += minor;
  }
  const remainder = parseMajor(lineAmount, currency).minor - allocated;
  return {
    invalid,
    exceeding,
    allocated: formatMajor({ minor: allocated, currency }),
    remainder: formatMajor({ minor: remainder, currency }),
    isOverAllocated: remainder < 0,
    isNegative: allocated < 0,
  };
}

/**
 * What is left to allocate when an item is ticked: its whole open amount when the line still covers
 * it, else what remains of the line (a partial payment); credit notes always net in full.
 */
export function defaultAllocation(openAmount: string, remainder: string, currency: string): string {
  const open = parseMajor(openAmount, currency).minor;
  const left = parseMajor(remainder, currency).minor;
  if (open <= 0 || left >= open) return formatMajor({ minor: open, currency });
  return formatMajor({ minor: Math.max(left, 0), currency });
}

/** What is still open on an item after the typed allocation (the candidate write-off), or null. */
export function shortfall(item: PickedItem, currency: string): string | null {
  const minor = readAmount(item.amount, currency);
  if (minor === null) return null;
  const open = parseMajor(item.openAmount, currency).minor;
  const left = open - minor;
  return open > 0 && left > 0 ? formatMajor({ minor: left, currency }) : null;
}

/** True when the write-off stays within the company's tolerance (both decimal strings). */
export function isWithinTolerance(amount: string, tolerance: string | undefined, currency: string): boolean {
  if (tolerance === undefined) return true;
  return parseMajor(amount, currency).minor <= parseMajor(tolerance, currency).minor;
}

/** A decimal string as the user types it in their language: "1234.50" → "1234,50" in French. */
export function toTypedAmount(amount: string, locale: string): string {
  const separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal");
  return separator && separator.value !== "." ? amount.replace(".", separator.value) : amount;
}
