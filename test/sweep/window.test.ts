import { describe, expect, it } from 'vitest';
import { windowDays, windowMeans } from '../../sim/sweep/window.js';

/** A table with `day` and one metric x = f(day). */
const table = (days: number, f: (d: number) => number) => ({
  columns: ['day', 'x'],
  rows: Array.from({ length: days }, (_, d) => Float64Array.from([d, f(d)])),
});

describe('sweep/window', () => {
  it('is the last 365 days after a 90-day burn-in, or every day from 90 in a shorter run', () => {
    expect(windowDays(729)).toEqual({ first: 365, last: 729 });
    expect(windowDays(454)).toEqual({ first: 90, last: 454 });
    expect(windowDays(199)).toEqual({ first: 90, last: 199 });
    const empty = windowDays(59);
    expect(empty.first).toBeGreaterThan(empty.last);
  });

  it('averages the finite values of each metric over the window, day left out', () => {
    expect(windowMeans(table(730, (d) => d))).toEqual({ metrics: ['x'], means: [(365 + 729) / 2] });
    expect(windowMeans(table(200, (d) => d)).means).toEqual([(90 + 199) / 2]);
    // Empty cells (NaN) are skipped, not counted as zero.
    expect(windowMeans(table(200, (d) => (d % 2 === 0 ? 10 : NaN))).means).toEqual([10]);
    expect(windowMeans(table(60, (d) => d)).means[0]).toBeNaN();
  });
});
