/**
 * The five-line summary printed after a run or a comparison (and put at the top of its report):
 * abundance, campaigns and returns, the exchange rate, money and credit, and the fall of costs, each
 * a mean over the last 365 days of the run and one entry per run, so presets read side by side.
 */
import type { MetricsTable } from '../io/metricsCsv.js';

export interface LabelledTable {
  label: string;
  table: MetricsTable;
}

/** Mean of a column over rows [from, to) of the table, ignoring empty cells; NaN when none. */
function meanOf(table: MetricsTable, name: string, from: number, to: number): number {
  const j = table.columns.indexOf(name);
  if (j < 0) return NaN;
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(to, table.rows.length); i++) {
    const v = table.rows[i]?.[j] ?? NaN;
    if (Number.isFinite(v)) {
      sum += v;
      n += 1;
    }
  }
  return n > 0 ? sum / n : NaN;
}

/** Mean over the last `days` rows. */
export function lastYearMean(table: MetricsTable, name: string, days = 365): number {
  return meanOf(table, name, table.rows.length - days, table.rows.length);
}

/** Mean over the first `days` rows. */
export function firstYearMean(table: MetricsTable, name: string, days = 365): number {
  return meanOf(table, name, 0, days);
}

/** A number for a sentence: three significant digits, k/M for large ones, `-` when undefined. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${(x / 1e3).toPrecision(3)}k`;
  if (a >= 100) return String(Math.round(x));
  return String(Number(x.toPrecision(3)));
}

const pct = (x: number): string => (Number.isFinite(x) ? `${x > 0 ? '+' : ''}${Math.round(x * 100)} %` : '-');

const each = (runs: readonly LabelledTable[], value: (t: MetricsTable) => string): string =>
  runs.map((r) => `${r.label} ${value(r.table)}`).join(', ');

const sumOf = (t: MetricsTable, names: readonly string[]): number => {
  const vs = names.map((n) => lastYearMean(t, n)).filter(Number.isFinite);
  return vs.length > 0 ? vs.reduce((a, b) => a + b, 0) : NaN;
};

/** Five lines comparing the runs over their last year. */
export function summaryLines(runs: readonly LabelledTable[]): string[] {
  const currencies = ['ch', 'mh', 'cur'];
  return [
    `Goods released per day (means over the last 365 days): ${each(runs, (t) => fmt(lastYearMean(t, 'goods_released')))}; ` +
      `copies per capita per day: ${each(runs, (t) => fmt(lastYearMean(t, 'copies_per_capita')))}`,
    `Funded share of campaigns: ${each(runs, (t) => fmt(lastYearMean(t, 'funded_share')))}; ` +
      `median return ratio rho: ${each(runs, (t) => fmt(lastYearMean(t, 'rho_median')))}`,
    `Exchange rate / reference rate: ${each(runs, (t) =>
      fmt(lastYearMean(t, 'exchange_rate') / lastYearMean(t, 'exchange_rate_ref')))}`,
    `Money / credit outstanding (tokens): ${each(runs, (t) =>
      `${fmt(sumOf(t, currencies.map((x) => `money_${x}`)))} / ${fmt(sumOf(t, currencies.map((x) => `credit_${x}`)))}`)}`,
    `Cost index, last year vs first: ${each(runs, (t) =>
      pct(lastYearMean(t, 'cost_index') / firstYearMean(t, 'cost_index') - 1))}`,
  ];
}
