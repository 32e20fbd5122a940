/**
 * The window of a run that MODEL.md section 9 judges: the last 365 days after a 90-day burn-in, or
 * every day from day 90 on when the run is shorter than 455 days. runs.csv holds each metric's mean
 * over it (docs/sweeps.md); the claim statistics use the same window.
 */
import { BURN_IN_DAYS } from '../metrics/viability.js';
import type { MetricsTable } from '../report/table.js';

export const WINDOW_DAYS = 365;

/** First and last day (inclusive) of the window of a run whose last day is `lastDay`; empty when first > last. */
export function windowDays(lastDay: number): { first: number; last: number } {
  return { first: Math.max(BURN_IN_DAYS, lastDay - WINDOW_DAYS + 1), last: lastDay };
}

/** The mean of the finite values of each column over the window (NaN where it has none), `day` left out. */
export function windowMeans(table: MetricsTable): { metrics: string[]; means: number[] } {
  const dayCol = table.columns.indexOf('day');
  const dayOf = (i: number): number => (dayCol >= 0 ? table.rows[i]![dayCol]! : i);
  const lastDay = table.rows.length > 0 ? dayOf(table.rows.length - 1) : -1;
  const { first, last } = windowDays(lastDay);
  const metrics: string[] = [];
  const means: number[] = [];
  table.columns.forEach((name, j) => {
    if (j === dayCol) return;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < table.rows.length; i++) {
      const d = dayOf(i);
      if (d < first || d > last) continue;
      const v = table.rows[i]![j]!;
      if (Number.isFinite(v)) { sum += v; n++; }
    }
    metrics.push(name);
    means.push(n > 0 ? sum / n : NaN);
  });
  return { metrics, means };
}
