import { describe, expect, it } from 'vitest';
import { logSlopePerYear, statWindow, valueOnDay, windowMean, windowMeans } from '../../sim/analysis/window.js';

const range = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i);

describe('analysis/window', () => {
  it('a run of 455 days or more is judged on its last 365 days; a shorter one on days >= 90', () => {
    expect(statWindow(454)).toEqual({ fromDay: 90, toDay: 454, short: false });
    expect(statWindow(999)).toEqual({ fromDay: 635, toDay: 999, short: false });
    expect(statWindow(300)).toEqual({ fromDay: 90, toDay: 300, short: true });
    const w = statWindow(50);
    expect(w.fromDay > w.toDay).toBe(true); // a run inside its burn-in has no window
  });

  it('the window mean skips empty days and days outside the window', () => {
    const days = range(500);
    const values = Float64Array.from(days, (d) => (d < 135 ? 100 : d % 2 === 0 ? 2 : NaN));
    expect(windowMean(days, values, statWindow(499))).toBe(2);
    expect(windowMean(days, values.map(() => NaN), statWindow(499))).toBeNaN();
  });

  it('windowMeans gives every column\'s window mean in one pass, the same as windowMean column by column', () => {
    const rows = Array.from({ length: 500 }, (_, d) => Float64Array.from([d, d % 3 === 0 ? NaN : d, d < 300 ? NaN : 2, NaN]));
    const table = { columns: ['day', 'x', 'late', 'empty'], rows };
    const w = statWindow(499);
    const days = rows.map((r) => r[0]!);
    const x = rows.map((r) => r[1]!);
    const means = windowMeans(table, 0, w);
    expect(means['x']).toBeCloseTo(windowMean(days, x, w), 12);
    expect(means['late']).toBe(2); // empty days are skipped, not counted as zeros
    expect(means['day']).toBe(317); // days 135..499
    expect(means['empty']).toBeNaN();
  });

  it('the log slope per year recovers the growth rate of an exponential, and needs two days', () => {
    const days = range(800);
    const values = Float64Array.from(days, (d) => 3 * Math.exp((-0.25 * d) / 365));
    expect(logSlopePerYear(days, values, 100, 799)).toBeCloseTo(-0.25, 12);
    const zeroes = values.map((v, i) => (i % 3 === 0 ? 0 : v)); // zero and negative levels have no log: skipped
    expect(logSlopePerYear(days, zeroes, 100, 799)).toBeCloseTo(-0.25, 12);
    expect(logSlopePerYear(days, values, 100, 100)).toBeNaN();
  });

  it('valueOnDay finds a row by its day, not its index', () => {
    const days = Float64Array.from([5, 6, 7]);
    expect(valueOnDay(days, Float64Array.from([1, 2, 3]), 6)).toBe(2);
    expect(valueOnDay(days, Float64Array.from([1, 2, 3]), 1)).toBeNaN();
  });
});
