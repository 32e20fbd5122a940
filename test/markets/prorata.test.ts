import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prorata, splitOrCopy } from '../../sim/markets/prorata.js';

/** prorata over weights given as a plain list (idx = 0..m-1). */
function split(total: number, weights: number[]): number[] {
  const w = Float64Array.from(weights);
  const idx = Int32Array.from(weights.map((_, i) => i));
  const out = new Float64Array(weights.length);
  prorata(total, w, idx, weights.length, out);
  return Array.from(out);
}

describe('markets/prorata', () => {
  it('10 over three equal weights gives 4, 3, 3: the one extra unit goes to the lowest index', () => {
    // exact shares 10/3 = 3.333 each; floors 3+3+3 = 9; 1 unit left; remainders tie -> index 0.
    expect(split(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('the extra units go to the largest remainders', () => {
    // total 10 over 1, 2, 4 (sum 7): exact 1.429, 2.857, 5.714; floors 1+2+5 = 8, 2 left;
    // remainders .429, .857, .714 -> the 2nd and 3rd get one each: 1, 3, 6.
    expect(split(10, [1, 2, 4])).toEqual([1, 3, 6]);
    // total 7 over 3, 3, 1, 1 (sum 8): exact 2.625, 2.625, 0.875, 0.875; floors 2+2+0+0 = 4, 3 left;
    // the two remainders .875 first, then one .625 tie to the lower index: 3, 2, 1, 1.
    expect(split(7, [3, 3, 1, 1])).toEqual([3, 2, 1, 1]);
  });

  it('a split follows idx and ignores weights of accounts not listed', () => {
    const w = Float64Array.from([100, 1, 100, 3]);
    const idx = Int32Array.from([1, 3]);
    const out = new Float64Array(2);
    // 8 over weights 1 and 3: exact 2 and 6.
    prorata(8, w, idx, 2, out);
    expect(Array.from(out)).toEqual([2, 6]);
  });

  it('an exact split has no remainder to hand out', () => {
    // 30 over 1, 2, 3 (sum 6): 5, 10, 15 exactly.
    expect(split(30, [1, 2, 3])).toEqual([5, 10, 15]);
  });

  it('zero weights throw rather than divide by zero', () => {
    expect(() => split(5, [0, 0])).toThrow(/zero weights/);
  });

  it('any split sums exactly to the total, each part within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 300 }),
        (total, weights) => {
          const wsum = weights.reduce((s, x) => s + x, 0);
          fc.pre(wsum > 0);
          const parts = split(total, weights);
          expect(parts.reduce((s, x) => s + x, 0)).toBe(total);
          const bad = parts.filter((part, i) =>
            !Number.isInteger(part) || part < 0 || !(Math.abs(part - (total * weights[i]!) / wsum) < 1 + 1e-6));
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('large splits of equal weights differ by at most one unit and favour the lowest indices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 2000 }), (total, m) => {
        const parts = split(total, new Array<number>(m).fill(7));
        const base = Math.floor(total / m);
        const extra = total - base * m;
        // Hamilton with equal remainders: the first `extra` indices get base + 1, the rest base.
        const expected = Array.from({ length: m }, (_, i) => (i < extra ? base + 1 : base));
        expect(parts).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  /** Hamilton's method written out plainly: floors, then one unit each to the largest remainders, ties to the lower index. */
  const reference = (total: number, weights: number[]): number[] => {
    const wsum = weights.reduce((s, x) => s + x, 0);
    const exact = weights.map((x) => (total * x) / wsum);
    const parts = exact.map(Math.floor);
    let left = total - parts.reduce((s, x) => s + x, 0);
    const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) { if (left <= 0) break; parts[i]! += 1; left--; }
    return parts;
  };
  /** Integer weights 1..distinct from a seeded generator (few distinct values: many tied remainders). */
  const weightsOf = (m: number, distinct: number, seed: number): number[] => {
    let s = seed >>> 0;
    const draw = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    return Array.from({ length: m }, () => 1 + Math.floor(draw() * distinct));
  };

  it('splits of every length (a select over all remainders when short, else a histogram sized to the split, then a select in one bucket) give exactly the largest-remainder split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom(1, 3, 1000, 1e6, 1e9),
        fc.integer(),
        (total, m, distinct, seed) => {
          const weights = weightsOf(m, distinct, seed);
          expect(split(total, weights)).toEqual(reference(total, weights));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('long splits (the histogram at its most buckets) give exactly the largest-remainder split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 4096, max: 30000 }),
        fc.constantFrom(3, 1000, 1e6, 1e9), // from heavy ties to nearly all remainders distinct
        fc.integer(),
        (total, m, distinct, seed) => {
          const weights = weightsOf(m, distinct, seed);
          expect(split(total, weights)).toEqual(reference(total, weights));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('splitOrCopy gives what prorata gives: a copy of integer weights split over their own sum, a split otherwise', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: -3, max: 3 }),
      (weights, shift) => {
        const sum = weights.reduce((s, x) => s + x, 0);
        const total = sum + shift; // the sum itself (a copy) or near it (a real split)
        fc.pre(sum > 0 && total > 0);
        const w = Float64Array.from(weights);
        const idx = Int32Array.from(weights.map((_, i) => weights.length - 1 - i)); // not in index order
        const viaProrata = new Float64Array(weights.length);
        const viaCopy = new Float64Array(weights.length);
        prorata(total, w, idx, weights.length, viaProrata);
        splitOrCopy(total, sum, w, idx, weights.length, viaCopy);
        expect(Array.from(viaCopy)).toEqual(Array.from(viaProrata));
        if (shift === 0) expect(Array.from(viaCopy)).toEqual(Array.from(idx, (i) => weights[i]));
      },
    ));
  });
});
