/**
 * The windows of MODEL.md section 9 (v4), the only ones the analysis uses:
 * - W, the last year: days L - 364 .. L of a run whose last day is L (days 0 .. L when the run is
 *   shorter than 365 days, which results must say). Window means of runs.csv and every statistic
 *   "over W" use it.
 * - P, the fixed period: days 90 .. 1094, the same for every run length, so a rate over P compares
 *   economies at the same age; a run shorter than 1,095 days has only the part of P it reached.
 * - E, the first year after day 90: days 90 .. 454 (the early markup of `markup_change`).
 * A window mean is the mean of the finite values of a column over the window's days; a trend is the
 * OLS slope of ln(value) on day / 365. Pure: it reads days and values.
 */
import { linearRegression } from 'simple-statistics';
import { BURN_IN_DAYS } from '../metrics/viability.js';

export { BURN_IN_DAYS };
export const WINDOW_DAYS = 365;
/** P: days 90 .. 1094 (MODEL.md section 9). */
export const PERIOD_FROM = 90;
export const PERIOD_TO = 1094;
/** E: days 90 .. 454, the early year that `markup_change` compares W with. */
export const EARLY_FROM = 90;
export const EARLY_TO = 454;
/** Runs shorter than this many days have only part of P. */
export const FULL_PERIOD_DAYS = PERIOD_TO + 1;
const DAYS_PER_YEAR = 365;

export interface StatWindow {
  /** First day in the window. */
  fromDay: number;
  /** Last day in the window. */
  toDay: number;
  /** True when the run did not reach the window's full length (W shorter than 365 days, P cut short). */
  short: boolean;
}

/** W of a run whose last day is `lastDay`: its last 365 days, or all of it when it is shorter. */
export function statWindow(lastDay: number): StatWindow {
  return { fromDay: Math.max(0, lastDay - WINDOW_DAYS + 1), toDay: lastDay, short: lastDay + 1 < WINDOW_DAYS };
}

/** P of a run whose last day is `lastDay`: days 90 .. 1094, or 90 .. lastDay when the run ends earlier (empty before day 90). */
export function periodWindow(lastDay: number): StatWindow {
  return { fromDay: PERIOD_FROM, toDay: Math.min(PERIOD_TO, lastDay), short: lastDay < PERIOD_TO };
}

/** E of a run whose last day is `lastDay`: days 90 .. 454, cut at lastDay. */
export function earlyWindow(lastDay: number): StatWindow {
  return { fromDay: EARLY_FROM, toDay: Math.min(EARLY_TO, lastDay), short: lastDay < EARLY_TO };
}

/**
 * The last `days` days of a run whose last day is `lastDay`: what a single run's report averages
 * (a 30-day run still gets numbers).
 */
export function lastDaysWindow(lastDay: number, days: number): StatWindow {
  return { fromDay: lastDay - days + 1, toDay: lastDay, short: lastDay + 1 < days };
}

/** The last day of a run: the largest finite day. */
export function lastDayOf(days: ArrayLike<number>): number {
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (Number.isFinite(d) && d > last) last = d;
  }
  return last;
}

/** Mean of the finite values on days in [fromDay, toDay]; NaN when there is none. */
export function windowMean(days: ArrayLike<number>, values: ArrayLike<number>, w: StatWindow): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const d = days[i]!;
    const v = values[i]!;
    if (d >= w.fromDay && d <= w.toDay && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : NaN;
}

/** The largest finite value on days in [fromDay, toDay]; NaN when there is none. */
export function windowMax(days: ArrayLike<number>, values: ArrayLike<number>, w: StatWindow): number {
  let max = NaN;
  for (let i = 0; i < values.length; i++) {
    const d = days[i]!;
    const v = values[i]!;
    if (d >= w.fromDay && d <= w.toDay && Number.isFinite(v) && !(v <= max)) max = v;
  }
  return max;
}

/** The window mean of every column of a table at once (one pass over the rows): name -> mean, NaN if none. */
export function windowMeans(table: { columns: readonly string[]; rows: readonly Float64Array[] }, dayColumn: number, w: StatWindow): Record<string, number> {
  const m = table.columns.length;
  const sum = new Float64Array(m);
  const count = new Float64Array(m);
  for (const row of table.rows) {
    const d = row[dayColumn]!;
    if (!(d >= w.fromDay && d <= w.toDay)) continue;
    for (let j = 0; j < m; j++) {
      const v = row[j]!;
      if (Number.isFinite(v)) {
        sum[j]! += v;
        count[j]! += 1;
      }
    }
  }
  const out: Record<string, number> = {};
  table.columns.forEach((name, j) => {
    out[name] = count[j]! > 0 ? sum[j]! / count[j]! : NaN;
  });
  return out;
}

/**
 * The OLS slope of ln(value) on time in years, over days in [fromDay, toDay] where the value is finite
 * and > 0: the trend of a level in log points per year. NaN with fewer than two distinct days.
 */
export function logSlopePerYear(days: ArrayLike<number>, values: ArrayLike<number>, fromDay: number, toDay: number): number {
  const points: [number, number][] = [];
  for (let i = 0; i < values.length; i++) {
    const d = days[i]!;
    const v = values[i]!;
    if (d >= fromDay && d <= toDay && Number.isFinite(v) && v > 0) points.push([d / DAYS_PER_YEAR, Math.log(v)]);
  }
  const first = points[0];
  if (first === undefined || points.every((p) => p[0] === first[0])) return NaN;
  return linearRegression(points).m;
}

/** The trend of a level over a window in %/year: 100 x the log slope (MODEL.md section 9). */
export function trendPctPerYear(days: ArrayLike<number>, values: ArrayLike<number>, w: StatWindow): number {
  return 100 * logSlopePerYear(days, values, w.fromDay, w.toDay);
}

/** The value on day `day` (the row whose day equals it); NaN when there is no such row or it is empty. */
export function valueOnDay(days: ArrayLike<number>, values: ArrayLike<number>, day: number): number {
  for (let i = 0; i < days.length; i++) if (days[i] === day) return values[i]!;
  return NaN;
}
