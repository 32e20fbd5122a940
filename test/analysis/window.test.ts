import { describe, expect, it } from 'vitest';
import { earlyWindow, logSlopePerYear, periodWindow, statWindow, trendPctPerYear, valueOnDay, windowMax, windowMean, windowMeans } from '../../sim/analysis/window.js';

const range = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i);

describe('analysis/window', () => {
  it('W is the last 365 days (L - 364 .. L), the whole run when it is shorter', () => {
    expect(statWindow(454)).toEqual({ fromDay: 90, toDay: 454, short: false });
    expect(statWindow(999)).toEqual({ fromDay: 635, toDay: 999, short: false });
    expect(statWindow(364)).toEqual({ fromDay: 0, toDay: 364, short: false });
    expect(statWindow(300)).toEqual({ fromDay: 0, toDay: 300, short: true });
  });

  it('P is days 90..1094 whatever the run length, cut at the last day of a shorter run; E is days 90..454', () => {
    expect(periodWindow(3649)).toEqual({ fromDay: 90, toDay: 1094, short: false });
    expect(periodWindow(1094)).toEqual({ fromDay: 90, toDay: 1094, short: false });
    expect(periodWindow(454)).toEqual({ fromDay: 90, toDay: 454, short: true });
    expect(earlyWindow(3649)).toEqual({ fromDay: 90, toDay: 454, short: false });
    const none = periodWindow(50);
    expect(none.fromDay > none.toDay).toBe(true); // a run that ends before day 90 has no P
  });

  it('the window maximum skips empty days and days outside the window', () => {
    const days = range(10);
    expect(windowMax(days, Float64Array.from([9, 1, NaN, 3, 2, 0, 0, 0, 0, 0]), { fromDay: 1, toDay: 9, short: false })).toBe(3);
    expect(windowMax(days, new Float64Array(10).fill(NaN), { fromDay: 0, toDay: 9, short: false })).toBeNaN();
  });

  it('a trend is 100 x the log slope: %/year', () => {
    const days = range(730);
    expect(trendPctPerYear(days, Float64Array.from(days, (d) => 5 * Math.exp((0.03 * d) / 365)), statWindow(729))).toBeCloseTo(3, 10);
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
    expect(means['day']).toBe(317); // W = days 135..499
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
