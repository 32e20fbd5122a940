/**
 * planSweep(spec, resolve) -> SweepPlan: the points of a sweep, its runs, and the resolved scenario of
 * every run, all before the first run starts, so a value that only fails with the rest of its run's
 * scenario (liked genres above the genres, say) stops the sweep at once with nothing written.
 *
 *   grid      the Cartesian product of the `sweep` keys, in key order as written (the last key varies
 *             fastest): `base` when nothing is swept, else p000, p001, ...
 *   sensitivity  each `sensitivity` key's values one at a time around every grid point: s-<key>-<value>
 *             (prefixed by the grid point's id when the grid has more than `base`)
 *   sample    or, with a `sample:` design (sample.ts), its points in design order: sobol-00001, ... or
 *             morris-t01-s00, ..., each with its role in the design
 *   runs      preset x point x replicate, in that order; replicate r has seed replicateSeed(base, r)
 *             whatever its preset and point (common random numbers)
 *
 * Pure: `resolve` is the scenario resolver with the file system bound (sim/sweep/load.ts).
 */
import { PRESET_NAMES } from '../scenario/presets.js';
import { folderSafe } from '../scenario/names.js';
import { ScenarioError, errorOf, issueAt, show, type ScenarioIssue } from '../scenario/errors.js';
import { parseSetFlag, type ResolveOptions, type ResolvedScenario } from '../scenario/resolve.js';
import type { Scenario } from '../scenario/schema.js';
import type { Mapping } from '../scenario/keys.js';
import { replicateSeed } from './seeds.js';
import type { SweepSpec, SweptKey } from './spec.js';
import { samplePoints, type DesignRole } from './sample.js';

/** A swept value as written in sweep.json and runs.csv. */
export type ParamValue = unknown;
export type Params = Record<string, ParamValue>;

export interface SweepPoint {
  id: string;
  /** Only the swept values of this point (the rest is each run's scenario). */
  params: Params;
  kind: 'grid' | 'sensitivity' | 'sample';
  /** For a sensitivity point: the key varied, its value, and the grid point it varies. */
  key?: string;
  value?: ParamValue;
  of?: string;
  /** For a sample point: its role in the design, and its unit coordinates (factor order). */
  design?: DesignRole;
  unit?: number[];
}

/** A sweep's sample design, as sweep.json keeps it: the factors in order. */
/** A `sample:` design as sweep.json keeps it; `logUniform`: the factors drawn on the log scale (absent when none). */
export interface SampleDesign { method: 'sobol' | 'morris'; n: number; levels?: number; params: string[]; logUniform?: string[] }

export interface PlannedRun {
  /** The run's folder relative to the sweep folder (`runs/gift/base/r000`, always with `/`). */
  run: string;
  preset: string;
  point: string;
  replicate: number;
  seed: number;
  params: Params;
}

export interface SweepPlan {
  name: string;
  file: string;
  baseSeed: number;
  replicates: number;
  presets: string[];
  /** Grid keys then sensitivity keys, in file order. */
  sweptKeys: string[];
  points: SweepPoint[];
  runs: PlannedRun[];
  everyDays: number;
  /** The `--set` flags applied to every run. */
  set: string[];
  /** The resolved scenario of each (preset, point), seed aside: key `<preset>/<point>`. */
  scenarios: Map<string, ResolvedScenario>;
  /** The `sample:` design, when the points are one. */
  sample?: SampleDesign;
}

/** The resolver with the sweep file as origin and its file system bound. */
export type Resolve = (input: Mapping, opts: ResolveOptions) => ResolvedScenario;

/** Limits on the size of a plan: a typo should not make a billion runs. */
export const MAX_POINTS = 100_000;
export const MAX_RUNS = 1_000_000;

const pad3 = (i: number): string => String(i).padStart(3, '0');
const valueText = (v: ParamValue): string => String(v).replace(/[^A-Za-z0-9._-]+/g, '_');

