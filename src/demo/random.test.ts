import { describe, expect, it } from "vitest";
import { createRandom } from "./random";

const draw = (seed: number, stream = 0) => {
  const random = createRandom(seed, stream);
  return Array.from({ length: 20 }, () => random.next());
};

describe("createRandom", () => {
  it("repeats the same sequence for the same seed and another one for another seed", () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("gives each stream of a seed its own sequence", () => {
    expect(draw(42, 1)).toEqual(draw(42, 1));
    expect(draw(42, 1)).not.toEqual(draw(42, 2));
    expect(draw(42, 1)).not.toEqual(draw(42, 0));
  });

  it("keeps int() within its bounds, both included", () => {
    const random = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("follows the weights of weighted() and the bounds of logUniform()", () => {
    const random = createRandom(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[random.weighted({ a: 1, b: 3 })]++;
    expect(counts.b / 10_000).toBeGreaterThan(0.72);
    expect(counts.b / 10_000).toBeLessThan(0.78);
    for (let i = 0; i < 1000; i++) {
      const value = random.logUniform(50, 1500);
      expect(value).toBeGreaterThanOrEqual(50);
      expect(value).toBeLessThan(1500);
    }
  });

  it("refuses a seed that is not an integer", () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
  });
});
