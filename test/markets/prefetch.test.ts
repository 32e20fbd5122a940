import { describe, expect, it } from 'vitest';
import * as pf from '../../sim/markets/prefetch.js';

describe('markets/prefetch', () => {
  it('reads the fields of the listed agents only, writes nothing, and sums what it read into sink', () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    const b = Float64Array.from([10, 20, 30, 40]);
    const idx = Int32Array.from([3, 0, 2]);
    const before = pf.sink;
    pf.prefetch(idx, 1, 3, [a, b]); // agents idx[1], idx[2] = 0 and 2
    expect(pf.sink - before).toBe(1 + 3 + 10 + 30);
    expect(Array.from(a)).toEqual([1, 2, 3, 4]);
    expect(Array.from(b)).toEqual([10, 20, 30, 40]);
  });
});
