/**
 * The calibration target of MODEL.md section 6: `market`'s cost_index falls by 0.11 to 0.17 log points a
 * year over period P (days 90-1094), the OLS slope of ln cost_index on years, mean over seeds. Source:
 * output per hour of US software publishers grew 15.7 %/year over 1987-2001 (BLS), ln 1.157 = 0.146.
 * The slope has one home here: `abundance calibrate` (sim/cli/calibrate.ts) averages it, and the claims'
 * cost_fall_rate (sim/analysis/statistics.ts) is minus it.
 */
import type { MetricsTable } from '../io/metricsCsv.js';
import { lastDayOf, logSlopePerYear, periodWindow } from './window.js';

/** The grid `abundance calibrate` searches by default: each axis brackets the band (single runs on seed 1). */
export const DEFAULT_GRID = { priorYears: '3,10,30', zeta: '0.05,0.1,0.2', maxGain: '0.05,0.1,0.2' };

export const CALIBRATION_TARGET = -0.146;
export const CALIBRATION_BAND: readonly [number, number] = [-0.17, -0.11];

/** The OLS slope of ln cost_index on day / 365 over P (cut at the run's last day), log points a year; NaN without two days. */
export function costSlopePerYear(days: ArrayLike<number>, costIndex: ArrayLike<number>): number {
  const p = periodWindow(lastDayOf(days));
  return logSlopePerYear(days, costIndex, p.fromDay, p.toDay);
}

/** costSlopePerYear of a metrics table (NaN when it has no day or cost_index column). */
export function costSlopeOverP(table: MetricsTable): number {
  const day = table.columns.indexOf('day');
  const cost = table.columns.indexOf('cost_index');
  if (day < 0 || cost < 0) return NaN;
  return costSlopePerYear(table.rows.map((r) => r[day]!), table.rows.map((r) => r[cost]!));
}
