/**
 * The estimators of global sensitivity, on model outputs y laid out as their design (saltelli.ts,
 * morris.ts) lays out its points; a missing output is NaN.
 *
 *   sobolIndices(y, roles, d, opts)    first-order S1 (Saltelli et al. 2010, their eq. (b) of table 2:
 *                                      V_i = mean(f(B) (f(AB_i) - f(A)))), total-order ST (Jansen 1999:
 *                                      V_Ti = mean((f(A) - f(AB_i))^2) / 2), both divided by the variance
 *                                      of f over A and B together (as SALib does); second-order S_ij on
 *                                      request (Saltelli 2002: V_ij = mean(f(BA_i) f(AB_j) - f(A) f(B)),
 *                                      S_ij = V_ij / V - S_i - S_j)
 *   morrisIndices(y, roles, d, opts)   elementary effects EE = (y_s - y_{s-1}) / (+-Delta) per factor;
 *                                      mu* = mean |EE| (Campolongo et al. 2007), sigma = sd of EE
 *                                      (Morris 1991), and mu (the signed mean)
 *
 * Missing values: a Saltelli row (the 2D + 2 points of one j) with a NaN in A, B or an AB_i is dropped
 * from every index; one with a NaN only in a BA_i is dropped from S2 alone, which then rests on fewer rows
 * (S2 subtracts S_i and S_j as estimated on its own rows); a Morris elementary effect with a NaN end is
 * dropped. Zero variance (or fewer than 2 usable rows) gives no
 * indices (NaN, written as empty cells), never division garbage.
 *
 * 95 % intervals by the bootstrap (Efron's percentile interval): the rows (Saltelli) or the effects
 * (Morris) are resampled with replacement `bootstrap` times from seedrandom's alea stream
 * `sensitivity/<seed>`, so the same input always gives the same intervals. Sources: M. J. W. Jansen,
 * "Analysis of variance designs for model output", Comput. Phys. Commun. 117 (1999) 35-43; A. Saltelli
 * et al., Comput. Phys. Commun. 181 (2010) 259-270; A. Saltelli, Comput. Phys. Commun. 145 (2002)
 * 280-297; M. D. Morris, Technometrics 33 (1991) 161-174; F. Campolongo, J. Cariboni, A. Saltelli,
 * Environ. Model. Softw. 22 (2007) 1509-1518. Pure.
 */
import seedrandom from 'seedrandom';
import { quantilesOf } from '../stats/interval.js';
import type { SaltelliRole } from './saltelli.js';
import type { MorrisRole } from './morris.js';

export interface Interval { value: number; lo: number; hi: number }

export interface SobolResult {
  /** Rows of the base sample S1 and ST used (A, B and every AB_i of the row have a value). */
  rows: number;
  /** Rows S2 used (those rows whose BA_i have values too; 0 without secondOrder). */
  rowsS2: number;
  S1: Interval[];
  ST: Interval[];
  /** S2[i][j] for i < j, only with secondOrder (else empty). */
  S2: Interval[][];
}

export interface MorrisResult {
  /** Per factor: how many elementary effects were usable. */
  effects: number[];
  muStar: Interval[];
  mu: number[];
  sigma: number[];
}

export interface IndexOptions {
  /** Bootstrap resamples for the 95 % intervals (0: none, the bounds are NaN). */
  bootstrap: number;
  /** Seed of the resampling stream. */
  seed: number;
  /** Second-order Sobol' indices (Saltelli designs only). */
  secondOrder?: boolean;
}

const NONE: Interval = { value: NaN, lo: NaN, hi: NaN };

/** Population variance (ddof 0, as SALib's np.var). */
function variance(xs: ArrayLike<number>, idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += xs[i]!;
  const m = s / idx.length;
  let v = 0;
  for (const i of idx) v += (xs[i]! - m) ** 2;
  return v / idx.length;
}

/** The 2.5 % and 97.5 % points of xs, its finite values (R type 7, numpy's default: stats/interval.ts). */
export function percentileInterval(xs: readonly number[]): { lo: number; hi: number } {
  const [lo, hi] = quantilesOf(xs, [0.025, 0.975]) as [number, number];
  return { lo, hi };
}

/** `times` resamples of 0..n-1 with replacement, from the seeded stream. */
function resamples(n: number, times: number, seed: number): number[][] {
  const rng = seedrandom.alea(`sensitivity/${seed}`);
  return Array.from({ length: times }, () => Array.from({ length: n }, () => Math.floor(rng() * n)));
}

