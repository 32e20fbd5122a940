/**
 * sim/sensitivity/study.ts: indices of the mean over seeds, the seed-noise share beside them, missing
 * values dropped by point, and a metric that never varies left without indices.
 */
import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../sim/sensitivity/saltelli.js';
import { analyseDesign, type Design, type RunValues } from '../../sim/sensitivity/study.js';
import { samplePoints } from '../../sim/sweep/sample.js';

const N = 256;
const params = ['x1', 'x2'];
const saltelli = saltelliDesign(N, 2);
const design: Design = {
  method: 'sobol',
  params,
  points: saltelli.roles.map((role, i) => ({
    id: `sobol-${String(i + 1).padStart(5, '0')}`,
    design: 'param' in role ? { method: 'sobol', matrix: role.matrix, row: role.row, param: params[role.param]! } : { method: 'sobol', matrix: role.matrix, row: role.row },
  })),
};

/** Runs of y = 4 x1 + x2 plus seed noise +-e (two seeds: +e and -e, so the point means are exact). */
function runs(noise: number, metric = 'y'): RunValues[] {
  return design.points.flatMap((p, i) => {
    const [x1, x2] = [saltelli.unit[i * 2]!, saltelli.unit[i * 2 + 1]!];
    const y = 4 * x1 + x2;
    return [noise, -noise].map((e) => ({ preset: 'p', point: p.id, values: new Map([[metric, y + e]]) }));
  });
}

const opts = { metrics: ['y'], presets: ['p'], replicates: 2, bootstrap: 50, seed: 1 };

describe('sensitivity/study', () => {
  it('computes the indices on the mean over seeds: additive 4 x1 + x2 gives S1 = ST = 16/17 and 1/17', () => {
    const rows = analyseDesign(design, runs(0.5), opts);
    expect(rows.map((r) => r.param)).toEqual(params);
    expect(rows[0]!.S1.value).toBeCloseTo(16 / 17, 1);
    expect(rows[0]!.ST.value).toBeCloseTo(16 / 17, 1);
    expect(rows[1]!.ST.value).toBeCloseTo(1 / 17, 1);
    expect(rows[0]).toMatchObject({ method: 'sobol', nPoints: N * 4, nSeeds: 2 }); // A, B and the AB_i of every row; BA_i only for S2
  });

  it('reports the seed-noise share by the one-way ANOVA: W / (W + max(0, Var(point means) - W / R))', () => {
    // Within a point the two runs are y + e and y - e: W = 2 e^2. The point means are exact, their
    // variance that of 4 x1 + x2 on the unit square, 17 / 12.
    const e = 0.5;
    const share = analyseDesign(design, runs(e), opts)[0]!.seedNoiseShare;
    expect(share).toBeCloseTo((2 * e * e) / (2 * e * e + 17 / 12 - e * e), 1);
    expect(analyseDesign(design, runs(0), opts)[0]!.seedNoiseShare).toBe(0);
    // Parameters that move nothing: all of it is seed noise, though every point shares the seeds' draws
    // (the pooled variance of all runs would make it about R / (R - 1) = 2).
    const noiseOnly = design.points.flatMap((p) => [e, -e].map((x) => ({ preset: 'p', point: p.id, values: new Map([['y', 7 + x]]) })));
    expect(analyseDesign(design, noiseOnly, opts)[0]!.seedNoiseShare).toBe(1);
  });

  it('drops a point with a missing value or a failed run (its Saltelli row) and leaves a constant metric without indices', () => {
    const r = runs(0);
    r[3] = { ...r[3]!, values: new Map([['y', NaN]]) }; // point 2 (AB_1 of row 0), one of its seeds
    const rows = analyseDesign(design, r, opts);
    expect(rows[0]!.nPoints).toBe((N - 1) * 4);
    expect(Number.isFinite(rows[0]!.S1.value)).toBe(true);
    // A failed run has no row at all: its point has fewer values than the replicates and goes the same way.
    const failed = runs(0).filter((_, k) => k !== 3);
    expect(analyseDesign(design, failed, opts)[0]!.nPoints).toBe((N - 1) * 4);
    expect(() => analyseDesign(design, [...runs(0), { preset: 'p', point: 'p999', values: new Map([['y', 1]]) }], opts)).toThrow(/runs.csv names point "p999" of p, which is not a point of the design/);
    const flat = design.points.map((p) => ({ preset: 'p', point: p.id, values: new Map([['y', 7]]) }));
    const constant = analyseDesign(design, flat, opts)[0]!;
    expect([constant.S1.value, constant.ST.value, constant.seedNoiseShare]).toEqual([NaN, NaN, NaN]);
  });

  it('reproduces Ishigami\'s indices through the whole chain abundance sensitivity uses: the sweep\'s sample points (values rounded to 6 digits), their roles, 2 seeds', () => {
    const range = { kind: 'range', lo: -Math.PI, hi: Math.PI, scale: 'uniform', integer: false } as const;
    const points = samplePoints({ method: 'sobol', n: 4096, levels: 4, factors: ['x1', 'x2', 'x3'].map((key) => ({ key, ...range })) }, 1);
    const ishigami = (p: Record<string, unknown>): number => {
      const [a, b, c] = ['x1', 'x2', 'x3'].map((k) => p[k] as number) as [number, number, number];
      return Math.sin(a) + 7 * Math.sin(b) ** 2 + 0.1 * c ** 4 * Math.sin(a);
    };
    const runs = points.flatMap((p) => [0.01, -0.01].map((e) => ({ preset: 'p', point: p.id, values: new Map([['y', ishigami(p.params) + e]]) })));
    const rows = analyseDesign({ method: 'sobol', params: ['x1', 'x2', 'x3'], points }, runs, { ...opts, bootstrap: 20 });
    const close = (a: number, e: number): void => expect(Math.abs(a - e)).toBeLessThanOrEqual(5e-2 + 1e-1 * Math.abs(e)); // SALib's tolerances
    [0.3139, 0.4424, 0].forEach((e, i) => close(rows[i]!.S1.value, e));
    [0.5576, 0.4424, 0.2437].forEach((e, i) => close(rows[i]!.ST.value, e));
    expect(rows[0]!.seedNoiseShare).toBeLessThan(0.001);
  });
});
