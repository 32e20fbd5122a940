/**
 * The claim statistics of one run (MODEL.md section 9), named so the sweep runner can add them to
 * runs.csv as columns. Each is a number (NaN where undefined, an empty cell in a CSV). The window W is
 * the last 365 days after a 90-day burn-in, or days >= 90 for runs shorter than 455 days
 * (sim/analysis/window.ts); L is the run's last day; a slope is the OLS slope of ln(x) on time in years
 * over the days where x is finite and > 0.
 *
 * | name | definition | claim |
 * |---|---|---|
 * | stat_goods_growth | ln(goods_total[L] / goods_total[B]), B = first day of W - 1 (= L - 365 in a full run), times 365 / (L - B) (1 in a full run) | C1 |
 * | stat_copies_per_capita | mean of copies_per_capita over W | C1 |
 * | stat_cost_fall_annual | minus the slope of ln(cost_index) over W, per year | C1, C3 |
 * | stat_rho_spearman | Spearman correlation of rho and efficiency across producers, last agents.csv snapshot | C2 |
 * | stat_rho_mid_quintile | median rho of the middle efficiency quintile, same producers | C2 |
 * | stat_rho_mid_gap | stat_rho_mid_quintile - (1 + pricing.mu0) | C2 |
 * | stat_producers | producers with a defined rho in that snapshot | C2 |
 * | stat_money_gap_ch, _mh | mean over W of abs(money_x / flow_ema_x - bank.k) / bank.k (days with flow_ema_x > 0) | C4 |
 * | stat_money_gap | mean of the finite stat_money_gap_ch, stat_money_gap_mh | C4 |
 * | stat_price_trend_pct | 100 x the slope of ln(price_level) over W, %/year | C4 |
 * | stat_price_hours_trend_pct | 100 x the slope of ln(price_hours_per_good) over days >= 90 ("over the run"), %/year | C5 |
 * | stat_rho_median | mean of rho_median over W | C5 |
 * | stat_pi_fall | pi_mean on the first day minus the mean of pi_mean over W | C5 |
 * | stat_window_days | days in W (365 in a full run) | all |
 *
 * pricing.mu0 and bank.k come from the run's scenario (its manifest.json, parsed by ScenarioSchema).
 * Pure: it reads a metrics table, the text of agents.csv and the scenario.
 */
import type { MetricsTable } from '../io/metricsCsv.js';
import type { Scenario } from '../scenario/schema.js';
import { lastSnapshotProducers, middleQuintileRho, rhoEfficiencySpearman } from './producers.js';
import { BURN_IN_DAYS, lastDayOf, logSlopePerYear, statWindow, valueOnDay, windowMean, type StatWindow } from './window.js';

export const STATISTIC_NAMES = [
  'stat_goods_growth', 'stat_copies_per_capita', 'stat_cost_fall_annual',
  'stat_rho_spearman', 'stat_rho_mid_quintile', 'stat_rho_mid_gap', 'stat_producers',
  'stat_money_gap_ch', 'stat_money_gap_mh', 'stat_money_gap', 'stat_price_trend_pct',
  'stat_price_hours_trend_pct', 'stat_rho_median', 'stat_pi_fall', 'stat_window_days',
] as const;
export type StatisticName = (typeof STATISTIC_NAMES)[number];
export type ClaimStatistics = Record<StatisticName, number>;

/** The statistics of one run: its metrics, optionally its agents.csv text (for C2) and its scenario. */
export function claimStatistics(table: MetricsTable, agentsCsvText: string | undefined, scenario: Scenario): ClaimStatistics {
  const column = (name: string): Float64Array => columnValues(table, name);
  const days = table.columns.includes('day') ? column('day') : Float64Array.from(table.rows, (_, i) => i);
  const w = statWindow(lastDayOf(days));
  const mean = (name: string): number => windowMean(days, column(name), w);
  const slope = (name: string, from = w.fromDay): number => logSlopePerYear(days, column(name), from, w.toDay);
  const mu0 = scenario.pricing.mu0;
  const k = scenario.bank.k;
  const producers = agentsCsvText === undefined ? [] : lastSnapshotProducers(agentsCsvText);
  const midRho = middleQuintileRho(producers);
  const gapCh = moneyGap(days, column('money_ch'), column('flow_ema_ch'), k, w);
  const gapMh = moneyGap(days, column('money_mh'), column('flow_ema_mh'), k, w);
  const gaps = [gapCh, gapMh].filter(Number.isFinite);
  const firstPi = column('pi_mean')[0] ?? NaN;
  return {
    stat_goods_growth: goodsGrowth(days, column('goods_total'), w),
    stat_copies_per_capita: mean('copies_per_capita'),
    stat_cost_fall_annual: -slope('cost_index'),
    stat_rho_spearman: rhoEfficiencySpearman(producers),
    stat_rho_mid_quintile: midRho,
    stat_rho_mid_gap: midRho - (1 + mu0),
    stat_producers: agentsCsvText === undefined ? NaN : producers.length,
    stat_money_gap_ch: gapCh,
    stat_money_gap_mh: gapMh,
    stat_money_gap: gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : NaN,
    stat_price_trend_pct: 100 * slope('price_level'),
    stat_price_hours_trend_pct: 100 * slope('price_hours_per_good', BURN_IN_DAYS),
    stat_rho_median: mean('rho_median'),
    stat_pi_fall: firstPi - mean('pi_mean'),
    stat_window_days: Math.max(0, w.toDay - w.fromDay + 1),
  };
}

/** One column as an array (all NaN when the table has no such column); a plain loop, as runs have 3,650 rows x 100 columns. */
function columnValues(table: MetricsTable, name: string): Float64Array {
  const j = table.columns.indexOf(name);
  const out = new Float64Array(table.rows.length).fill(NaN);
  if (j >= 0) for (let i = 0; i < table.rows.length; i++) out[i] = table.rows[i]![j]!;
  return out;
}

/** Annualised log growth of a cumulative count over the window (see the table above). */
function goodsGrowth(days: Float64Array, total: Float64Array, w: StatWindow): number {
  const base = w.fromDay - 1;
  if (!(w.toDay > base)) return NaN;
  const ratio = valueOnDay(days, total, w.toDay) / valueOnDay(days, total, base);
  return ratio > 0 && Number.isFinite(ratio) ? (Math.log(ratio) * 365) / (w.toDay - base) : NaN;
}

/** Mean over the window of abs(money / flowEma - k) / k, on days with a positive flow EMA. */
function moneyGap(days: Float64Array, money: Float64Array, flowEma: Float64Array, k: number, w: StatWindow): number {
  const gap = Float64Array.from(money, (m, i) => {
    const f = flowEma[i]!;
    return f > 0 && Number.isFinite(m) ? Math.abs(m / f - k) / k : NaN;
  });
  return windowMean(days, gap, w);
}