export function sobolIndices(y: ArrayLike<number>, roles: readonly SaltelliRole[], d: number, opts: IndexOptions): SobolResult {
  if (y.length !== roles.length) throw new RangeError(`sobolIndices: ${y.length} outputs for ${roles.length} design points`);
  // Per row j: the positions of A, B, AB_i, BA_i in y.
  const rowsMap = new Map<number, SaltelliRow>();
  roles.forEach((role, at) => {
    const r = rowsMap.get(role.row) ?? { a: -1, b: -1, ab: new Array<number>(d).fill(-1), ba: new Array<number>(d).fill(-1) };
    if (role.matrix === 'AB') r.ab[role.param] = at;
    else if (role.matrix === 'BA') r.ba[role.param] = at;
    else if (role.matrix === 'A') r.a = at;
    else r.b = at;
    rowsMap.set(role.row, r);
  });
  const rows = [...rowsMap.values()];
  const has = (i: number): boolean => i >= 0 && Number.isFinite(y[i]!);
  // S1 and ST need A, B and the AB_i of a row; S2 also its BA_i: a missing BA_i costs S2 that row, not S1 and ST.
  const first = sobolOn(y, rows.filter((r) => [r.a, r.b, ...r.ab].every(has)), d, opts, false);
  const second = opts.secondOrder === true ? sobolOn(y, rows.filter((r) => [r.a, r.b, ...r.ab, ...r.ba].every(has)), d, opts, true) : undefined;
  return { rows: first.rows, rowsS2: second?.rows ?? 0, S1: first.S1, ST: first.ST, S2: second?.S2 ?? [] };
}

/** The positions in y of one row's points (-1 where the design has none). */
interface SaltelliRow { a: number; b: number; ab: number[]; ba: number[] }

/** The indices on `complete` rows (each with every point the estimators read), with S2 when `withS2`. */
function sobolOn(y: ArrayLike<number>, complete: readonly SaltelliRow[], d: number, opts: IndexOptions, withS2: boolean): Omit<SobolResult, 'rowsS2'> {
  const n = complete.length;
  const fA = complete.map((r) => y[r.a]!);
  const fB = complete.map((r) => y[r.b]!);
  const fAB = Array.from({ length: d }, (_, i) => complete.map((r) => y[r.ab[i]!]!));
  const fBA = withS2 ? Array.from({ length: d }, (_, i) => complete.map((r) => y[r.ba[i]!]!)) : [];

  /** The indices on the rows `idx` (indices into `complete`). */
  const estimate = (idx: readonly number[]): { s1: number[]; st: number[]; s2: number[][] } => {
    const both = [...idx.map((k) => fA[k]!), ...idx.map((k) => fB[k]!)];
    const v = variance(both, both.map((_, i) => i));
    if (!(v > 1e-300) || idx.length < 2) return { s1: new Array<number>(d).fill(NaN), st: new Array<number>(d).fill(NaN), s2: [] };
    const mean = (f: (k: number) => number): number => idx.reduce((s, k) => s + f(k), 0) / idx.length;
    const s1 = fAB.map((ab) => mean((k) => fB[k]! * (ab[k]! - fA[k]!)) / v);
    const st = fAB.map((ab) => (0.5 * mean((k) => (fA[k]! - ab[k]!) ** 2)) / v);
    const s2 = fBA.map((ba, i) => fAB.map((ab, j) => (j <= i ? NaN : mean((k) => ba[k]! * ab[k]! - fA[k]! * fB[k]!) / v - s1[i]! - s1[j]!)));
    return { s1, st, s2 };
  };

  const all = Array.from({ length: n }, (_, k) => k);
  const point = estimate(all);
  const boots = n >= 2 && opts.bootstrap > 0 ? resamples(n, opts.bootstrap, opts.seed).map(estimate) : [];
  const interval = (value: number, pick: (e: ReturnType<typeof estimate>) => number): Interval =>
    Number.isFinite(value) ? { value, ...percentileInterval(boots.map(pick)) } : NONE;
  return {
    rows: n,
    S1: point.s1.map((v, i) => interval(v, (e) => e.s1[i]!)),
    ST: point.st.map((v, i) => interval(v, (e) => e.st[i]!)),
    S2: point.s2.map((row, i) => row.map((v, j) => interval(v, (e) => e.s2[i]?.[j] ?? NaN))),
  };
}

export function morrisIndices(y: ArrayLike<number>, roles: readonly MorrisRole[], d: number, opts: IndexOptions): MorrisResult {
  if (y.length !== roles.length) throw new RangeError(`morrisIndices: ${y.length} outputs for ${roles.length} design points`);
  const ee: number[][] = Array.from({ length: d }, () => []);
  roles.forEach((role, at) => {
    if (role.step === 0 || !('param' in role)) return;
    const prev = roles[at - 1];
    if (prev === undefined || prev.trajectory !== role.trajectory || prev.step !== role.step - 1) throw new RangeError(`morrisIndices: point ${at} does not follow its trajectory's previous step`);
    const e = (y[at]! - y[at - 1]!) / role.delta;
    if (Number.isFinite(e)) ee[role.param]!.push(e);
  });
  const absMean = (xs: readonly number[]): number => (xs.length ? xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length : NaN);
  const muStar = ee.map((xs, i): Interval => {
    const value = absMean(xs);
    if (!Number.isFinite(value)) return NONE;
    const boots = xs.length >= 2 && opts.bootstrap > 0 ? resamples(xs.length, opts.bootstrap, opts.seed + i).map((idx) => absMean(idx.map((k) => xs[k]!))) : [];
    return { value, ...percentileInterval(boots) };
  });
  const mu = ee.map((xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN));
  const sigma = ee.map((xs, i) => {
    if (xs.length < 2) return NaN;
    return Math.sqrt(xs.reduce((s, x) => s + (x - mu[i]!) ** 2, 0) / (xs.length - 1));
  });
  return { effects: ee.map((xs) => xs.length), muStar, mu, sigma };
}
