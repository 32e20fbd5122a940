import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../sim/stats/interval.js';
import { interval95, strideDays, summaryHeader, summaryRows } from '../../sim/io/summaryCsv.js';
import { parseCsvLine } from '../../sim/io/csvRecords.js';

const table = (values: number[]) => ({ columns: ['day', 'a', 'b'], rows: values.map((v, d) => Float64Array.from([d, v, NaN])) });

/** The lines summaryRows hands on, in order. */
function summaryLines(...args: Parameters<typeof summaryRows> extends [...infer A, unknown] ? A : never): string[] {
  const lines: string[] = [];
  summaryRows(...args, (line) => lines.push(line));
  return lines;
}

describe('io/summaryCsv', () => {
  it('has the header of docs/sweeps.md, with the swept keys after the point', () => {
    expect(summaryHeader(['bank.k']).join(',')).toBe('preset,point,bank.k,metric,day,n,mean,sd,ci95_lo,ci95_hi,q05,q25,q50,q75,q95');
  });

  it('takes every stride day and the last day', () => {
    expect(strideDays(9, 1)).toHaveLength(10);
    expect(strideDays(9, 4)).toEqual([0, 4, 8, 9]);
    expect(strideDays(8, 4)).toEqual([0, 4, 8]);
    expect(strideDays(-1, 4)).toEqual([]);
  });

  it('gives the numbers of meanInterval (the t quantile is only cached)', () => {
    for (const xs of [[1, 2, 3, 4], [5, 5.5], [0.1, 0.7, 0.2, 0.9, 0.4, 0.33]]) {
      const a = interval95(xs);
      const b = meanInterval(xs);
      expect(a.n).toBe(b.n);
      for (const k of ['mean', 'sd', 'lo', 'hi'] as const) expect(a[k]).toBeCloseTo(b[k], 12);
    }
    expect(interval95([3])).toMatchObject({ n: 1, mean: 3, sd: NaN, lo: NaN });
  });

  it('computes n, mean, sd, the t interval and type-7 quantiles across replicates, per day', () => {
    // Day 1 across three replicates: 1, 2, 4 -> mean 7/3, sd sqrt(7/3), t(0.975, 2) = 4.302653.
    const lines = summaryLines('gift', 'base', {}, [], [table([0, 1]), table([0, 2]), table([0, 4])], ['a', 'b'], 1);
    expect(lines).toHaveLength(2); // metric b has no value on any day: left out
    const cells = lines[1]!.split(',');
    expect(cells.slice(0, 5)).toEqual(['gift', 'base', 'a', '1', '3']);
    const [mean, sd, lo, hi, q05, q25, q50, q75, q95] = cells.slice(5).map(Number);
    const half = (4.302653 * Math.sqrt(7 / 3)) / Math.sqrt(3);
    expect(mean).toBeCloseTo(7 / 3, 5);
    expect(sd).toBeCloseTo(Math.sqrt(7 / 3), 5);
    expect(lo).toBeCloseTo(7 / 3 - half, 4);
    expect(hi).toBeCloseTo(7 / 3 + half, 4);
    // Type 7: position p (n - 1) in the sorted 1, 2, 4.
    expect([q05, q25, q50, q75, q95]).toEqual([1.1, 1.5, 2, 3, 3.8]);
    expect(lines[0]).toBe('gift,base,a,0,3,0,0,0,0,0,0,0,0,0');
  });

  it('counts only replicates with a value, leaves the interval empty below two, and writes the swept values', () => {
    const lines = summaryLines('peer-bank', 's-bank.k-7', { 'bank.k': 7 }, ['demurrage.rate', 'bank.k'], [table([5]), table([NaN])], ['a'], 1);
    expect(lines).toEqual(['peer-bank,s-bank.k-7,,7,a,0,1,5,,,,5,5,5,5,5']);
  });

  it('hands each row to a sink with the cells its line reads back as (what summary.parquet converts)', () => {
    const got: { line: string; cells: string[] }[] = [];
    // Names, a swept text and a metric that need quotes, and a swept key the point does not set.
    const odd = { columns: ['day', 'm,"1"'], rows: [Float64Array.from([0, 1]), Float64Array.from([1, 3])] };
    summaryRows('my "preset"', 'p,1', { 'a.b': 'x,"y"', 'c.d': 0.5 }, ['a.b', 'c.d', 'e.f'], [odd, { ...odd, rows: [Float64Array.from([0, 2])] }], ['m,"1"'], 1,
      (line, cells) => got.push({ line, cells: [...cells] }));
    expect(got.map((r) => r.line)).toEqual([
      '"my ""preset""","p,1","x,""y""",0.5,,"m,""1""",0,2,1.5,0.707107,-4.8531,7.8531,1.05,1.25,1.5,1.75,1.95',
      '"my ""preset""","p,1","x,""y""",0.5,,"m,""1""",1,1,3,,,,3,3,3,3,3',
    ]);
    for (const { line, cells } of got) expect(cells).toEqual(parseCsvLine(line));
    expect(got[0]!.cells.slice(0, 8)).toEqual(['my "preset"', 'p,1', 'x,"y"', '0.5', '', 'm,"1"', '0', '2']);
  });
});
