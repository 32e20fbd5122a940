import { describe, expect, it } from 'vitest';
import { arange, expandForm, linspace, sample, MAX_VALUES, type SweepProblem } from '../../sim/sweep/forms.js';

const ctx = { key: 'demurrage.rate', path: 'sweep.demurrage.rate', baseSeed: 1, integer: false };
const expand = (raw: unknown, over: Partial<typeof ctx> = {}): { values: unknown[]; at: string[]; problems: SweepProblem[] } => {
  const problems: SweepProblem[] = [];
  const out = expandForm(raw, { ...ctx, ...over }, problems);
  return { values: out.map((v) => v.value), at: out.map((v) => v.at), problems };
};

describe('sweep/forms: lists', () => {
  it('a bare list and {values} give the values in order, each named by its index', () => {
    expect(expand([7, 30, 90])).toEqual({ values: [7, 30, 90], at: ['sweep.demurrage.rate[0]', 'sweep.demurrage.rate[1]', 'sweep.demurrage.rate[2]'], problems: [] });
    const v = expand({ values: ['a', 'b'] });
    expect(v.values).toEqual(['a', 'b']);
    expect(v.at).toEqual(['sweep.demurrage.rate.values[0]', 'sweep.demurrage.rate.values[1]']);
  });

  it('refuses an empty list, a value given twice, and a scalar', () => {
    expect(expand([]).problems[0]?.text).toMatch(/at least one value/);
    const twice = expand({ values: [7, 30, 7] });
    expect(twice.values).toEqual([7, 30]);
    expect(twice.problems).toEqual([{ path: 'sweep.demurrage.rate.values[2]', text: expect.stringMatching(/already sweep.demurrage.rate.values\[0\]/) }]);
    expect(expand(0.06).problems[0]?.text).toMatch(/expected a list of values .* got 0.06 .*fixed/);
  });

  it('names an unknown form with a did-you-mean, and refuses two forms at once', () => {
    expect(expand({ valuse: [1] }).problems[0]).toEqual({ path: 'sweep.demurrage.rate.valuse', text: expect.stringContaining('did you mean "values"?') });
    expect(expand({ values: [1], linspace: [0, 1, 2] }).problems[0]?.text).toMatch(/one form, not 2/);
  });
});

describe('sweep/forms: linspace and arange', () => {
  it('linspace includes both ends, without float noise', () => {
    expect(linspace([0, 0.12, 4], 'x', [])).toEqual([0, 0.04, 0.08, 0.12]);
    expect(linspace([1, 0, 3], 'x', [])).toEqual([1, 0.5, 0]);
    expect(linspace([5, 9, 1], 'x', [])).toEqual([5]);
  });

  it('arange excludes `to`, also when a float step lands on it', () => {
    expect(arange([0, 1, 0.25], 'x', [])).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange([0, 0.3, 0.1], 'x', [])).toEqual([0, 0.1, 0.2]); // 0.3 / 0.1 = 2.9999999999999996
    expect(arange([0.1, 0.7, 0.2], 'x', [])).toEqual([0.1, 0.3, 0.5]); // 0.6 / 0.2 = 2.9999999999999996
    expect(arange([0, 1, 0.1], 'x', [])).toHaveLength(10);
    expect(arange([10, 0, -2.5], 'x', [])).toEqual([10, 7.5, 5, 2.5]);
    expect(arange([1, 2, 0.5], 'x', [])).toEqual([1, 1.5]);
  });

  it('names each bad part of a linspace or arange', () => {
    const p: SweepProblem[] = [];
    linspace([0, 'a', 0], 'L', p);
    arange([0, 1, 0], 'A', p);
    arange([1, 0, 1], 'B', p);
    arange([0, 1], 'C', p);
    linspace([0, 1, MAX_VALUES + 1], 'D', p);
    expect(p.map((x) => x.path)).toEqual(['L[1]', 'L[2]', 'A[2]', 'B', 'C', 'D[2]']);
    expect(p[3]?.text).toMatch(/empty \(to is excluded\)/);
  });

  it('rounds generated values on an integer field and drops the repeats', () => {
    expect(expand({ linspace: [1, 3, 5] }, { integer: true }).values).toEqual([1, 2, 3]); // 1, 1.5, 2, 2.5, 3
    expect(expand({ linspace: [0, 0.12, 4] }).at[1]).toBe('sweep.demurrage.rate.linspace (value 2 of 4)');
  });
});

describe('sweep/forms: sample', () => {
  const draw = (body: unknown, key = 'pricing.mu0', baseSeed = 1): number[] => sample(body, 'S', { key, baseSeed }, []);

  it('depends on the base seed and the key only', () => {
    const a = draw({ n: 20, from: 0, to: 1 });
    expect(draw({ n: 20, from: 0, to: 1 })).toEqual(a);
    expect(draw({ n: 20, from: 0, to: 1 }, 'bank.k')).not.toEqual(a);
    expect(draw({ n: 20, from: 0, to: 1 }, 'pricing.mu0', 2)).not.toEqual(a);
    expect(draw({ n: 5, from: 0, to: 1 })).toEqual(a.slice(0, 5)); // the stream, not n, decides each draw
  });

  it('draws uniformly inside [from, to], rounded to 6 significant digits', () => {
    const xs = draw({ n: 2000, from: 2, to: 4 });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThanOrEqual(4);
    for (const x of xs) expect(Number(x.toPrecision(6))).toBe(x);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(2.9);
    expect(mean).toBeLessThan(3.1);
    expect(xs.filter((x) => x < 2.5).length / xs.length).toBeCloseTo(0.25, 1);
  });

  it('log-uniform spreads the draws evenly over the decades', () => {
    const xs = draw({ n: 3000, from: 0.01, to: 100, scale: 'log-uniform' });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.01);
    expect(Math.max(...xs)).toBeLessThanOrEqual(100);
    for (const [lo, hi] of [[0.01, 0.1], [0.1, 1], [1, 10], [10, 100]]) {
      const share = xs.filter((x) => x >= lo! && x < hi!).length / xs.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
    // A uniform draw over the same range would put 90 % of the draws in the last decade.
    expect(draw({ n: 3000, from: 0.01, to: 100 }).filter((x) => x >= 10).length / 3000).toBeGreaterThan(0.85);
  });

  it('names a bad count, range, scale or key', () => {
    const p: SweepProblem[] = [];
    sample({ n: 0, from: 0, to: 1 }, 'S', { key: 'k', baseSeed: 1 }, p);
    sample({ n: 2, from: 1, to: 1 }, 'T', { key: 'k', baseSeed: 1 }, p);
    sample({ n: 2, from: 0, to: 1, scale: 'log-uniform' }, 'U', { key: 'k', baseSeed: 1 }, p);
    sample({ n: 2, from: 0, to: 1, scale: 'loguniform' }, 'V', { key: 'k', baseSeed: 1 }, p);
    sample({ n: 2, from: 0, too: 1 }, 'W', { key: 'k', baseSeed: 1 }, p);
    expect(p.map((x) => x.path)).toEqual(['S.n', 'T', 'U.from', 'V.scale', 'W.too', 'W.to']);
    expect(p[3]?.text).toContain('did you mean "log-uniform"?');
    expect(p[4]?.text).toContain('did you mean "to"?');
  });
});
