/** Edge cases of the engine: each runs in audit mode, so every day's invariants are asserted. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { memorySink } from '../../sim/engine/sink.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { column, expectCellsWellDefined } from '../helpers/metrics.js';

function preset(name: 'gift' | 'market' | 'market-k' | 'two-token' | 'peer-bank', overrides: Record<string, unknown>): Scenario {
  return loadScenarioFile(name, { overrides }).scenario;
}

function audited(s: Scenario): Float64Array[] {
  const sink = memorySink();
  simulate(s, sink, { audit: true });
  expect(sink.run.metrics).toHaveLength(s.days);
  expectCellsWellDefined(sink.run.metrics, s);
  return sink.run.metrics;
}

describe('engine edge cases', () => {
  it.each(['gift', 'market', 'market-k', 'two-token', 'peer-bank'] as const)('one agent alone runs 100 days in %s', (name) => {
    const rows = audited(preset(name, { agents: 1, days: 100, seed: 1 }));
    // Alone it still produces (its own hours) ...
    expect(column(rows, 'goods_completed').reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
    // ... but nobody trades with it or pledges to it.
    expect(column(rows, 'traded_share_ch').every((x) => x === 0 || Number.isNaN(x))).toBe(true);
    if (name === 'two-token') expect(column(rows, 'campaigns_funded').every((x) => x === 0)).toBe(true);
  });

  it('credit.lambdaDays 0 runs: no credit, so no token ever moves', () => {
    const rows = audited(preset('two-token', { agents: 40, days: 100, seed: 2, credit: { lambdaDays: 0 } }));
    for (const name of ['money_ch', 'money_mh', 'credit_ch', 'credit_mh', 'flow_ch', 'flow_mh']) {
      expect(column(rows, name).every((x) => x === 0), name).toBe(true);
    }
    expect(column(rows, 'goods_completed').reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
    expect(column(rows, 'campaigns_refunded').reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
  });

  it('demurrage.rate 1 runs 100 days with the commons emptied every day', () => {
    const rows = audited(preset('two-token', { agents: 40, days: 100, seed: 3, demurrage: { rate: 1 } }));
    expect(column(rows, 'goods_total').at(-1)).toBeGreaterThan(0);
  });

  it.each(['gift', 'market', 'market-k', 'two-token', 'peer-bank'] as const)('every PC dead at once runs in %s with the invariants intact', (name) => {
    // PCs all start new and die at 0.01 years = 3.65 days: on day 3 (age 4) every PC is dead.
    const s = preset(name, { agents: 40, days: 40, seed: 4, pc: { maxAgeYears: 0.01, hazardFromYears: 0, initialAgeMaxYears: 0 } });
    const rows = audited(s);
    const dead = column(rows, 'pcs_dead');
    expect(Math.max(...dead)).toBe(40);
    const allDead = rows.find((_, d) => dead[d] === 40)!;
    expect(column([allDead], 'capacity_ch')[0]).toBe(0);
    expect(column([allDead], 'rmax_mean')[0]).toBeNaN();
    // Owners buy new PCs with 40 hours of work, so some come back.
    expect(dead.at(-1)).toBeLessThan(40);
  });

  it('production.sigma 0 (Leontief) gives no exchange rate on any day, and the invariants hold', () => {
    const rows = audited(preset('two-token', { agents: 60, days: 100, seed: 5, production: { sigma: 0 } }));
    expect(column(rows, 'exchange_rate').every((x) => Number.isNaN(x))).toBe(true);
    // No rate, no input market: no hours change hands (goods are still pledged for, on credit).
    expect(column(rows, 'traded_share_ch').every((x) => x === 0 || Number.isNaN(x))).toBe(true);
    expect(column(rows, 'traded_share_mh').every((x) => x === 0 || Number.isNaN(x))).toBe(true);
  });

  it('production.sigma 1 (Cobb-Douglas) clears every day at a rate within [e_ref/100, 100 e_ref]', () => {
    const rows = audited(preset('two-token', { agents: 60, days: 60, seed: 6, production: { sigma: 1 } }));
    const rate = column(rows, 'exchange_rate');
    const ref = column(rows, 'exchange_rate_ref');
    expect(rate.every((e, d) => e >= ref[d]! / 100 && e <= ref[d]! * 100)).toBe(true);
  });
});
