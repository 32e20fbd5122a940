import { describe, expect, it } from 'vitest';
import { binMeans, binningFor, hasValues } from '../../sim/report/aggregate.js';

describe('report/aggregate', () => {
  it('weekly aggregation ignores NaN days and leaves an empty week as a gap, not zero', () => {
    const days = Array.from({ length: 21 }, (_, d) => d);
    const values = days.map((d) => (d < 7 ? (d % 2 === 0 ? 10 : NaN) : d < 14 ? NaN : 4));
    const binned = binMeans(days, values, 7);
    expect(binned.x).toEqual([0, 7, 14]);
    expect(binned.y).toEqual([10, null, 4]);
  });

  it('bins start at the first day of the run', () => {
    const binned = binMeans([10, 11, 12, 14], [1, 2, 3, 5], 7);
    expect(binned.x).toEqual([7, 14]);
    expect(binned.y).toEqual([2, 5]);
  });

  it('a series with no value at all has no values', () => {
    expect(hasValues(binMeans([0, 1, 2], [NaN, NaN, NaN], 7))).toBe(false);
    expect(binMeans([], [], 7)).toEqual({ x: [], y: [] });
  });

  it('runs up to five years are weekly, longer runs use 30-day bins', () => {
    expect(binningFor(3650 / 2)).toEqual({ days: 7, label: 'weekly' });
    expect(binningFor(3650)).toEqual({ days: 30, label: '30-day' });
    expect(binningFor(36500).days).toBe(30);
  });
});
