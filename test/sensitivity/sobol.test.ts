/** sim/sensitivity/sobol.ts: the first points of Joe & Kuo's sequence, as published, and its limits. */
import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMS, sobolPoints } from '../../sim/sensitivity/sobol.js';

describe('sensitivity/sobol', () => {
  it('gives the published first points in 5 dimensions (new-joe-kuo-6.21201, the zero point skipped)', () => {
    // The first 8 points of the 5-dimensional sequence printed by Joe & Kuo's own sobol.cc with
    // new-joe-kuo-6.21201 (and scipy's qmc.Sobol(5, scramble=False), points 1-8).
    const expected = [
      [0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375],
      [0.875, 0.875, 0.125, 0.375, 0.875],
      [0.625, 0.125, 0.875, 0.625, 0.625],
      [0.125, 0.625, 0.375, 0.125, 0.125],
      [0.1875, 0.3125, 0.9375, 0.4375, 0.5625],
    ];
    const p = sobolPoints(8, 5);
    expect(Array.from({ length: 8 }, (_, i) => Array.from(p.subarray(i * 5, i * 5 + 5)))).toEqual(expected);
  });

  it('supports at least 40 dimensions, each a (0, m, 1)-net in one dimension: 2^k points fill the 2^k cells once', () => {
    expect(SOBOL_MAX_DIMS).toBeGreaterThanOrEqual(40);
    const n = 1023; // with the skipped zero point, 1024 points of the sequence
    const p = sobolPoints(n, SOBOL_MAX_DIMS);
    for (let j = 0; j < SOBOL_MAX_DIMS; j++) {
      const cells = new Set<number>([0]);
      for (let i = 0; i < n; i++) cells.add(Math.floor(p[i * SOBOL_MAX_DIMS + j]! * 1024));
      expect(cells.size, `dimension ${j + 1}`).toBe(1024);
    }
  });

  it('integrates a smooth function better than 1/sqrt(N): mean of prod(2 x_i) over 10 dimensions', () => {
    const d = 10;
    const n = 4095;
    const p = sobolPoints(n, d);
    let s = 0;
    for (let i = 0; i < n; i++) {
      let f = 1;
      for (let j = 0; j < d; j++) f *= 2 * p[i * d + j]!;
      s += f;
    }
    // The zero point (f = 0) is skipped, so the sum over 4096 points is s.
    expect(Math.abs(s / 4096 - 1)).toBeLessThan(0.01);
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMS + 1)).toThrow(/dimensions/);
    expect(() => sobolPoints(4, 0)).toThrow(/dimensions/);
  });
});
