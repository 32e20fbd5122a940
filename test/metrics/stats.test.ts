import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gini, median, MedianBracket, select } from '../../sim/metrics/stats.js';

const g = (xs: number[]): number => gini(Float64Array.from(xs), xs.length);
const med = (xs: number[]): number => median(Float64Array.from(xs), xs.length);

/** The O(n^2) definition: G = sum_i sum_j |x_i - x_j| / (2 n sum x). */
function giniReference(xs: number[]): number {
  const n = xs.length;
  const total = xs.reduce((s, x) => s + x, 0);
  let diffs = 0;
  for (const a of xs) for (const b of xs) diffs += Math.abs(a - b);
  return diffs / (2 * n * total);
}

describe('metrics/stats', () => {
  it('gini of equal values is 0', () => {
    expect(g([5, 5, 5, 5])).toBe(0);
  });

  it('gini of one holder among four is 0.75', () => {
    // sorted 0,0,0,10: sum (2i - n - 1) x_(i) = (8 - 5) x 10 = 30; / (n sum) = 30 / 40 = 0.75.
    expect(g([0, 10, 0, 0])).toBeCloseTo(0.75, 12);
  });

  it('gini of 1, 2, 3, 4 is 0.25', () => {
    // (-3 x 1 - 1 x 2 + 1 x 3 + 3 x 4) / (4 x 10) = 10 / 40 = 0.25.
    expect(g([3, 1, 4, 2])).toBeCloseTo(0.25, 12);
  });

  it('gini counts negative values as 0 and is NaN for no values or a zero total', () => {
    expect(g([-5, 0, 0, 10])).toBeCloseTo(0.75, 12);
    expect(g([])).toBeNaN();
    expect(g([0, 0, -3])).toBeNaN();
  });

  it('gini of random data matches the O(n^2) definition within 1e-6', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 200 }),
        (xs) => {
          fc.pre(xs.some((x) => x > 0));
          expect(Math.abs(g(xs) - giniReference(xs))).toBeLessThan(1e-6);
        }),
      { numRuns: 300 },
    );
  });

  it('gini of a large array is sorted in linear passes and still matches the definition', () => {
    // 5,000 values in 1..100: the reference is O(n^2) = 25 million pairs, fine once.
    let seed = 7;
    const xs = Array.from({ length: 5000 }, () => { seed = (seed * 48271) % 2147483647; return 1 + (seed % 100); });
    expect(Math.abs(g(xs) - giniReference(xs))).toBeLessThan(1e-6);
  });

  it('the median of an odd count is the middle value', () => {
    expect(med([7, 1, 3])).toBe(3);
    expect(med([5])).toBe(5);
  });

  it('the median of an even count is the mean of the two middle values', () => {
    expect(med([4, 1, 3, 2])).toBe(2.5);
    expect(med([10, 0])).toBe(5);
    expect(med([2, 2, 2, 9])).toBe(2);
  });

  it('the median of nothing is NaN', () => {
    expect(med([])).toBeNaN();
  });

  it('the median and select agree with sorting on random data (duplicates included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 100 }), fc.nat(), (xs, kRaw) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const n = xs.length;
        const expected = n % 2 === 1 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
        expect(med(xs)).toBe(expected);
        const k = kRaw % n;
        expect(select(Float64Array.from(xs), n, k)).toBe(sorted[k]);
      }),
      { numRuns: 500 },
    );
  });

  it('MedianBracket gives median() bit for bit over a drifting series, with jumps, duplicates, NaN and infinities', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            shift: fc.oneof(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
            n: fc.integer({ min: 0, max: 300 }),
            odd: fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity), fc.constant(0), fc.constant(1)),
          }),
          { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 1e6 }),
        (days, seed0) => {
          const bracket = new MedianBracket();
          let seed = seed0;
          let centre = 1;
          for (const day of days) {
            centre += day.shift;
            const xs = Array.from({ length: day.n }, () => {
              seed = (seed * 48271) % 2147483647;
              const u = seed / 2147483647;
              return u < 0.02 ? day.odd : u < 0.1 ? Math.round(centre) : centre + (u - 0.5) * 0.2;
            });
            const expected = median(Float64Array.from(xs), xs.length);
            expect(Object.is(bracket.median(Float64Array.from(xs), xs.length), expected)).toBe(true);
          }
        }),
      { numRuns: 300 },
    );
  });
});
