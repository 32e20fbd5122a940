/**
 * End-of-run statistics for the report's numbers table: per run, the mean of key metrics over the
 * last 365 days (the whole run if shorter: no burn-in, so a short run still shows numbers), ignoring
 * empty days, with the window mean of sim/analysis/window.ts.
 * A metric with no value in the window (gift has no money) is NaN and printed as "—".
 */
import { columnOf, daysOf, type MetricsTable } from '../io/metricsCsv.js';
import { lastDaysWindow, windowMean } from '../analysis/window.js';

export interface KeyMetric {
  metric: string;
  label: string;
  unit: string;
  /** 'last' for cumulative columns: the final value, not a mean. */
  at?: 'last';
}

export const KEY_METRICS: readonly KeyMetric[] = [
  { metric: 'goods_released', label: 'goods released', unit: 'goods per day' },
  { metric: 'goods_total', label: 'goods released by the end', unit: 'goods', at: 'last' },
  { metric: 'copies_per_capita', label: 'copies per person', unit: 'copies per agent per day' },
  { metric: 'funded_share', label: 'funded share', unit: 'share' },
  { metric: 'cost_index', label: 'cost index', unit: 'x base recipe' },
  { metric: 'exchange_rate', label: 'exchange rate', unit: 'MH per CH' },
  { metric: 'price_level', label: 'price level', unit: 'price / cost' },
  { metric: 'money_ch', label: 'money supply CH', unit: 'tokens' },
  { metric: 'money_mh', label: 'money supply MH', unit: 'tokens' },
  { metric: 'rho_median', label: 'median return ratio', unit: 'rho' },
  { metric: 'gini_income', label: 'Gini of income', unit: 'Gini' },
  { metric: 'utilisation_ch', label: 'CH utilisation', unit: 'share' },
  { metric: 'utilisation_mh', label: 'MH utilisation', unit: 'share' },
  { metric: 'producers_active', label: 'active producers', unit: 'agents' },
];

export const STATS_WINDOW_DAYS = 365;

/** The last finite value of a column; NaN when it has none. */
function lastValue(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i] ?? NaN)) return values[i] ?? NaN;
  return NaN;
}

/** Mean of each metric over the last `windowDays` days of the table (the last value for 'last'); NaN when undefined. */
export function endStats(table: MetricsTable, metrics: readonly (string | KeyMetric)[], windowDays = STATS_WINDOW_DAYS): number[] {
  const days = daysOf(table);
  const w = lastDaysWindow(days.length > 0 ? (days[days.length - 1] ?? 0) : 0, windowDays);
  return metrics.map((m) => {
    const values = columnOf(table, typeof m === 'string' ? m : m.metric);
    if (values === undefined) return NaN;
    if (typeof m !== 'string' && m.at === 'last') return lastValue(values);
    return windowMean(days, values, w);
  });
}

/** A number for a table: "—" for NaN, whole numbers from 1,000 up, else 4 significant digits. */
export function formatStat(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1000) return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (v === 0) return '0';
  return String(Number(v.toPrecision(4)));
}

/** The window a caption should name: "last 365 days", or "whole run" when shorter. */
export function windowLabel(tables: MetricsTable[], windowDays = STATS_WINDOW_DAYS): string {
  const spans = tables.map((t) => {
    const days = daysOf(t);
    return days.length > 0 ? (days[days.length - 1] ?? 0) - (days[0] ?? 0) + 1 : 0;
  });
  return Math.max(0, ...spans) > windowDays ? `last ${windowDays} days` : 'whole run';
}

/** Rows = key metrics, columns = runs: the cells as text. */
export function statsTable(runs: { label: string; table: MetricsTable }[]): { header: string[]; rows: string[][] } {
  const perRun = runs.map((r) => endStats(r.table, KEY_METRICS));
  return {
    header: ['metric', 'unit', ...runs.map((r) => r.label)],
    rows: KEY_METRICS.map((k, i) => [k.label, k.unit, ...perRun.map((s) => formatStat(s[i] ?? NaN))]),
  };
}

/** The sentence above the table, shared by report.md and report.html. */
export function statsNote(tables: MetricsTable[]): string {
  return `Means over the ${windowLabel(tables)} of each run (cumulative totals: the final value); "—" where undefined.`;
}
