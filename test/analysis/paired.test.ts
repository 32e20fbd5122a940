import { describe, expect, it } from 'vitest';
import { pairedDifferences, summarise } from '../../sim/analysis/paired.js';

const map = (xs: Record<number, number>): Map<number, number> => new Map(Object.entries(xs).map(([k, v]) => [Number(k), v]));

describe('analysis/paired', () => {
  it('pairs by replicate, other minus baseline, dropping unpaired and empty replicates', () => {
    const base = map({ 0: 1, 1: 2, 2: 3, 3: 4, 4: 5, 5: NaN });
    const other = map({ 3: 4.5, 0: 2, 1: 2.5, 2: 5, 5: 7, 6: 1 });
    expect(pairedDifferences(base, other)).toEqual([1, 0.5, 2, 0.5]);
  });

  it('gives the mean difference, its 95 % t interval and the sign shares (hand-computed)', () => {
    // d = 1, 0.5, 2, 0.5: mean 1, sd sqrt(0.5), t(0.975, 3) = 3.182446305, half-width 3.182446305 * sqrt(0.5) / 2.
    const s = summarise([1, 0.5, 2, 0.5]);
    const half = (3.182446305284263 * Math.sqrt(0.5)) / 2;
    expect(s.n).toBe(4);
    expect(s.mean).toBeCloseTo(1, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(s.lo).toBeCloseTo(1 - half, 9);
    expect(s.hi).toBeCloseTo(1 + half, 9);
    expect([s.sharePositive, s.shareNegative]).toEqual([1, 0]);
    const mixed = summarise([-1, 0, 2, 3]);
    expect([mixed.sharePositive, mixed.shareNegative]).toEqual([0.5, 0.25]);
  });

  it('has no interval from one value and no shares from none', () => {
    const one = summarise([2]);
    expect([one.n, one.mean]).toEqual([1, 2]);
    expect(one.lo).toBeNaN();
    const none = summarise([]);
    expect(none.n).toBe(0);
    expect(none.sharePositive).toBeNaN();
  });
});
