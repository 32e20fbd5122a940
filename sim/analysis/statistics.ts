/**
 * The claim statistics of one run (MODEL.md section 9, v4), named so the sweep runner writes them to
 * runs.csv as `stat_` columns. Each is a number, or undefined where the run has nothing to measure (an
 * empty cell, never NaN in a file). W is the run's last 365 days, P days 90-1094, E days 90-454
 * (sim/analysis/window.ts); a trend is 100 x the OLS slope of ln(value) on day / 365, in %/year.
 *
 * | name | definition | claim |
 * |---|---|---|
 * | stat_goods_per_head | ln(mean over W of goods_released) - ln(agents) | C1 |
 * | stat_cost_mean_log | mean over the days of P with a value of ln(cost_index) | C1 |
 * | stat_cost_fall_rate | minus the OLS slope of ln(cost_index) on day / 365 over P, log points a year | C3 |
 * | stat_rho_spearman | Spearman correlation of rho and efficiency across producers, last agents.csv snapshot | C2 |
 * | stat_rho_mid_gap | median rho of the middle efficiency quintile - 1 | C2 |
 * | stat_money_gap_ch, _mh | mean over W of abs(ln(money_x / (k flow_ema_x))), days with both > 0, k = bank.k | C4 |
 * | stat_sales_trend | trend of funded_share over W | C4 |
 * | stat_goods_price_trend | S1 only: trend over W of price_hours_per_good x price_mh_cur | C4 |
 * | stat_markup | ln(sum over W of price_hours_per_good x campaigns_funded / sum over W of cost_funded_sum) | C5 |
 * | stat_markup_change | stat_markup - the same over E | C5 |
 * | stat_rho_median | mean over W of rho_median | C5 |
 * | stat_pi_fall | pi_mean on day 0 - mean over W of pi_mean | C5 |
 * | stat_out_max | the largest dropout_share from day 90 on | C5 |
 *
 * `agents` and `bank.k` come from the run's scenario (its manifest.json). A column missing from an old
 * metrics.csv (cost_funded_sum before MODEL v4) leaves the statistics that need it undefined.
 * Pure: it reads a metrics table, the text of agents.csv and the scenario.
 */
import { columnOf, daysOf, type MetricsTable } from '../io/metricsCsv.js';
import type { Scenario } from '../scenario/schema.js';
import { MONEY_KINDS } from '../money/kinds/index.js';
import { costSlopePerYear } from './calibration.js';
import { lastSnapshotProducers, middleQuintileRho, rhoEfficiencySpearman } from './producers.js';
import {
  BURN_IN_DAYS, earlyWindow, lastDayOf, periodWindow, statWindow, trendPctPerYear, valueOnDay, windowMax, windowMean,
  type StatWindow,
} from './window.js';

export const STATISTIC_NAMES = [
  'stat_goods_per_head', 'stat_cost_mean_log', 'stat_cost_fall_rate', 'stat_rho_spearman', 'stat_rho_mid_gap',
  'stat_money_gap_ch', 'stat_money_gap_mh', 'stat_sales_trend', 'stat_goods_price_trend', 'stat_markup',
  'stat_markup_change', 'stat_rho_median', 'stat_pi_fall', 'stat_out_max',
] as const;
export type StatisticName = (typeof STATISTIC_NAMES)[number];
/** A run's statistics; undefined where the run has nothing to measure. */
export type ClaimStatistics = Record<StatisticName, number | undefined>;

/**
 * The days each statistic is measured over (the table above): those over W (the last year) depend on the
 * run's length, which the claims' horizon note says; those over P do not once a run reaches day 1094.
 */
export const STATISTIC_WINDOWS: Readonly<Record<StatisticName, 'W' | 'P' | 'W and E' | 'day 0 and W' | 'days >= 90' | 'last agents.csv snapshot'>> = {
  stat_goods_per_head: 'W', stat_cost_mean_log: 'P', stat_cost_fall_rate: 'P', stat_rho_spearman: 'last agents.csv snapshot',
  stat_rho_mid_gap: 'last agents.csv snapshot', stat_money_gap_ch: 'W', stat_money_gap_mh: 'W', stat_sales_trend: 'W',
  stat_goods_price_trend: 'W', stat_markup: 'W', stat_markup_change: 'W and E', stat_rho_median: 'W', stat_pi_fall: 'day 0 and W',
  stat_out_max: 'days >= 90',
};

/** True for a preset whose money is S1's (MODEL.md section 4: market, market-k): one currency, goods and hours priced in it. */
export function isSingleCurrency(scenario: Scenario): boolean {
  return MONEY_KINDS[scenario.institutions.money].system === 'S1';
}