/** The grid points then, after each, its sensitivity points (ids unique by construction or checked). */
export function expandPoints(grid: readonly SweptKey[], sensitivity: readonly SweptKey[]): SweepPoint[] {
  const gridPoints: SweepPoint[] = [];
  const sizes = grid.map((g) => g.values.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  if (total > MAX_POINTS) throw new RangeError(`${total} grid points (${sizes.join(' x ')}); at most ${MAX_POINTS}`);
  for (let i = 0; i < total; i++) {
    const params: Params = {};
    let rest = i;
    for (let k = grid.length - 1; k >= 0; k--) {
      const g = grid[k]!;
      params[g.key] = g.values[rest % g.values.length]!.value;
      rest = Math.floor(rest / g.values.length);
    }
    // Key order as written, not the order of the loop above.
    const ordered: Params = Object.fromEntries(grid.map((g) => [g.key, params[g.key]]));
    gridPoints.push({ id: grid.length === 0 ? 'base' : `p${pad3(i)}`, params: ordered, kind: 'grid' });
  }
  const out: SweepPoint[] = [];
  for (const g of gridPoints) {
    out.push(g);
    for (const s of sensitivity) {
      for (const { value } of s.values) {
        const id = `${g.id === 'base' ? '' : `${g.id}-`}s-${s.key}-${valueText(value)}`;
        out.push({ id, params: { ...g.params, [s.key]: value }, kind: 'sensitivity', key: s.key, value, of: g.id });
      }
    }
  }
  if (out.length > MAX_POINTS) throw new RangeError(`${out.length} points with the sensitivity points; at most ${MAX_POINTS}`);
  return out;
}

export function planSweep(spec: SweepSpec, resolve: Resolve, set: readonly string[] = [], replicatesOverride?: number): SweepPlan {
  const file = spec.file;
  const issues: ScenarioIssue[] = [];
  const sweptKeys = spec.sample ? spec.sample.factors.map((f) => f.key) : [...spec.grid, ...spec.sensitivity].map((s) => s.key);
  for (const flag of set) {
    const parsed = parseSetFlag(flag);
    if (typeof parsed === 'string') continue; // resolveScenario words it
    if (parsed.path === 'seed') issues.push({ file, fieldPath: 'seed', line: `--set ${flag}: the seed of each run comes from the sweep's base seed and the replicate; change seed in ${file}` });
    else if (sweptKeys.includes(parsed.path)) issues.push({ file, fieldPath: parsed.path, line: `--set ${flag}: ${parsed.path} is swept by ${file}; a flag would replace every swept value` });
  }
  let points: SweepPoint[];
  try {
    points = spec.sample
      ? samplePoints(spec.sample, spec.baseSeed).map((p) => ({ id: p.id, params: p.params, kind: 'sample', design: p.design, unit: p.unit }))
      : expandPoints(spec.grid, spec.sensitivity);
  } catch (error) {
    throw errorOf([issueAt(file, 'sweep', error instanceof Error ? error.message : String(error))]);
  }
  const ids = new Set<string>();
  for (const p of points) {
    if (ids.has(p.id)) issues.push(issueAt(file, `sensitivity.${p.key ?? ''}`, `two values give the same point id "${p.id}"; use values that differ in letters or digits`));
    ids.add(p.id);
  }
  if (issues.length > 0) throw errorOf(issues);

  // Each preset's scenario without swept values first: a bad fixed field is said once, not per point.
  const bases = spec.bases.map((base) => attempt(() => resolve({ extends: base, ...spec.fixed }, { set: [...set] }), issues));
  if (issues.length > 0) throw errorOf(dedupe(issues));
  // A run is labelled by its preset; one that extends a scenario file by that file's name, since its
  // institutions may not be the root preset's (an ablation judged as two-token would mislead a claim).
  const presets = bases.map((b, i) => labelOf(spec.bases[i]!, b!.scenario.name));

  const scenarios = new Map<string, ResolvedScenario>();
  spec.bases.forEach((base, i) => {
    for (const point of points) {
      const resolved = point.kind === 'grid' && point.id === 'base'
        ? bases[i]
        : attempt(() => resolve({ extends: base, ...spec.fixed }, { overrides: point.params, set: [...set] }), issues, `sweep point ${point.id} (${paramsText(point.params)}) of ${presets[i]}`);
      if (resolved !== undefined) scenarios.set(`${presets[i]}/${point.id}`, resolved);
    }
  });
  if (issues.length > 0) throw errorOf(dedupe(issues));

  const replicates = replicatesOverride ?? spec.replicates;
  const total = presets.length * points.length * replicates;
  if (total > MAX_RUNS) throw errorOf([issueAt(file, 'seeds', `${total} runs (${presets.length} presets x ${points.length} points x ${replicates} replicates); at most ${MAX_RUNS}`)]);
  const seeds = Array.from({ length: replicates }, (_, r) => replicateSeed(spec.baseSeed, r));
  const runs: PlannedRun[] = [];
  for (const preset of presets) {
    for (const point of points) {
      for (let r = 0; r < replicates; r++) {
        runs.push({ run: `runs/${preset}/${point.id}/r${pad3(r)}`, preset, point: point.id, replicate: r, seed: seeds[r]!, params: point.params });
      }
    }
  }
  const logUniform = spec.sample?.factors.flatMap((f) => (f.kind === 'range' && f.scale === 'log-uniform' ? [f.key] : [])) ?? [];
  const sample: SampleDesign | undefined = spec.sample && { method: spec.sample.method, n: spec.sample.n, ...(spec.sample.method === 'morris' ? { levels: spec.sample.levels } : {}), params: sweptKeys, ...(logUniform.length > 0 ? { logUniform } : {}) };
  return { name: spec.name, file, baseSeed: spec.baseSeed, replicates, presets, sweptKeys, points, runs, everyDays: spec.everyDays, set: [...set], scenarios, ...(sample ? { sample } : {}) };
}

/** The full scenario of one run: its (preset, point)'s scenario with the replicate's seed. */
export function scenarioOf(plan: SweepPlan, run: PlannedRun): Scenario {
  const resolved = resolvedOf(plan, run);
  return { ...resolved.scenario, seed: run.seed };
}

export function resolvedOf(plan: SweepPlan, run: Pick<PlannedRun, 'preset' | 'point'>): ResolvedScenario {
  const resolved = plan.scenarios.get(`${run.preset}/${run.point}`);
  if (resolved === undefined) throw new Error(`no scenario planned for ${run.preset}/${run.point}`);
  return resolved;
}

export function paramsText(params: Params): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${typeof v === 'string' ? v : show(v)}`);
  return parts.length ? parts.join(', ') : 'no swept value';
}

/** Run `fn`; a ScenarioError's lines become issues (with `context` appended), anything else is rethrown. */
function attempt<T>(fn: () => T, issues: ScenarioIssue[], context?: string): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    for (const line of error.message.split('\n')) {
      issues.push({ file: error.file, fieldPath: error.fieldPath, line: context ? `${line} (${context})` : line });
    }
    return undefined;
  }
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.line) ? false : (seen.add(i.line), true)));
}

/** The label of a sweep's base: a preset's name, or a scenario file's `name` made folder-safe. */
export function labelOf(base: string, scenarioName: string): string {
  if ((PRESET_NAMES as readonly string[]).includes(base)) return base;
  return folderSafe(scenarioName, 'scenario');
}
