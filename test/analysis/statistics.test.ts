/**
 * sim/analysis/statistics: every claim statistic on a synthetic run whose answer is known in closed
 * form (exponential levels, constant ratios, hand-made producers).
 */
import { describe, expect, it } from 'vitest';
import { claimStatistics, STATISTIC_NAMES } from '../../sim/analysis/statistics.js';
import { ScenarioSchema } from '../../sim/scenario/schema.js';

/** A scenario at the defaults (bank.k 30, pricing.mu0 0.05) with `over` on top. */
const scenario = (over: object = {}) => ScenarioSchema.parse(over);
import { agentsCsv, syntheticTable } from './fixture.js';

const year = (d: number): number => d / 365;

/** 500 days (0..499): window = days 135..499; base day of goods growth = 134. */
const table = syntheticTable(500, (d) => ({
  goods_total: 200 * Math.exp(0.4 * year(d)),
  copies_per_capita: d < 135 ? 50 : 2 + (d % 2), // 2 and 3 alternating in the window; 50 before it
  cost_index: 0.9 * Math.exp(-0.3 * year(d)),
  price_level: 1.05 * Math.exp(0.01 * year(d)),
  price_hours_per_good: d < 90 ? 1e6 : 40 * Math.exp(-0.2 * year(d)),
  rho_median: d < 135 ? 9 : 1.2,
  pi_mean: d === 0 ? 1 : d < 135 ? 0.5 : 0.9,
  money_ch: 33 * (1 + d), flow_ema_ch: 1 + d,
  money_mh: 24 * (1 + d), flow_ema_mh: 1 + d,
}));

describe('analysis/statistics', () => {
  it('recovers growth, copies, cost fall, trends, rho, the fall of pi and the money gap', () => {
    const s = claimStatistics(table, undefined, scenario());
    expect(s.stat_goods_growth).toBeCloseTo(0.4, 12);
    expect(s.stat_cost_fall_annual).toBeCloseTo(0.3, 12);
    expect(s.stat_price_trend_pct).toBeCloseTo(1, 10);
    expect(s.stat_price_hours_trend_pct).toBeCloseTo(-20, 10); // days >= 90: the burn-in's 1e6 is not seen
    expect(s.stat_rho_median).toBeCloseTo(1.2, 12);
    expect(s.stat_pi_fall).toBeCloseTo(0.1, 12);
    expect(s.stat_money_gap_ch).toBeCloseTo(0.1, 12); // |33 - 30| / 30
    expect(s.stat_money_gap_mh).toBeCloseTo(0.2, 12); // |24 - 30| / 30
    expect(s.stat_money_gap).toBeCloseTo(0.15, 12);
    expect(s.stat_window_days).toBe(365);
    expect(Object.keys(s)).toEqual([...STATISTIC_NAMES]);
  });

  it('the copies mean is exact: (183 x 2 + 182 x 3) / 365', () => {
    // Window days 135..499: odd days (3) number 183, even days (2) number 182.
    expect(claimStatistics(table, undefined, scenario()).stat_copies_per_capita).toBeCloseTo((183 * 3 + 182 * 2) / 365, 12);
  });

  it('reads k and mu0 from the scenario: the same money is on target with k = 33', () => {
    const s = claimStatistics(table, undefined, scenario({ bank: { k: 33 }, pricing: { mu0: 0.1 } }));
    expect(s.stat_money_gap_ch).toBeCloseTo(0, 12);
  });

  it('a run shorter than 455 days uses days >= 90 and annualises the growth of goods', () => {
    const short = syntheticTable(300, (d) => ({ goods_total: 200 * Math.exp(0.4 * year(d)), cost_index: Math.exp(-0.3 * year(d)) }));
    const s = claimStatistics(short, undefined, scenario());
    expect(s.stat_window_days).toBe(210); // days 90..299
    expect(s.stat_goods_growth).toBeCloseTo(0.4, 12);
    expect(s.stat_cost_fall_annual).toBeCloseTo(0.3, 12);
  });

  it('C2 from agents.csv: Spearman of rho with efficiency, the middle quintile rho and its gap to 1 + mu0', () => {
    // 10 producers: rho rises with efficiency except two swapped; middle quintile = efficiencies 5 and 6.
    const rows: [number, number, number, string][] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((e) => [e, e, e === 9 ? 1.9 : e === 10 ? 1.8 : 0.6 + e / 10, 'producer']);
    rows.push([11, 20, 5, 'dropped-default']);
    const s = claimStatistics(table, agentsCsv(499, rows), scenario({ pricing: { mu0: 0.1 } }));
    // Ranks of rho vs efficiency differ by one swap: rho_s = 1 - 6 * 2 / (10 * 99).
    expect(s.stat_rho_spearman).toBeCloseTo(1 - 12 / 990, 12);
    expect(s.stat_rho_mid_quintile).toBeCloseTo(1.15, 12); // median of 1.1 and 1.2
    expect(s.stat_rho_mid_gap).toBeCloseTo(1.15 - 1.1, 12);
    expect(s.stat_producers).toBe(10);
  });

  it('is empty (NaN) where the run has nothing to measure: no agents.csv, no money, no prices', () => {
    const gift = syntheticTable(500);
    const s = claimStatistics(gift, undefined, scenario());
    for (const name of ['stat_rho_spearman', 'stat_rho_mid_quintile', 'stat_producers', 'stat_money_gap', 'stat_price_trend_pct', 'stat_price_hours_trend_pct'] as const) {
      expect(s[name], name).toBeNaN();
    }
    expect(s.stat_goods_growth).toBe(0); // goods_total constant at 1000
    expect(Math.abs(s.stat_cost_fall_annual)).toBe(0); // a flat cost index does not fall
  });
});
