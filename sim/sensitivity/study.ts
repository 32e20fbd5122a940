/**
 * analyseDesign(design, runs, opts) -> SensitivityRow[]: the global sensitivity of every metric of a
 * sweep whose points are a `sample:` design (sim/sweep/sample.ts), per preset: Sobol' S1 and ST (and S2
 * on request) or Morris mu*, mu and sigma, from the estimators of indices.ts.
 *
 * The seed noise, as the literature on stochastic simulators does it (e.g. Marrel et al., "Global
 * sensitivity analysis of stochastic computer models with joint metamodels", Stat. Comput. 22 (2012)
 * 833-847: the indices of the mean response): the indices are computed on y(point) = the mean over the
 * point's seeds, and beside them
 *
 *   seed_noise_share = mean over points of the across-seed variance of the runs' values
 *                      / the variance of all the runs' values (both with n - 1),
 *
 * the share of the total variance of single runs that is replicate noise, not the parameters: near 0,
 * the indices explain the runs; near 1, the parameters barely move the metric beyond noise (and the
 * indices of the mean are then themselves noisy: the intervals say so). It needs 2 or more seeds.
 *
 * A point with any missing value of the metric (a claim statistic may be empty, a run may have failed)
 * is dropped (its y is NaN: the estimators drop its Saltelli row or Morris effect); n_points counts the
 * points that remain. Pure: the caller reads the files.
 */
import { morrisIndices, sobolIndices, type IndexOptions, type Interval } from './indices.js';
import type { MorrisRole } from './morris.js';
import type { SaltelliRole } from './saltelli.js';

/** One design point as sweep.json keeps it (sim/io/sweepJson.ts). */
export interface DesignPoint {
  id: string;
  design?:
    | { method: 'sobol'; matrix: 'A' | 'B' | 'AB' | 'BA'; row: number; param?: string | undefined }
    | { method: 'morris'; trajectory: number; step: number; param?: string | undefined; delta?: number | undefined };
}

export interface Design {
  method: 'sobol' | 'morris';
  /** The factors, in design order. */
  params: readonly string[];
  points: readonly DesignPoint[];
}

/** One run's values, by metric (NaN where empty). */
export interface RunValues { preset: string; point: string; values: ReadonlyMap<string, number> }

export interface SensitivityRow {
  preset: string;
  metric: string;
  /** `sobol` (S1, ST), `sobol-s2` (S2 of `param` = "a*b"), `morris` (mu*, mu, sigma). */
  method: 'sobol' | 'sobol-s2' | 'morris';
  param: string;
  S1: Interval;
  ST: Interval;
  S2: Interval;
  muStar: Interval;
  mu: number;
  sigma: number;
  seedNoiseShare: number;
  nPoints: number;
  nSeeds: number;
}

export interface StudyOptions extends IndexOptions {
  metrics: readonly string[];
  presets: readonly string[];
  /** Seeds per point (the sweep's replicates): a point with fewer values (a failed run) is dropped. */
  replicates: number;
}

const NONE: Interval = { value: NaN, lo: NaN, hi: NaN };

