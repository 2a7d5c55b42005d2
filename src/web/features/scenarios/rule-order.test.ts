import { describe, expect, it } from "vitest";
import { movePriorities, nextPriority } from "./rule-order";

describe("movePriorities", () => {
  const rules = [
    { id: 1, priority: 10 },
    { id: 2, priority: 20 },
    { id: 3, priority: 30 },
  ];

  it("swaps the priorities of two neighbours", () => {
    expect(movePriorities(rules, 1, -1)).toEqual([
      { id: 2, priority: 10 },
      { id: 1, priority: 20 },
    ]);
    expect(movePriorities(rules, 1, 1)).toEqual([
      { id: 2, priority: 30 },
      { id: 3, priority: 20 },
    ]);
  });

  it("does nothing past either end", () => {
    expect(movePriorities(rules, 0, -1)).toEqual([]);
    expect(movePriorities(rules, 2, 1)).toEqual([]);
  });

  it("renumbers when neighbours share a priority, saving only what changes", () => {
    const tied = [
      { id: 1, priority: 10 },
      { id: 2, priority: 20 },
      { id: 3, priority: 20 },
    ];
    // 1, 3, 2 → 10, 20, 30: rule 3 already has 20.
    expect(movePriorities(tied, 2, -1)).toEqual([{ id: 2, priority: 30 }]);
  });
});

describe("nextPriority", () => {
  it("puts a new rule after the last one", () => {
    expect(nextPriority([])).toBe(10);
    expect(
      nextPriority([
        { id: 1, priority: 35 },
        { id: 2, priority: 5 },
      ]),
    ).toBe(45);
  });
});
