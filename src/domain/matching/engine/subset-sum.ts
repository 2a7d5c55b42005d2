export type SubsetItem = { invoiceId: number; dueDate: string; openAmountMinor: number };

export type SubsetSumOptions = {
  /** The oldest items considered (the rest are ignored and the search is then not complete). Default 16, at most 24. */
  maxItems?: number;
  /** Most items in one combination, credit notes included. Default 8. */
  maxPicked?: number;
  /** Fewest items in one combination. Default 1. */
  minPicked?: number;
  /** How many exact combinations are returned. Default 3. */
  maxResults?: number;
};

export type SubsetSumResult<T> = {
  /** Exact combinations, best first: the one using the oldest items (by due date, then id) first. */
  combinations: T[][];
  /** True when every item was considered and every combination counted: then `combinations.length === 1` means it is the only one. */
  complete: boolean;
  /** How many exact combinations were met (all of them when complete). */
  found: number;
};

/** Past this many candidate pairs (equal amounts everywhere) the search stops and says it is not complete. */
const MAX_PAIRS = 65_536;
const HARD_MAX_ITEMS = 24;
const MASKS = 4096;

/** First position whose value is ≥ `value` in an ascending array. */
function lowerBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function byAge(a: SubsetItem, b: SubsetItem): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.invoiceId - b.invoiceId;
}

/** Sums and sizes of every subset of `amounts` (2^n entries, n ≤ 12), indexed by bit mask. */
function allSums(amounts: readonly number[]): { sums: Float64Array; sizes: Uint8Array } {
  const size = 1 << amounts.length;
  const sums = new Float64Array(size);
  const sizes = new Uint8Array(size);
  for (let mask = 1; mask < size; mask++) {
    const low = mask & -mask;
    const bit = 31 - Math.clz32(low);
    sums[mask] = sums[mask ^ low]! + amounts[bit]!;
    sizes[mask] = sizes[mask ^ low]! + 1;
  }
  return { sums, sizes };
}

function indexesOf(mask: number, offset: number, into: number[]): void {
  for (let m = mask; m !== 0; m &= m - 1) into.push(offset + 31 - Math.clz32(m & -m));
}

/** Lexicographic order of sorted index lists, a prefix first: the order a depth-first search "oldest item taken first" meets them. */
function compareIndexes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Which of a customer's open items (credit notes negative) add up exactly to a payment. Meet in the
 * middle: the oldest items (at most 24) are split in two halves, every subset sum of one half is
 * indexed, and each subset of the other half looks up the sum it misses: at most 2 × 4,096 sums
 * whatever the amounts, so a customer with hundreds of open items costs the same as one with twenty.
 */
export function subsetSum<T extends SubsetItem>(
  items: readonly T[],
  targetMinor: number,
  options: SubsetSumOptions = {},
): SubsetSumResult<T> {
  const maxItems = Math.min(options.maxItems ?? 16, HARD_MAX_ITEMS);
  const maxPicked = options.maxPicked ?? 8;
  const minPicked = Math.max(1, options.minPicked ?? 1);
  const maxResults = options.maxResults ?? 3;

  const nonZero = items.filter((i) => i.openAmountMinor !== 0);
  const credit = nonZero.reduce((s, i) => s + Math.min(0, i.openAmountMinor), 0);
  const usable = nonZero.filter((i) => i.openAmountMinor <= targetMinor - credit).sort(byAge);
  const considered = usable.slice(0, maxItems);
  let complete = considered.length === usable.length;

  const half = Math.floor(considered.length / 2);
  const amounts = considered.map((i) => i.openAmountMinor);
  const left = allSums(amounts.slice(0, half));
  const right = allSums(amounts.slice(half));
  // Right-half subsets packed as sum × 4096 + mask and sorted natively: one binary search per left subset.
  const packed = new Float64Array(right.sums.length);
  let count = 0;
  for (let mask = 0; mask < right.sums.length; mask++) {
    if (right.sizes[mask]! <= maxPicked) packed[count++] = right.sums[mask]! * MASKS + mask;
  }
  const sorted = packed.subarray(0, count).sort();
  let found = 0;

  // Every exact pair is looked at (bounded by MAX_PAIRS), only the best few kept, so "oldest first" holds.
  const best: number[][] = [];
  let pairs = 0;
  search: for (let maskA = 0; maskA < left.sums.length; maskA++) {
    const sizeA = left.sizes[maskA]!;
    if (sizeA > maxPicked) continue;
    const need = targetMinor - left.sums[maskA]!;
    for (
      let at = lowerBound(sorted, need * MASKS);
      at < count && Math.floor(sorted[at]! / MASKS) === need;
      at++
    ) {
      if (++pairs > MAX_PAIRS) {
        complete = false;
        break search;
      }
      const maskB = sorted[at]! - need * MASKS;
      const size = sizeA + right.sizes[maskB]!;
      if (size < minPicked || size > maxPicked) continue;
      const indexes: number[] = [];
      indexesOf(maskA, 0, indexes);
      indexesOf(maskB, half, indexes);
      indexes.sort((a, b) => a - b);
      found++;
      if (best.length === maxResults && compareIndexes(indexes, best[best.length - 1]!) >= 0) continue;
      best.push(indexes);
      best.sort(compareIndexes);
      if (best.length > maxResults) best.pop();
    }
  }
  return {
    combinations: best.map((indexes) => indexes.map((i) => considered[i]!)),
    complete,
    found,
  };
}