function sampleVariance(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/**
 * The share of the runs' variance that is seed noise, from the values of each point's R seeds: the
 * one-way random-effects ANOVA (Searle, Casella and McCulloch 1992, ch. 3): W = the mean within-point
 * variance, the between-point component max(0, Var(point means) - W / R), share = W / (W + that).
 * Every point runs on the same seeds (common random numbers), so pooling all runs' values would see a
 * seed's own effect through only R draws and underestimate the total: this estimator is 1 when the
 * parameters move nothing, whether or not the noise is shared, and 0 when the seeds move nothing.
 */
export function seedNoiseShare(byPoint: readonly (readonly number[])[], replicates: number): number {
  if (replicates < 2 || byPoint.length < 2) return NaN;
  const within = byPoint.map(sampleVariance);
  const w = within.reduce((s, x) => s + x, 0) / within.length;
  const between = Math.max(0, sampleVariance(byPoint.map((xs) => xs.reduce((s, x) => s + x, 0) / xs.length)) - w / replicates);
  return w + between > 1e-300 ? w / (w + between) : NaN;
}

/** The roles of the design's points, checked: every point has one of the design's method. */
export function rolesOf(design: Design): SaltelliRole[] | MorrisRole[] {
  const index = new Map(design.params.map((p, i) => [p, i]));
  const param = (p: string | undefined, id: string): number => {
    const i = p === undefined ? undefined : index.get(p);
    if (i === undefined) throw new Error(`point ${id}: its design names factor ${JSON.stringify(p)}, not one of ${design.params.join(', ')}`);
    return i;
  };
  if (design.method === 'sobol') {
    return design.points.map((p): SaltelliRole => {
      const d = p.design;
      if (d?.method !== 'sobol') throw new Error(`point ${p.id} has no role in the sobol design`);
      return d.matrix === 'AB' || d.matrix === 'BA' ? { matrix: d.matrix, row: d.row, param: param(d.param, p.id) } : { matrix: d.matrix, row: d.row };
    });
  }
  return design.points.map((p): MorrisRole => {
    const d = p.design;
    if (d?.method !== 'morris') throw new Error(`point ${p.id} has no role in the morris design`);
    if (d.step === 0) return { trajectory: d.trajectory, step: 0 };
    if (d.delta === undefined) throw new Error(`point ${p.id}: a Morris step needs its delta`);
    return { trajectory: d.trajectory, step: d.step, param: param(d.param, p.id), delta: d.delta };
  });
}

/**
 * What the indices are computed on: per design point (in design order), the values of `metric` in its
 * runs of one preset (`byPoint`) and their mean over seeds (`y`), NaN for a point with a missing value
 * or with fewer runs than the sweep's replicates (a failed run has no row in runs.csv). `at` maps a
 * point id to its index. Also what the report's scatter plots draw (sim/report/sweep/sensitivity.ts).
 */
export function pointMeans(design: Design, at: ReadonlyMap<string, number>, runs: readonly RunValues[], metric: string, replicates: number): { byPoint: number[][]; y: number[] } {
  const byPoint: number[][] = design.points.map(() => []);
  const missing = new Set<number>();
  for (const r of runs) {
    const i = at.get(r.point);
    if (i === undefined) throw new Error(`runs.csv names point ${JSON.stringify(r.point)} of ${r.preset}, which is not a point of the design`);
    const v = r.values.get(metric) ?? NaN;
    if (Number.isFinite(v)) byPoint[i]!.push(v);
    else missing.add(i);
  }
  const y = byPoint.map((xs, i) => (xs.length < replicates || missing.has(i) ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length));
  return { byPoint, y };
}

/** The point ids of a design, by index. */
export const pointIndex = (design: Design): Map<string, number> => new Map(design.points.map((p, i) => [p.id, i]));

export function analyseDesign(design: Design, runs: readonly RunValues[], opts: StudyOptions): SensitivityRow[] {
  const roles = rolesOf(design);
  const d = design.params.length;
  const at = pointIndex(design);
  const rows: SensitivityRow[] = [];
  for (const preset of opts.presets) {
    const mine = runs.filter((r) => r.preset === preset);
    for (const metric of opts.metrics) {
      const { byPoint, y } = pointMeans(design, at, mine, metric, opts.replicates);
      const kept = byPoint.filter((_, i) => Number.isFinite(y[i]!));
      const common = { preset, metric, seedNoiseShare: seedNoiseShare(kept, opts.replicates), nPoints: kept.length, nSeeds: opts.replicates };
      if (design.method === 'sobol') {
        const r = sobolIndices(y, roles as SaltelliRole[], d, opts);
        // The points each index used: A, B and the AB_i of S1's and ST's rows; those and the BA_i of S2's.
        const first = { ...common, nPoints: r.rows * (d + 2) };
        design.params.forEach((param, i) => rows.push({ ...first, method: 'sobol', param, S1: r.S1[i]!, ST: r.ST[i]!, S2: NONE, muStar: NONE, mu: NaN, sigma: NaN }));
        if (opts.secondOrder) {
          const second = { ...common, nPoints: r.rowsS2 * (2 * d + 2) };
          design.params.forEach((a, i) => design.params.forEach((b, j) => {
            if (j > i) rows.push({ ...second, method: 'sobol-s2', param: `${a}*${b}`, S1: NONE, ST: NONE, S2: r.S2[i]?.[j] ?? NONE, muStar: NONE, mu: NaN, sigma: NaN });
          }));
        }
      } else {
        const r = morrisIndices(y, roles as MorrisRole[], d, opts);
        design.params.forEach((param, i) => rows.push({ ...common, method: 'morris', param, S1: NONE, ST: NONE, S2: NONE, muStar: r.muStar[i]!, mu: r.mu[i]!, sigma: r.sigma[i]! }));
      }
    }
  }
  return rows;
}

/** How many factors a table of the answer shows per metric (the CLI's and the report's). */
export const TOP_FACTORS = 3;

/** A factor's weight in the ranking: ST for Sobol', mu* for Morris (NaN when it has none). */
export const rankKey = (r: SensitivityRow): number => (r.method === 'morris' ? r.muStar.value : r.ST.value);

/** The rows of one preset and metric, the most decisive factor first; factors without a value last. */
export function rankFactors(rows: readonly SensitivityRow[]): SensitivityRow[] {
  const key = (r: SensitivityRow): number => (Number.isFinite(rankKey(r)) ? rankKey(r) : -Infinity);
  return [...rows].sort((a, b) => key(b) - key(a));
}

/** The most decisive factors of one preset and metric that have an index, at most TOP_FACTORS, largest first. */
export const topFactors = (rows: readonly SensitivityRow[]): SensitivityRow[] =>
  rankFactors(rows).filter((r) => Number.isFinite(rankKey(r))).slice(0, TOP_FACTORS);
