import { describe, expect, it } from 'vitest';
import { meanInterval, quantilesOf, tCdf, tQuantile } from '../../sim/stats/interval.js';

describe('Student t', () => {
  it('matches published 97.5 % quantiles', () => {
    // Tables of the t distribution (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
    const table: [number, number][] = [[1, 12.706205], [2, 4.302653], [5, 2.570582], [10, 2.228139], [29, 2.045230], [100, 1.983972]];
    for (const [df, q] of table) expect(tQuantile(0.975, df)).toBeCloseTo(q, 5);
  });
  it('is symmetric and inverts the CDF', () => {
    expect(tQuantile(0.025, 7)).toBeCloseTo(-tQuantile(0.975, 7), 10);
    for (const df of [1, 3, 30]) for (const p of [0.6, 0.9, 0.995]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 9);
  });
  it('tends to the normal for large df', () => {
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 4);
  });
  it('rejects impossible arguments', () => {
    expect(() => tQuantile(1, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('gives mean +- t sd / sqrt(n), ignoring non-finite values', () => {
    const r = meanInterval([1, 2, 3, 4, NaN]);
    expect(r.n).toBe(4);
    expect(r.mean).toBe(2.5);
    const half = 3.182446 * Math.sqrt(5 / 3) / 2;
    expect(r.lo).toBeCloseTo(2.5 - half, 5);
    expect(r.hi).toBeCloseTo(2.5 + half, 5);
  });
  it('has no interval below two values', () => {
    expect(Number.isNaN(meanInterval([3]).lo)).toBe(true);
    expect(meanInterval([]).n).toBe(0);
  });
  it('quantiles interpolate linearly (R type 7)', () => {
    expect(quantilesOf([4, 1, 3, 2, NaN], [0, 0.25, 0.3, 0.5, 1])).toEqual([1, 1.75, 1.9, 2.5, 4]);
  });
});
