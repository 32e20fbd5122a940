/** sim/engine/world.ts: X0 of Wright's law in years of the genre's starting output (MODEL.md section 6). */
import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.js';

describe('engine/world: the prior experience X0', () => {
  it('is learning.priorYears x a year of the genre\'s output at the start', () => {
    const one = makeWorld({ agents: 50, seed: 3, learning: { priorYears: 1 } });
    const three = makeWorld({ agents: 50, seed: 3, learning: { priorYears: 3 } });
    expect(one.genres.prior[0]).toBeGreaterThan(1);
    expect(three.genres.prior[0]).toBeCloseTo(3 * one.genres.prior[0]!, 9);
  });

  it('learning.priorGoods, a count of goods, overrides it', () => {
    const w = makeWorld({ agents: 50, seed: 3, learning: { priorYears: 7, priorGoods: 1234 } });
    expect(Array.from(w.genres.prior)).toEqual(new Array(w.genres.k).fill(1234));
  });

  it('the per-copy shop expects a year of output per genre, whatever priorYears is', () => {
    const a = makeWorld({ agents: 50, seed: 3, sale: 'per-copy', learning: { priorYears: 1 } });
    const b = makeWorld({ agents: 50, seed: 3, sale: 'per-copy', learning: { priorYears: 30 } });
    expect(b.shop!.nhat).toBe(a.shop!.nhat);
  });
});
