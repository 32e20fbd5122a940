/** Did-you-mean: edit distance with transpositions, case-insensitive, and when to stay silent. */
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../sim/scenario/suggest.js';

describe('scenario/suggest', () => {
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('agnets', 'agents')).toBe(1);
    expect(editDistance('demurage', 'demurrage')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('Seed', 'seed')).toBe(0);
  });

  it('the closest candidate is suggested, case-insensitively', () => {
    expect(closest('DEMURAGE', ['demurrage', 'days'])).toEqual(['demurrage']);
    expect(closest('mutual', ['none', 'mutual-credit'])).toEqual(['mutual-credit']);
  });

  it('nothing is suggested for a word far from every candidate', () => {
    expect(closest('xyz', ['demurrage', 'agents'])).toEqual([]);
    expect(closest('', ['a'])).toEqual([]);
    expect(closest('n', ['k', 'b'])).toEqual([]);
    expect(closest('K', ['k', 'b'])).toEqual(['k']);
  });
});
