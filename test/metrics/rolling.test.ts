import { describe, expect, it } from 'vitest';
import { RollingScalar, RollingSum } from '../../sim/metrics/rolling.js';

describe('metrics/rolling', () => {
  it('a 3-day window sums the last 3 pushes, per agent', () => {
    const r = new RollingSum(2, 3);
    const days = [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]];
    const sums: number[][] = [];
    for (const d of days) { r.push(Float64Array.from(d)); sums.push(Array.from(r.sum)); }
    // day 0: 1; day 1: 1+2; day 2: 1+2+3; day 3: 2+3+4 = 9; day 4: 3+4+5 = 12 (and x10 for agent 1).
    expect(sums).toEqual([[1, 10], [3, 30], [6, 60], [9, 90], [12, 120]]);
  });

  it('the span counts the days covered, up to the window', () => {
    const r = new RollingSum(1, 3);
    const spans: number[] = [];
    for (let d = 0; d < 5; d++) { r.push(Float64Array.of(1)); spans.push(r.span); }
    expect(spans).toEqual([1, 2, 3, 3, 3]);
  });

  it('values are kept as float32, so a sum of them returns to 0 exactly once they leave', () => {
    const r = new RollingSum(1, 2);
    r.push(Float64Array.of(0.1));
    r.push(Float64Array.of(0.2));
    r.push(Float64Array.of(0));
    r.push(Float64Array.of(0));
    expect(r.sum[0]).toBe(0);
  });

  it('row(k) reads back the values that entered k days before the last push, as float32, across the wrap', () => {
    const r = new RollingSum(2, 3);
    expect(() => r.row(0)).toThrow(RangeError);
    for (let d = 1; d <= 5; d++) r.push(Float64Array.of(d + 0.1, -d));
    expect(Array.from(r.row(0))).toEqual([Math.fround(5.1), -5]);
    expect(Array.from(r.row(1))).toEqual([Math.fround(4.1), -4]);
    expect(Array.from(r.row(2))).toEqual([Math.fround(3.1), -3]);
    expect(() => r.row(3)).toThrow(/0 to 2, got 3/);
    expect(() => r.row(0.5)).toThrow(RangeError);
  });

  it('a scalar window keeps a sum and a mean of the last values', () => {
    const r = new RollingScalar(3);
    expect(r.mean).toBeNaN();
    for (const v of [2, 4, 6, 8]) r.push(v);
    // last three: 4 + 6 + 8 = 18, mean 6.
    expect(r.sum).toBe(18);
    expect(r.mean).toBe(6);
    expect(r.span).toBe(3);
  });
});
