/**
 * sim/economy/produce.ts: what a day's work is worth behind budgets (docs/model.md, "What the work is
 * worth"): hours sold, and own hours at most at the expected price of the goods they made (list price x
 * the genre's funded share).
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

function day(preset: keyof typeof INSTITUTIONS, tech: number, funded = 0, closed = 0): World {
  const w = makeWorld({ institutions: INSTITUTIONS[preset], agents: 2, genres: { count: 1, liked: 1 }, learning: { floor: 0 } });
  const a = w.agents;
  a.m.fill(1);
  w.genres.learn[0] = 1;
  a.tech[0] = tech;
  w.genres.medianFactor[0] = 1; // the benchmark: the base recipe
  updatePrices(w);
  w.genres.fundedSum[0] = funded; w.genres.closedSum[0] = closed; // the 30-day window (none closed: share 1)
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

  it("benchmark prices: the goods count at the genre's funded share of their list price", () => {
    const all = day('two-token', 4);
    const half = day('two-token', 4, 10, 20);
    expect(half.genres.fundedShare(0)).toBe(0.5);
    expect(half.agents.workValueToday[0]).toBe(all.agents.workValueToday[0]);
    expect(half.agents.workWorthToday[0]! / all.agents.workWorthToday[0]!).toBeCloseTo(0.5, 9);
    // At the median cost the expected price (1.05 x 0.5 of the hours) now binds too.
    const median = day('two-token', 1, 10, 20);
    expect(median.agents.workWorthToday[0]! / median.agents.workValueToday[0]!).toBeCloseTo(1.05 / 2, 2);
  });

  it('cost-plus prices (S1) always cover the hours: worth = value, whatever the funded share', () => {
    const w = day('market', 4, 10, 20);
    expect(w.agents.workValueToday[0]).toBeGreaterThan(0);
    expect(w.agents.workWorthToday[0]).toBe(w.agents.workValueToday[0]);
  });
});
