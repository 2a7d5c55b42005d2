import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SubsetItem, subsetSum } from "./subset-sum";

function items(...amounts: number[]): SubsetItem[] {
  return amounts.map((openAmountMinor, i) => ({
    invoiceId: i + 1,
    dueDate: `2024-01-${String(i + 1).padStart(2, "0")}`,
    openAmountMinor,
  }));
}

const ids = (combos: SubsetItem[][]): number[][] => combos.map((c) => c.map((i) => i.invoiceId));

describe("subsetSum", () => {
  it("finds the only exact combination and says it is the only one", () => {
    const result = subsetSum(items(120000, 85000, 43050), 128050);
    expect(ids(result.combinations)).toEqual([[2, 3]]);
    expect(result.complete).toBe(true);
  });

  it("nets credit notes", () => {
    const result = subsetSum(items(120000, -15000, 85000), 190000, { minPicked: 2 });
    expect(ids(result.combinations)).toEqual([[1, 2, 3]]);
  });

  it("returns the combination of the oldest items first", () => {
    const result = subsetSum(items(10000, 15000, 20000, 15000), 30000, { minPicked: 2 });
    expect(ids(result.combinations)).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it("orders by due date, then id, whatever the input order", () => {
    const list = items(100, 200, 100).reverse();
    expect(ids(subsetSum(list, 100).combinations)).toEqual([[1], [3]]);
  });

  it("finds nothing when nothing fits", () => {
    expect(subsetSum(items(100, 200), 250)).toEqual({ combinations: [], complete: true, found: 0 });
  });

  it("respects the size bounds", () => {
    expect(subsetSum(items(100, 100, 100), 300, { maxPicked: 2 }).combinations).toEqual([]);
    expect(subsetSum(items(300, 100, 200), 300, { minPicked: 2 }).combinations.map((c) => c.length)).toEqual([
      2,
    ]);
  });

  it("says the search is incomplete when items were left out or there are too many answers", () => {
    const many = items(...Array.from({ length: 40 }, (_, i) => 1000 + i));
    expect(subsetSum(many, 3).complete).toBe(true); // nothing small enough: all left out by the bound check
    expect(subsetSum(many, 2001).complete).toBe(false);
    const equal = items(...Array.from({ length: 20 }, () => 100));
    const result = subsetSum(equal, 500);
    expect(result.complete).toBe(false);
    expect(ids(result.combinations)).toEqual([
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 6],
      [1, 2, 3, 4, 7],
    ]);
  });

  it("stays bounded on a customer with hundreds of equal small items", () => {
    const many = items(...Array.from({ length: 300 }, () => 1999));
    const result = subsetSum(many, 1999 * 7 + 1);
    expect(result.combinations).toEqual([]);
  });

  it("finds exactly what a brute force finds", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -300, max: 1000 }).filter((n) => n !== 0),
          { maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 2000 }),
        (amounts, target) => {
          const list = items(...amounts);
          let count = 0;
          for (let mask = 1; mask < 1 << list.length; mask++) {
            let sum = 0;
            let size = 0;
            list.forEach((item, i) => {
              if (mask & (1 << i)) {
                sum += item.openAmountMinor;
                size++;
              }
            });
            if (sum === target && size <= 8) count++;
          }
          const result = subsetSum(list, target, { maxResults: 1000 });
          expect(result.combinations.length).toBe(count);
          expect(result.found).toBe(count);
        },
      ),
    );
  });

  it("every combination returned sums exactly to the target, within its bounds", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -5000, max: 20000 }).filter((n) => n !== 0),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 40000 }),
        (amounts, target) => {
          const result = subsetSum(items(...amounts), target, { maxPicked: 5, maxResults: 4 });
          expect(result.combinations.length).toBeLessThanOrEqual(4);
          for (const combo of result.combinations) {
            expect(combo.reduce((s, i) => s + i.openAmountMinor, 0)).toBe(target);
            expect(combo.length).toBeLessThanOrEqual(5);
            expect(new Set(combo.map((i) => i.invoiceId)).size).toBe(combo.length);
          }
        },
      ),
    );
  });
});
