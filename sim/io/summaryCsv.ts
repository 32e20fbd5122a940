/**
 * summary.csv (docs/sweeps.md): for one (preset, point), every metric of metrics.csv (in its order)
 * on every day of the stride `aggregate.everyDays` and on the last day, the statistics across the
 * replicates: n (replicates with a finite value), mean, sd, the 95 % t interval of the mean
 * (mean +- t(0.975, n - 1) sd / sqrt(n), empty when n < 2) and the 5/25/50/75/95 % quantiles (R type 7).
 * A (metric, day) where no replicate has a value is left out.
 *
 * readSummaryRows streams the file back (it can be large: presets x points x metrics x days) and keeps
 * only the rows asked for.
 *
 * The t quantile depends only on n, so it is computed once per n (sim/stats/interval.ts inverts the t
 * distribution by bisection, about 50 us a call: per row it would dominate a large sweep).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { quantilesOf, tQuantile, type MeanInterval } from '../stats/interval.js';
import type { MetricsTable } from './metricsCsv.js';
import type { Params } from '../sweep/plan.js';
import { csvText, num6, valueText } from './csv.js';
import { cellNumber, parseCsvLine } from './csvRecords.js';

export const SUMMARY_CSV = 'summary.csv';

export const SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const SUMMARY_STATS = ['n', 'mean', 'sd', 'ci95_lo', 'ci95_hi', 'q05', 'q25', 'q50', 'q75', 'q95'] as const;

export function summaryHeader(sweptKeys: readonly string[]): string[] {
  return ['preset', 'point', ...sweptKeys, 'metric', 'day', ...SUMMARY_STATS];
}

const tCache = new Map<number, number>();
/** t(0.975, df), cached. */
export function t975(df: number): number {
  let t = tCache.get(df);
  if (t === undefined) tCache.set(df, (t = tQuantile(0.975, df)));
  return t;
}

/** The same numbers as meanInterval(values) of sim/stats/interval.ts, with the t quantile cached. */
export function interval95(finite: readonly number[]): MeanInterval {
  const n = finite.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, lo: NaN, hi: NaN };
  const m = mean(finite as number[]);
  if (n < 2) return { n, mean: m, sd: NaN, lo: NaN, hi: NaN };
  const sd = sampleStandardDeviation(finite as number[]);
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, lo: m - half, hi: m + half };
}

/** The days summarised: 0, every, 2 x every, ... up to the last day, and the last day itself. */
export function strideDays(lastDay: number, every: number): number[] {
  const days: number[] = [];
  for (let d = 0; d <= lastDay; d += every) days.push(d);
  if (lastDay >= 0 && days[days.length - 1] !== lastDay) days.push(lastDay);
  return days;
}

/** Row index of each day in a table (-1 where the table has no such day). */
function rowsByDay(table: MetricsTable, lastDay: number): Int32Array {
  const at = new Int32Array(lastDay + 1).fill(-1);
  const dayCol = table.columns.indexOf('day');
  table.rows.forEach((row, i) => {
    const d = dayCol >= 0 ? row[dayCol]! : i;
    if (Number.isInteger(d) && d >= 0 && d <= lastDay) at[d] = i;
  });
  return at;
}

/**
 * One row of summary.csv: its line (without a newline), and the text of each of its cells as the line
 * reads back (`parseCsvLine(line)`, unquoted), which summary.parquet converts by its columns' kinds
 * (sim/io/summaryParquet.ts). The cells array is reused from row to row: copy what is kept.
 */
export type SummaryRowSink = (line: string, cells: readonly string[]) => void;

/**
 * The rows of summary.csv for one (preset, point), given its replicates' tables, handed to `sink` one
 * by one, each line with its cells (so summary.parquet is written from the very texts of summary.csv
 * in the same pass, without reading the file back). `metrics` are the metric names in metrics.csv
 * order (`day` excluded).
 */
export function summaryRows(
  preset: string,
  point: string,
  params: Params,
  sweptKeys: readonly string[],
  tables: readonly MetricsTable[],
  metrics: readonly string[],
  everyDays: number,
  sink: SummaryRowSink,
): void {
  const lastDay = Math.max(-1, ...tables.map((t) => lastDayOf(t)));
  const index = tables.map((t) => rowsByDay(t, lastDay));
  const days = strideDays(lastDay, everyDays);
  const swept = sweptKeys.map((k) => valueText(params[k]));
  const prefix = [preset, point, ...swept].map(csvText).join(',');
  // The cells: the prefix's as the line reads back, then metric, day, n and the statistics.
  const cells = [preset, point, ...swept];
  const at = cells.length;
  const values: number[] = [];
  for (const metric of metrics) {
    const cols = tables.map((t) => t.columns.indexOf(metric));
    const metricCell = csvText(metric);
    for (const day of days) {
      values.length = 0;
      tables.forEach((t, k) => {
        const i = index[k]![day]!;
        const j = cols[k]!;
        if (i < 0 || j < 0) return;
        const v = t.rows[i]![j]!;
        if (Number.isFinite(v)) values.push(v);
      });
      if (values.length === 0) continue;
      const ci = interval95(values);
      const qs = quantilesOf(values, SUMMARY_QUANTILES);
      let c = at;
      cells[c++] = metric;
      cells[c++] = `${day}`;
      cells[c++] = `${ci.n}`;
      cells[c++] = num6(ci.mean); cells[c++] = num6(ci.sd); cells[c++] = num6(ci.lo); cells[c++] = num6(ci.hi);
      for (const q of qs) cells[c++] = num6(q);
      sink(`${prefix},${metricCell},${cells.slice(at + 1).join(',')}`, cells);
    }
  }
}

function lastDayOf(table: MetricsTable): number {
  const dayCol = table.columns.indexOf('day');
  const n = table.rows.length;
  if (n === 0) return -1;
  return dayCol >= 0 ? table.rows[n - 1]![dayCol]! : n - 1;
}

/** One row of summary.csv as read back: a metric's statistics across replicates on one day. */
export interface SummaryRow { preset: string; metric: string; day: number; n: number; mean: number; lo: number; hi: number }

const READ_COLUMNS = ['preset', 'point', 'metric', 'day', 'n', 'mean', 'ci95_lo', 'ci95_hi'] as const;

/** The rows of summary.csv at `point` for the metrics `keep` holds; throws naming the line. */
export async function readSummaryRows(path: string, point: string, keep: ReadonlySet<string>): Promise<SummaryRow[]> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const rows: SummaryRow[] = [];
  let at: number[] | undefined;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (at === undefined) {
      const header = parseCsvLine(line);
      const missing = READ_COLUMNS.filter((c) => !header.includes(c));
      if (missing.length > 0) throw new Error(`summary.csv: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (docs/sweeps.md lists the columns)`);
      at = READ_COLUMNS.map((c) => header.indexOf(c));
      continue;
    }
    if (line === '' || !line.includes(point)) continue;
    const cells = parseCsvLine(line);
    const cell = (i: number): string => cells[at![i]!] ?? '';
    if (cell(1) !== point || !keep.has(cell(2))) continue;
    const where = `summary.csv line ${lineNo}`;
    rows.push({ preset: cell(0), metric: cell(2), day: cellNumber(cell(3), where), n: cellNumber(cell(4), where),
      mean: cellNumber(cell(5), where), lo: cellNumber(cell(6), where), hi: cellNumber(cell(7), where) });
  }
  if (at === undefined) throw new Error('summary.csv: the file is empty (expected a header line)');
  return rows;
}
