/**
 * sim/analysis/statistics: every claim statistic of MODEL.md section 9 (v4) on hand-made tables whose
 * answers are worked out by hand in the comments. A 1,200-day run: L = 1199, W = days 835..1199 (365
 * days: 183 odd, 182 even), P = days 90..1094, E = days 90..454.
 */
import { describe, expect, it } from 'vitest';
import { claimStatistics, STATISTIC_NAMES } from '../../sim/analysis/statistics.js';
import { ScenarioSchema } from '../../sim/scenario/schema.js';
import type { MetricsTable } from '../../sim/io/metricsCsv.js';
import { agentsCsv, scenarioOf, syntheticTable } from './fixture.js';

/** A scenario of `preset` with 100 agents (bank.k 30) and `extra` on top. */
const scenario = (preset = 'peer-bank', extra: object = {}) => ScenarioSchema.parse({ ...scenarioOf(preset, extra), agents: 100 });
const t = (d: number): number => d / 365;
const inW = (d: number): boolean => d >= 835;
const inE = (d: number): boolean => d >= 90 && d <= 454;

const table = syntheticTable(1200, (d) => ({
  // W: 40 on odd days, 60 on even ones; 999 before W, so only W counts.
  goods_released: inW(d) ? (d % 2 === 1 ? 40 : 60) : 999,
  // ln cost = ln 0.9 - 0.2 t over P; 5 after P, so only P counts.
  cost_index: d <= 1094 ? 0.9 * Math.exp(-0.2 * t(d)) : 5,
  rho_median: inW(d) ? 1.05 : 9,
  pi_mean: d === 0 ? 1 : inW(d) ? 0.9 : 0.5,
  // 0.5 inside the first 90 days (not seen), 0.17 on day 500, 0.05 otherwise.
  dropout_share: d < 90 ? 0.5 : d === 500 ? 0.17 : 0.05,
  funded_share: 0.8 * Math.exp(0.01 * t(d)),
  // money / flow_ema = 33 (ch) and 25 (mh); day 900 has no money (a zero is skipped, not ln 0).
  money_ch: d === 900 ? 0 : 33 * (1 + d), flow_ema_ch: 1 + d,
  money_mh: 25 * (1 + d), flow_ema_mh: 1 + d,
  // W: even days 10 goods at 44 costing 400 (ratio 1.1), odd days 30 goods at 40 costing 1200 (ratio 1);
  // E: 10 goods at 60 costing 400 (ratio 1.5); other days nothing funded.
  campaigns_funded: inW(d) ? (d % 2 === 0 ? 10 : 30) : inE(d) ? 10 : 0,
  price_hours_per_good: inW(d) ? (d % 2 === 0 ? 44 : 40) : inE(d) ? 60 : NaN,
  cost_funded_sum: inW(d) ? (d % 2 === 0 ? 400 : 1200) : inE(d) ? 400 : 0,
  output_near_floor: 0.25,
}));

