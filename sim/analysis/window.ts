/**
 * The statistics window of MODEL.md section 9: every claim statistic is measured over the last 365 days
 * of a run, after a 90-day burn-in. A run of `days` days has rows 0 .. days - 1, so the window is the
 * days d with d >= max(90, last - 364): the last 365 days when the run has at least 455 days, and
 * days >= 90 (a shorter window, which results must say) otherwise. Pure: it reads days and values.
 */
import { linearRegression } from 'simple-statistics';
import { BURN_IN_DAYS } from '../metrics/viability.js';

export { BURN_IN_DAYS };
export const WINDOW_DAYS = 365;
/** Runs shorter than this (burn-in + a year) get a window of days >= 90 instead of the last 365 days. */
export const FULL_RUN_DAYS = BURN_IN_DAYS + WINDOW_DAYS;
const DAYS_PER_YEAR = 365;

export interface StatWindow {
  /** First day in the window. */
  fromDay: number;
  /** Last day of the run (the window's last day). */
  toDay: number;
  /** True when the run is shorter than 455 days and the window is days >= 90. */
  short: boolean;
}

/** The window of a run whose last day is `lastDay`; empty (fromDay > toDay) when the run ends inside the burn-in. */
export function statWindow(lastDay: number): StatWindow {
  const fromDay = Math.max(BURN_IN_DAYS, lastDay - WINDOW_DAYS + 1);
  return { fromDay, toDay: lastDay, short: lastDay + 1 < FULL_RUN_DAYS };
}

/**
 * The last `days` days of a run whose last day is `lastDay`, with no burn-in: what a single run's report
 * averages (a 30-day run still gets numbers), where the claims need the burn-in of statWindow.
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

/** The value on day `day` (the row whose day equals it); NaN when there is no such row or it is empty. */
export function valueOnDay(days: ArrayLike<number>, values: ArrayLike<number>, day: number): number {
  for (let i = 0; i < days.length; i++) if (days[i] === day) return values[i]!;
  return NaN;
}

/** Window P of MODEL.md section 9: days 90 to 1094, the same for every run length (a fixed period). */
export const PERIOD_P: StatWindow = { fromDay: BURN_IN_DAYS, toDay: 1094, short: false };
