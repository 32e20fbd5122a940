import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { replicateSeed } from '../../sim/sweep/seeds.js';

describe('sweep/seeds', () => {
  it('is the first 31 bits of an alea draw from sweep/<base>/<r>, plus 1 (docs/sweeps.md)', () => {
    for (const [base, r] of [[1, 0], [1, 29], [7, 3], [4294967295, 0]] as const) {
      const draw = seedrandom.alea(`sweep/${base}/${r}`)();
      expect(replicateSeed(base, r)).toBe(Math.floor(draw * 2 ** 31) + 1);
    }
  });

  it('gives the same seed for the same (base, r) and distinct seeds across replicates and bases', () => {
    const seeds = Array.from({ length: 200 }, (_, r) => replicateSeed(1, r));
    expect(Array.from({ length: 200 }, (_, r) => replicateSeed(1, r))).toEqual(seeds);
    expect(new Set(seeds).size).toBe(200);
    expect(replicateSeed(2, 0)).not.toBe(replicateSeed(1, 0));
    for (const s of seeds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(2 ** 31);
    }
  });

  it('rejects a negative or fractional replicate', () => {
    expect(() => replicateSeed(1, -1)).toThrow(RangeError);
    expect(() => replicateSeed(1.5, 0)).toThrow(RangeError);
  });
});
