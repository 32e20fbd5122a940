/**
 * sim/sensitivity/indices.ts against known answers: the Ishigami function (a = 7, b = 0.1) and Sobol's
 * g-function, within the tolerances SALib's own regression test uses (tests/test_regression.py:
 * assert_allclose(..., atol=5e-2, rtol=1e-1), N = 10000 there; 8192 here), and Morris screening of a
 * function with inert inputs.
 */
import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../sim/sensitivity/saltelli.js';
import { morrisDesign } from '../../sim/sensitivity/morris.js';
import { morrisIndices, sobolIndices } from '../../sim/sensitivity/indices.js';

/** numpy's assert_allclose: |actual - expected| <= atol + rtol |expected|. */
function expectClose(actual: number[], expected: number[], atol = 5e-2, rtol = 1e-1): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(atol + rtol * Math.abs(e));
  });
}

const ishigami = (x: number[]): number => {
  const [x1, x2, x3] = x.map((u) => -Math.PI + 2 * Math.PI * u) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};

/** Sobol's g-function on [0, 1]^d. */
const gFunction = (a: readonly number[]) => (x: number[]): number => x.reduce((p, xi, i) => p * (Math.abs(4 * xi - 2) + a[i]!) / (1 + a[i]!), 1);

/** Analytic S1 and ST of the g-function: V_i = 1 / (3 (1 + a_i)^2). */
function gIndices(a: readonly number[]): { s1: number[]; st: number[] } {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const total = vi.reduce((p, v) => p * (1 + v), 1) - 1;
  return {
    s1: vi.map((v) => v / total),
    st: vi.map((v, i) => (v * vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / total),
  };
}

function evaluate(unit: Float64Array, d: number, f: (x: number[]) => number): Float64Array {
  const n = unit.length / d;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = f(Array.from(unit.subarray(i * d, i * d + d)));
  return y;
}

describe('sensitivity/indices', () => {
  const opts = { bootstrap: 100, seed: 1 };

  it('reproduces the Ishigami indices (S1 0.3139, 0.4424, 0; ST 0.5576, 0.4424, 0.2437) within SALib\'s tolerances', () => {
    const design = saltelliDesign(8192, 3);
    const r = sobolIndices(evaluate(design.unit, 3, ishigami), design.roles, 3, { ...opts, secondOrder: true });
    expect(r.rows).toBe(8192);
    expectClose(r.S1.map((s) => s.value), [0.3139, 0.4424, 0]);
    expectClose(r.ST.map((s) => s.value), [0.5576, 0.4424, 0.2437]);
    // S13 = 0.2437 (the x1-x3 interaction), S12 = S23 = 0: SALib checks these too.
    expectClose([r.S2[0]![1]!.value, r.S2[0]![2]!.value, r.S2[1]![2]!.value], [0, 0.2437, 0]);
    // The intervals hold the estimate and the analytic value.
    r.ST.forEach((s, i) => {
      expect(s.lo).toBeLessThanOrEqual(s.value);
      expect(s.hi).toBeGreaterThanOrEqual(s.value);
      expect(s.hi - s.lo).toBeLessThan(0.1);
      expect([0.5576, 0.4424, 0.2437][i]!).toBeGreaterThan(s.lo - 0.02);
    });
  });

  it('reproduces the g-function indices for a = [0, 1, 4.5, 9, 99, 99, 99, 99]', () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const design = saltelliDesign(8192, a.length);
    const r = sobolIndices(evaluate(design.unit, a.length, gFunction(a)), design.roles, a.length, opts);
    const exact = gIndices(a);
    expectClose(r.S1.map((s) => s.value), exact.s1);
    expectClose(r.ST.map((s) => s.value), exact.st);
    expect(exact.s1[0]).toBeCloseTo(0.7162, 3); // the published value for x1
  });

  it('drops a row with a missing output and reports the rows used', () => {
    const design = saltelliDesign(64, 3);
    const y = evaluate(design.unit, 3, ishigami);
    y[2] = NaN; // AB_2 of row 0 (8 points a row: A, AB_1..3, BA_1..3, B)
    y[8 * 10 + 7] = NaN; // B of row 10
    y[8 * 20 + 5] = NaN; // BA_2 of row 20: needed for second order only
    expect(sobolIndices(y, design.roles, 3, opts).rows).toBe(62);
    const both = sobolIndices(y, design.roles, 3, { ...opts, secondOrder: true });
    // A missing BA_i costs S2 its row, not S1 and ST: they are the first-order run's, bit for bit.
    expect([both.rows, both.rowsS2]).toEqual([62, 61]);
    expect(both.S1).toEqual(sobolIndices(y, design.roles, 3, opts).S1);
    expect(both.ST).toEqual(sobolIndices(y, design.roles, 3, opts).ST);
    // S2 rests on the 61 rows with every point: as if row 20 had lost its A as well.
    const rowGone = Float64Array.from(y);
    rowGone[8 * 20] = NaN;
    const s2Rows = sobolIndices(rowGone, design.roles, 3, { ...opts, secondOrder: true });
    expect(s2Rows.rows).toBe(61);
    expect(both.S2).toEqual(s2Rows.S2);
    expect(Number.isFinite(both.S2[0]![1]!.value)).toBe(true);
  });

  it('gives no indices (NaN, not garbage) for an output with zero variance', () => {
    const design = saltelliDesign(32, 2);
    const r = sobolIndices(new Float64Array(design.roles.length).fill(3), design.roles, 2, opts);
    for (const s of [...r.S1, ...r.ST]) expect([s.value, s.lo, s.hi]).toEqual([NaN, NaN, NaN]);
  });

  it('gives the same intervals for the same seed, and others for another', () => {
    const design = saltelliDesign(128, 3);
    const y = evaluate(design.unit, 3, ishigami);
    const a = sobolIndices(y, design.roles, 3, opts);
    expect(sobolIndices(y, design.roles, 3, opts)).toEqual(a);
    expect(sobolIndices(y, design.roles, 3, { ...opts, seed: 2 }).S1[0]!.lo).not.toBe(a.S1[0]!.lo);
  });

  it('Morris screening finds the inert inputs: mu* and sigma 0 for x3 and x4 of 5x1 + x2^2 + 0 x3 + 0 x4', () => {
    const f = (x: number[]): number => 5 * x[0]! + x[1]! ** 2;
    const design = morrisDesign(40, 4, 4, 7);
    const r = morrisIndices(evaluate(design.unit, 4, f), design.roles, 4, opts);
    expect(r.effects).toEqual([40, 40, 40, 40]);
    expect(r.muStar[0]!.value).toBeCloseTo(5, 9); // linear: every effect is 5
    expect(r.sigma[0]).toBeCloseTo(0, 9);
    expect(r.muStar[1]!.value).toBeGreaterThan(0.5);
    expect(r.sigma[1]).toBeGreaterThan(0); // non-linear: effects differ
    for (const i of [2, 3]) {
      expect(r.muStar[i]!.value).toBe(0);
      expect(r.sigma[i]).toBe(0);
    }
  });

  it('Morris on Ishigami ranks x1 and x2 above x3 by mu*, and x3 acts only through interaction (sigma > mu)', () => {
    const design = morrisDesign(200, 3, 4, 3);
    const r = morrisIndices(evaluate(design.unit, 3, ishigami), design.roles, 3, opts);
    const mu = r.muStar.map((m) => m.value);
    expect(Math.min(mu[0]!, mu[1]!)).toBeGreaterThan(mu[2]!);
    expect(Math.abs(r.mu[2]!)).toBeLessThan(r.sigma[2]!);
  });
});
