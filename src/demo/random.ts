/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so that the demo data
 * is the same for the same seed on every machine. Math.random is never used: it cannot be seeded.
 */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** A float in [min, max) whose logarithm is uniform: small amounts are more frequent than large ones. */
  logUniform(min: number, max: number): number;
  /** A string of `length` decimal digits (leading zeros kept). */
  digits(length: number): string;
};

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * `stream` selects an independent sequence for the same seed (one per demo customer), so that a
 * customer's data does not depend on how many values were drawn before it.
 */
export function createRandom(seed: number, stream = 0): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Random seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(stream) || stream < 0)
    throw new RangeError(`Random stream must be a natural number, got ${stream}`);
  const high = (n: number) => Math.floor(n / 4294967296) >>> 0;
  const init = splitmix32(seed ^ Math.imul(high(seed), 0x85ebca6b));
  // Streams are scrambled too, so that neighbouring streams (customers 41 and 42) start far apart.
  const scramble = splitmix32(stream ^ Math.imul(high(stream), 0x27d4eb2f));
  let a = (init() ^ scramble()) >>> 0;
  let b = (init() ^ scramble()) >>> 0;
  let c = (init() ^ scramble()) >>> 0;
  let d = init();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // The first outputs of sfc32 still carry the structure of the seed: discard them.
  for (let i = 0; i < 16; i++) nextUint32();

  const next = () => nextUint32() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return (entries[entries.length - 1] as [K, number])[0];
    },
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
    digits(length) {
      let text = "";
      for (let i = 0; i < length; i++) text += String(int(0, 9));
      return text;
    },
  };
}
