/**
 * sim/economy/pricing.ts by hand: a genre's benchmark price is (1 + mu0) x its median factor x
 * (baseMh + e baseCh), in milli MH-eq; the medians are over the producers making the genre.
 */
import { describe, expect, it } from 'vitest';
import { updateMedians, updateMediansWhenDue, updatePrices } from '../../sim/economy/pricing.js';
import { PRICING } from '../../sim/engine/institutions.js';
import type { World } from '../../sim/engine/world.js';
import { makeWorld } from '../helpers/world.js';

/** Three producers of the one genre with technique factors 0.5, 0.8, 0.6 (m 1, learning 1). */
function world(): World {
  const w = makeWorld({ agents: 3, genres: { count: 1, liked: 1 } });
  w.agents.m.fill(1);
  w.agents.tech.set([0.5, 0.8, 0.6]);
  return w;
}

describe('economy/pricing', () => {
  it('benchmark price: 1.05 x median factor 2 x (39 MH + 0.5 x 20 CH) = 102.9 MH-eq', () => {
    const w = makeWorld({ agents: 2, genres: { count: 1, liked: 1 } }); // mu0 0.05, baseMh 39
    w.genres.medianFactor[0] = 2;
    w.e = 0.5;
    w.baseCh = 20;
    updatePrices(w);
    expect(w.genres.priceMilli[0]).toBe(102_900);
  });

  it('medians of the factors and techniques of those who make the genre', () => {
    const w = world();
    updateMedians(w);
    // Factors m x (M + (1 - M) x tech x 1), M = 0.05: 0.525, 0.81, 0.62 -> median 0.62; techniques 0.6.
    expect(w.genres.medianFactor[0]).toBeCloseTo(0.62, 12);
    expect(w.genres.medianTech[0]).toBeCloseTo(0.6, 12);
    // No floor: a technique of 0.1 gives 0.145 (v3 clipped it to 0.2); median of 0.145, 0.81, 0.62.
    w.agents.tech[0] = 0.1;
    updateMedians(w);
    expect(w.genres.medianFactor[0]).toBeCloseTo(0.62, 12);
    w.agents.tech[2] = 0.1;
    updateMedians(w);
    expect(w.genres.medianFactor[0]).toBeCloseTo(0.145, 12); // 0.145, 0.81, 0.145
  });

  it('the medians are recomputed every medianEveryDays (7) days only', () => {
    const w = world();
    w.beginDay(8);
    updateMediansWhenDue(w);
    expect(w.genres.medianFactor[0]).not.toBeCloseTo(0.62, 12);
    w.beginDay(14);
    updateMediansWhenDue(w);
    expect(w.genres.medianFactor[0]).toBeCloseTo(0.62, 12);
  });

  it('the pricing records: benchmark sets genre prices, markup prices each good at its own markup, free prices nothing', () => {
    expect(PRICING.benchmark).toEqual({ priced: true, ownMarkup: false, prices: updatePrices });
    expect(PRICING.markup).toMatchObject({ priced: true, ownMarkup: true });
    expect(PRICING.free).toMatchObject({ priced: false, ownMarkup: false });
  });
});
