/**
 * sim/economy/produce.ts: what a day's work is worth behind budgets (docs/model.md, "What the work is
 * worth"): hours sold, and own hours at most at the list price of the goods they made.
 */
import { describe, expect, it } from 'vitest';
import { produce } from '../../sim/economy/produce.js';
import { updatePrices } from '../../sim/economy/pricing.js';
import type { World } from '../../sim/engine/world.js';
import { makeWorld } from '../helpers/world.js';

/** One producer of the one genre with its own hours only; its technique sets its cost against the genre's median. */
const INSTITUTIONS = {
  'two-token': {},
  market: { money: 'fixed-stock', inputs: 'auction', pricing: 'markup' },
} as const;

function day(preset: keyof typeof INSTITUTIONS, tech: number): World {
  const w = makeWorld({ institutions: INSTITUTIONS[preset], agents: 2, genres: { count: 1, liked: 1 }, learning: { floor: 0 } });
  const a = w.agents;
  a.m.fill(1);
  w.genres.learn[0] = 1;
  a.tech[0] = tech;
  w.genres.medianFactor[0] = 1; // the benchmark: the base recipe
  updatePrices(w);
  a.availCh[0] = 50_000; a.availMh[0] = 40_000; // milli-hours
  produce(w);
  return w;
}

describe("economy/produce: the worth of a day's work", () => {
  it('benchmark prices: a producer at the median cost is worth its hours; one at 4 x the median, a quarter x 1.05', () => {
    const median = day('two-token', 1);
    expect(median.agents.workWorthToday[0]).toBeCloseTo(median.agents.workValueToday[0]!, 9);
    const laggard = day('two-token', 4);
    const value = laggard.agents.workValueToday[0]!;
    expect(value).toBeGreaterThan(0);
    // Its goods are priced at 1.05 x the median cost, a quarter of its own: its hours are worth 1.05 / 4 of their value.
    expect(laggard.agents.workWorthToday[0]! / value).toBeCloseTo(1.05 / 4, 2);
  });

  it('cost-plus prices (S1) always cover the hours: worth = value', () => {
    const w = day('market', 4);
    expect(w.agents.workValueToday[0]).toBeGreaterThan(0);
    expect(w.agents.workWorthToday[0]).toBe(w.agents.workValueToday[0]);
  });
});
