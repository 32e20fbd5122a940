import { describe, expect, it } from 'vitest';
import { clearingRate } from '../../sim/markets/clearing.js';

describe('markets/clearing', () => {
  it('the bisection finds the root of a known falling excess demand', () => {
    // D(e) = 2/e - 1 is positive below e = 2 and negative above it: D(2) = 2/2 - 1 = 0.
    expect(clearingRate((e) => 2 / e - 1, 0.01, 100)).toBeCloseTo(2, 10);
  });

  it('the bisection works on log e, so a root near the lower end is found as precisely', () => {
    // D(e) = 0.03/e - 1 crosses at e = 0.03, three times the lower bound 0.01.
    expect(clearingRate((e) => 0.03 / e - 1, 0.01, 100)).toBeCloseTo(0.03, 12);
  });

  it('an excess demand of one sign at every rate (Leontief-like) gives NaN', () => {
    // Leontief with more MH than CH: D(e) = (sumMh - sumCh)/(1 + e) > 0 for every e.
    expect(clearingRate((e) => (5 - 3) / (1 + e), 0.01, 100)).toBeNaN();
    expect(clearingRate(() => -1, 0.01, 100)).toBeNaN();
  });

  it('a root outside the range gives NaN', () => {
    // D(e) = 2/e - 1 has its root at 2, above hi = 1: D(hi) = 1 > 0, no sign change in range.
    expect(clearingRate((e) => 2 / e - 1, 0.01, 1)).toBeNaN();
    // ... and below lo = 3: D(lo) = 2/3 - 1 < 0.
    expect(clearingRate((e) => 2 / e - 1, 3, 100)).toBeNaN();
  });

  it('a rising excess demand (the wrong slope) gives NaN, not a spurious root', () => {
    expect(clearingRate((e) => e - 2, 0.01, 100)).toBeNaN();
  });

  it('a NaN excess demand at an end gives NaN', () => {
    expect(clearingRate((e) => (e < 1 ? NaN : 2 / e - 1), 0.01, 100)).toBeNaN();
  });
});