/** The statistics of one run: its metrics, optionally its agents.csv text (for C2) and its scenario. */
export function claimStatistics(table: MetricsTable, agentsCsvText: string | undefined, scenario: Scenario): ClaimStatistics {
  const days = daysOf(table);
  const empty = new Float64Array(table.rows.length).fill(NaN);
  const column = (name: string): Float64Array => columnOf(table, name) ?? empty;
  const lastDay = lastDayOf(days);
  const w = statWindow(lastDay);
  const p = periodWindow(lastDay);
  const mean = (name: string): number => windowMean(days, column(name), w);
  const producers = agentsCsvText === undefined ? [] : lastSnapshotProducers(agentsCsvText);
  const k = scenario.bank.k;
  const costIndex = column('cost_index');
  const markupW = markup(table, days, w);
  const stats: Record<StatisticName, number> = {
    stat_goods_per_head: Math.log(mean('goods_released')) - Math.log(scenario.agents),
    stat_cost_mean_log: windowMean(days, costIndex.map((c) => (c > 0 ? Math.log(c) : NaN)), p),
    stat_cost_fall_rate: -costSlopePerYear(days, costIndex),
    stat_rho_spearman: rhoEfficiencySpearman(producers),
    stat_rho_mid_gap: middleQuintileRho(producers) - 1,
    stat_money_gap_ch: moneyGap(days, column('money_ch'), column('flow_ema_ch'), k, w),
    stat_money_gap_mh: moneyGap(days, column('money_mh'), column('flow_ema_mh'), k, w),
    stat_sales_trend: trendPctPerYear(days, column('funded_share'), w),
    stat_goods_price_trend: isSingleCurrency(scenario) ? goodsPriceTrend(days, column('price_hours_per_good'), column('price_mh_cur'), w) : NaN,
    stat_markup: markupW,
    stat_markup_change: markupW - markup(table, days, earlyWindow(lastDay)),
    stat_rho_median: mean('rho_median'),
    stat_pi_fall: valueOnDay(days, column('pi_mean'), 0) - mean('pi_mean'),
    stat_out_max: windowMax(days, column('dropout_share'), { fromDay: BURN_IN_DAYS, toDay: lastDay, short: false }),
  };
  return Object.fromEntries(STATISTIC_NAMES.map((name) => [name, definedOrUndefined(stats[name])])) as ClaimStatistics;
}

/** A finite number, else undefined (a statistic is an empty cell where it has no data, never NaN). */
export function definedOrUndefined(x: number): number | undefined {
  return Number.isFinite(x) ? x : undefined;
}

/** Mean over the window of abs(ln(money / (k x flowEma))), on days where both are > 0. */
function moneyGap(days: Float64Array, money: Float64Array, flowEma: Float64Array, k: number, w: StatWindow): number {
  const gap = Float64Array.from(money, (m, i) => {
    const f = flowEma[i]!;
    return m > 0 && f > 0 ? Math.abs(Math.log(m / (k * f))) : NaN;
  });
  return windowMean(days, gap, w);
}

/** Trend over the window of the currency price of a funded good: price_hours_per_good (MH-eq.) x price_mh_cur (currency per MH). */
function goodsPriceTrend(days: Float64Array, hours: Float64Array, wage: Float64Array, w: StatWindow): number {
  return trendPctPerYear(days, Float64Array.from(hours, (h, i) => h * wage[i]!), w);
}

/**
 * ln(price of the goods funded in the window / their own cost), both summed over the window's days in
 * MH-equivalents: the price of a day's funded goods is price_hours_per_good (their mean price) x
 * campaigns_funded, their cost cost_funded_sum. A day counts when both are numbers; days without a
 * funded good add nothing. NaN when the table has no cost_funded_sum or a sum is not positive.
 */
function markup(table: MetricsTable, days: Float64Array, w: StatWindow): number {
  const cost = columnOf(table, 'cost_funded_sum');
  const price = columnOf(table, 'price_hours_per_good');
  const funded = columnOf(table, 'campaigns_funded');
  if (cost === undefined || price === undefined || funded === undefined) return NaN;
  let paid = 0;
  let spent = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (!(d >= w.fromDay && d <= w.toDay) || !(funded[i]! > 0)) continue;
    const v = price[i]! * funded[i]!;
    const c = cost[i]!;
    if (!Number.isFinite(v) || !Number.isFinite(c)) continue;
    paid += v;
    spent += c;
  }
  return paid > 0 && spent > 0 ? Math.log(paid / spent) : NaN;
}
