import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canImprove, invest, succeeds } from '../../sim/economy/invest.js';
import { exp } from '../../sim/engine/libm.js';
import { updateMedians } from '../../sim/economy/pricing.js';
import { makeWorld } from '../helpers/world.js';

/** Four producers who all like the same genres; agent 0 does certain R&D (huge zeta) that gains nothing
 * by itself (maxGain 0), so only imitation can move its technique. */
function world(imitate: 'median' | 'best' | 'none') {
  const w = makeWorld({ agents: 4, genres: { count: 3, liked: 3 }, rnd: { zeta: 1e6, maxGain: 0, imitate } });
  const a = w.agents;
  for (let i = 0; i < 4; i++) for (let k = 0; k < 3; k++) a.likedGenre[i * 3 + k] = k;
  a.slot.fill(0);
  a.tech.set([1, 1, 1, 0.5, 1, 1, 0.7, 1, 1, 0.9, 1, 1]); // genre 0: 1, 0.5, 0.7, 0.9
  updateMedians(w);
  a.rndMh[0] = 10_000;
  return w;
}

describe('economy/invest: R&D and imitation', () => {
  it('a success imitates the genre\'s median technique by default', () => {
    const w = world('median');
    invest(w);
    expect(w.stats.rndSuccesses).toBe(1);
    expect(w.agents.tech[0]).toBe(w.genres.medianTech[0]);
    expect(w.agents.tech[0]).toBeLessThan(1);
  });
  it('with imitate: best, it adopts the best technique of the genre', () => {
    const w = world('best');
    invest(w);
    expect(w.agents.tech[0]).toBe(0.5);
  });
  it('with imitate: none, only its own R&D counts', () => {
    const w = world('none');
    invest(w);
    expect(w.stats.rndSuccesses).toBe(1);
    expect(w.agents.tech[0]).toBe(1);
  });

  it('a success multiplies the technique factor by 1 - U(0, maxGain), without a floor', () => {
    const w = makeWorld({ agents: 4, genres: { count: 3, liked: 3 }, rnd: { zeta: 1e6, maxGain: 0.5, imitate: 'none', beta: 0 } }); // beta 0: a sure success however low T
    const a = w.agents;
    a.tech.fill(1e-6); // far below v3's hard floor 0.2 / learning
    a.rndMh[0] = 10_000;
    const before = a.tech[0]!;
    invest(w);
    expect(w.stats.rndSuccesses).toBe(1);
    expect(a.tech[0]).toBeLessThan(before);
    expect(a.tech[0]).toBeGreaterThanOrEqual(before * 0.5);
  });

  it('the efficiency factor M + (1 - M) T L approaches M and never reaches it', () => {
    const w = makeWorld({ agents: 2, genres: { count: 1, liked: 1 }, learning: { floor: 0.05 } });
    w.agents.tech[0] = 0.5;
    w.genres.learn[0] = 0.4;
    expect(w.efficiency(0)).toBeCloseTo(0.05 + 0.95 * 0.2, 12);
    w.agents.tech[0] = 1e-12;
    expect(w.efficiency(0)).toBeGreaterThan(0.05);
    expect(w.efficiency(0)).toBeCloseTo(0.05, 10);
    expect(w.factor(0, 0)).toBeCloseTo(w.agents.m[0]! * w.efficiency(0), 12);
  });

  it('R&D is worth buying only while the efficiency factor is above 1.1 M (canImprove)', () => {
    const w = makeWorld({ agents: 2, genres: { count: 1, liked: 1 }, learning: { floor: 0.1 } });
    w.genres.learn[0] = 1;
    w.agents.tech[0] = 0.02; // 0.1 + 0.9 x 0.02 = 0.118 > 0.11
    expect(canImprove(w, 0)).toBe(true);
    w.agents.tech[0] = 0.01; // 0.109 <= 0.11
    expect(canImprove(w, 0)).toBe(false);
  });

  it('R&D effort counts in base recipes: a genre grown cheap gets no more attempts per hour', () => {
    const run = (medianFactor: number): number => {
      const w = makeWorld({ agents: 200, seed: 9, genres: { count: 1, liked: 1 }, rnd: { zeta: 5, maxGain: 0.1, imitate: 'none' } });
      w.genres.medianFactor[0] = medianFactor;
      w.agents.rndMh.fill(2_000); // 2 MH each: I = 2 / (39 + e baseCh) base recipes
      invest(w);
      return w.stats.rndSuccesses;
    };
    const dear = run(1);
    expect(dear).toBeGreaterThan(0);
    expect(dear).toBeLessThan(200);
    expect(run(0.01)).toBe(dear); // v3 counted effort at the genre's cost: 100 x the attempts here
  });

  it('ideas get harder to find: the hazard is zeta x I x T^beta (beta 0: MODEL.md\'s constant hazard)', () => {
    // 2,000 producers with the same effort; the share that succeeds estimates 1 - exp(-zeta I T^beta).
    const share = (tech: number, beta: number): number => {
      const w = makeWorld({ agents: 2_000, seed: 4, genres: { count: 1, liked: 1 }, rnd: { zeta: 5, maxGain: 0.1, imitate: 'none', beta } });
      w.agents.tech.fill(tech);
      w.agents.rndMh.fill(2_000);
      const worth = 2 / (w.s.goods.baseMh + w.e * w.baseCh);
      invest(w);
      const expected = 1 - Math.exp(-5 * worth * Math.pow(tech, beta));
      expect(w.stats.rndSuccesses / 2_000).toBeCloseTo(expected, 1);
      return w.stats.rndSuccesses;
    };
    const frontier = share(1, 1);
    const advanced = share(0.1, 1);
    expect(advanced).toBeLessThan(frontier / 4); // a tenth of the hazard
    expect(share(0.1, 0)).toBeGreaterThan(frontier * 0.8); // beta 0: the technique reached does not matter
    expect(share(0.1, 2)).toBeLessThan(advanced);
  });

  it('succeeds(u, -x) is u < 1 - exp(-x) for every draw, those it decides without the exp included', () => {
    const exact = (u: number, x: number): boolean => u < 1 - exp(-x);
    // Draws at and around the shortcut's bound x + 1e-12, and anywhere, for hazards in and out of [0, 1).
    fc.assert(fc.property(
      fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: -1e-11, max: 1e-11, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (x, offset, anywhere) => {
        for (const u of [x + 1e-12 + offset, x + offset, anywhere]) {
          if (!(u >= 0 && u < 1)) continue;
          expect(succeeds(u, -x)).toBe(exact(u, x));
        }
      },
    ), { numRuns: 20000 });
    // At hazard x the chance of success is below x: a draw just above x fails, one well below succeeds.
    expect(succeeds(0.011, -0.01)).toBe(false);
    expect(succeeds(0.009, -0.01)).toBe(true);
    expect(succeeds(0, -0)).toBe(false); // zero hazard: 1 - exp(0) = 0
  });
});