describe('analysis/statistics', () => {
  it('has exactly the v4 statistics, in the order of MODEL.md section 9', () => {
    expect(STATISTIC_NAMES).toEqual([
      'stat_goods_per_head', 'stat_cost_mean_log', 'stat_cost_fall_rate', 'stat_rho_spearman', 'stat_rho_mid_gap',
      'stat_money_gap_ch', 'stat_money_gap_mh', 'stat_sales_trend', 'stat_goods_price_trend', 'stat_markup',
      'stat_markup_change', 'stat_rho_median', 'stat_pi_fall', 'stat_out_max',
    ]);
    expect(Object.keys(claimStatistics(table, undefined, scenario()))).toEqual([...STATISTIC_NAMES]);
  });

  it('goods per head: ln of the mean over W of goods_released, minus ln agents', () => {
    // (183 x 40 + 182 x 60) / 365 = 18240 / 365 goods a day, 100 agents.
    expect(claimStatistics(table, undefined, scenario()).stat_goods_per_head).toBeCloseTo(Math.log(18240 / 365) - Math.log(100), 12);
  });

  it('cost over P: the mean of ln cost_index and minus its slope, in log points a year (not x 100)', () => {
    const s = claimStatistics(table, undefined, scenario());
    // mean of ln 0.9 - 0.2 d / 365 over d = 90..1094: the mean day is 592.
    expect(s.stat_cost_mean_log).toBeCloseTo(Math.log(0.9) - (0.2 * 592) / 365, 12);
    expect(s.stat_cost_fall_rate).toBeCloseTo(0.2, 12);
  });

  it('money gaps: mean over W of abs(ln(money / (k x flow_ema))), k from the scenario', () => {
    const s = claimStatistics(table, undefined, scenario());
    expect(s.stat_money_gap_ch).toBeCloseTo(Math.log(33 / 30), 12);
    expect(s.stat_money_gap_mh).toBeCloseTo(Math.abs(Math.log(25 / 30)), 12);
    const k33 = claimStatistics(table, undefined, scenario('peer-bank', { bank: { k: 33 } }));
    expect(k33.stat_money_gap_ch).toBeCloseTo(0, 12);
    expect(k33.stat_money_gap_mh).toBeCloseTo(Math.log(33 / 25), 12);
  });

  it('sales trend: 100 x the log slope of funded_share over W, in %/year', () => {
    expect(claimStatistics(table, undefined, scenario()).stat_sales_trend).toBeCloseTo(1, 10);
  });

  it('markup: the log of summed prices over summed own costs, not the mean of daily ratios; its change since E', () => {
    const s = claimStatistics(table, undefined, scenario());
    // paid = 182 x 440 + 183 x 1200 = 299680; cost = 182 x 400 + 183 x 1200 = 292400.
    const w = Math.log(299680 / 292400);
    expect(s.stat_markup).toBeCloseTo(w, 12);
    expect(s.stat_markup).not.toBeCloseTo((182 * Math.log(1.1)) / 365, 4); // the mean of the daily log ratios
    expect(s.stat_markup_change).toBeCloseTo(w - Math.log(1.5), 12);
  });

  it('rho_median over W, the fall of pi_mean from day 0, and the largest drop-out share from day 90 on', () => {
    const s = claimStatistics(table, undefined, scenario());
    expect(s.stat_rho_median).toBeCloseTo(1.05, 12);
    expect(s.stat_pi_fall).toBeCloseTo(0.1, 12);
    expect(s.stat_out_max).toBe(0.17);
  });

  it('goods_price_trend is the trend of price_hours_per_good x price_mh_cur in S1 only', () => {
    // price in hours 40 e^{-0.1 t}, wage 2 e^{0.04 t}: currency per good falls 6 %/year.
    const s1 = syntheticTable(800, (d) => ({ price_hours_per_good: 40 * Math.exp(-0.1 * t(d)), price_mh_cur: 2 * Math.exp(0.04 * t(d)) }));
    expect(claimStatistics(s1, undefined, scenario('market')).stat_goods_price_trend).toBeCloseTo(-6, 10);
    expect(claimStatistics(s1, undefined, scenario('market-k')).stat_goods_price_trend).toBeCloseTo(-6, 10);
    expect(claimStatistics(s1, undefined, scenario('peer-bank')).stat_goods_price_trend).toBeUndefined();
    expect(claimStatistics(s1, undefined, scenario('gift')).stat_goods_price_trend).toBeUndefined();
    // One currency is not S1: the merged-token ablation keeps S2's rules in one token (its money kind says S2).
    const merged = scenario('two-token', { institutions: { money: 'merged-credit', inputs: 'auction', pricing: 'benchmark' } });
    expect(claimStatistics(s1, undefined, merged).stat_goods_price_trend).toBeUndefined();
  });

  it('C2 from agents.csv: Spearman of rho with efficiency, and the middle quintile rho minus 1 (not 1 + mu0)', () => {
    // 10 producers: rho rises with efficiency except two swapped; middle quintile = efficiencies 5 and 6.
    const rows: [number, number, number, string][] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((e) => [e, e, e === 9 ? 1.9 : e === 10 ? 1.8 : 0.6 + e / 10, 'producer']);
    rows.push([11, 20, 5, 'dropped-default']);
    const s = claimStatistics(table, agentsCsv(1199, rows), scenario('two-token', { pricing: { mu0: 0.1 } }));
    // Ranks of rho vs efficiency differ by one swap: rho_s = 1 - 6 x 2 / (10 x 99).
    expect(s.stat_rho_spearman).toBeCloseTo(1 - 12 / 990, 12);
    expect(s.stat_rho_mid_gap).toBeCloseTo(1.15 - 1, 12); // median of 1.1 and 1.2, minus 1
  });

  it('a run shorter than a year: W is the whole run; P is days 90 to its end', () => {
    const short = syntheticTable(300, (d) => ({ goods_released: d % 2 === 0 ? 10 : 20, cost_index: Math.exp(-0.3 * t(d)) }));
    const s = claimStatistics(short, undefined, scenario());
    expect(s.stat_goods_per_head).toBeCloseTo(Math.log(15) - Math.log(100), 12); // 150 even and 150 odd days
    expect(s.stat_cost_fall_rate).toBeCloseTo(0.3, 12);
    expect(s.stat_cost_mean_log).toBeCloseTo((-0.3 * ((90 + 299) / 2)) / 365, 12);
  });

  it('is undefined, never NaN, where the run has nothing to measure: no agents.csv, no money, no cost_funded_sum', () => {
    const gift = syntheticTable(500);
    const s = claimStatistics(gift, undefined, scenario('gift'));
    for (const name of ['stat_rho_spearman', 'stat_rho_mid_gap', 'stat_money_gap_ch', 'stat_money_gap_mh', 'stat_goods_price_trend', 'stat_goods_per_head'] as const) {
      expect(s[name], name).toBeUndefined();
    }
    expect(Object.values(s).some((v) => Number.isNaN(v))).toBe(false);
    // An old metrics.csv without cost_funded_sum: the markup cannot be measured.
    const j = table.columns.indexOf('cost_funded_sum');
    const old: MetricsTable = { columns: table.columns.filter((_, i) => i !== j), rows: table.rows.map((r) => r.filter((_, i) => i !== j)) };
    const o = claimStatistics(old, undefined, scenario());
    expect(o.stat_markup).toBeUndefined();
    expect(o.stat_markup_change).toBeUndefined();
    expect(o.stat_rho_median).toBeCloseTo(1.05, 12); // the rest is still measured
  });
});
