/**
 * The `sample:` key of a sweep file: a global sensitivity design (docs/sensitivity.md) instead of a grid.
 *
 *   sample:
 *     method: sobol            # Saltelli's design, n (2D + 2) points from a Sobol' sequence; or morris
 *     n: 32                    # sobol: the base sample N; morris: the trajectories r
 *     levels: 4                # morris only: the p of the p-level grid (even; default 4)
 *     params:                  # D factors: a range [lo, hi] or a discrete factor { values: [...] }
 *       bank.k: [10, 60]
 *       bank.rule: { values: [target, ratchet] }
 *     scale: uniform           # or log-uniform; one for every range, or a map per key
 *
 * sampleSpec(raw, baseSeed, problems) reads and checks it (every problem at its path in the file, with a
 * did-you-mean; every value each factor can take checked against the scenario schema); samplePoints(spec)
 * expands it to sweep points with stable ids (`sobol-00001` .. in design order, `morris-t01-s00` ..) that
 * carry their role in the design (`design`), so the analysis (sim/sensitivity/) knows which point is A,
 * B, AB_i or BA_i, or which step of which trajectory. A unit coordinate u maps to lo + u (hi - lo),
 * exp of that on the logs (log-uniform), or the value at floor(u k) of a list of k; an integer field
 * takes the whole numbers within [lo, hi] (factorValue; the points record the values used), other
 * numbers 6 significant digits, as the `sample` form of forms.ts (scaledValue). Pure.
 */
import { quoteChoices, show } from '../scenario/errors.js';
import { fieldAt } from '../scenario/fields.js';
import { isMapping, type Mapping } from '../scenario/keys.js';
import { closest } from '../scenario/suggest.js';
import { SALTELLI_MAX_FACTORS, saltelliDesign, type SaltelliRole } from '../sensitivity/saltelli.js';
import { morrisDesign, type MorrisRole } from '../sensitivity/morris.js';
import { checkScale, scaledValue, type Scale, type SweepProblem } from './forms.js';
import { checkLeafValue, normalizeValue } from './leaf.js';

export const SAMPLE_KEYS = ['method', 'n', 'levels', 'params', 'scale'] as const;
export const SAMPLE_METHODS = ['sobol', 'morris'] as const;
/** Limits: points of a design (the plan has its own limit on runs). */
export const MAX_SAMPLE_POINTS = 100_000;

export type Factor =
  | { key: string; kind: 'range'; lo: number; hi: number; scale: Scale; integer: boolean }
  | { key: string; kind: 'values'; values: unknown[] };

export interface SampleSpec {
  method: 'sobol' | 'morris';
  /** sobol: N; morris: r. */
  n: number;
  /** morris: p. */
  levels: number;
  factors: Factor[];
}

/** A point's role in its design, as sweep.json keeps it (param is the factor's key). */
export type DesignRole =
  | { method: 'sobol'; matrix: 'A' | 'B'; row: number }
  | { method: 'sobol'; matrix: 'AB' | 'BA'; row: number; param: string }
  | { method: 'morris'; trajectory: number; step: number; param?: string; delta?: number };

function unknownIn(map: Mapping, known: readonly string[], at: string, problems: SweepProblem[]): void {
  for (const k of Object.keys(map)) {
    if (known.includes(k)) continue;
    const guess = closest(k, known);
    problems.push({ path: `${at}.${k}`, text: `unknown key${guess.length ? `; did you mean ${quoteChoices(guess)}?` : '.'} Keys of ${at}: ${known.join(', ')}.` });
  }
}

/** Read `sample:`; problems are pushed (paths from `sample`), undefined when unusable. */
export function sampleSpec(raw: unknown, problems: SweepProblem[], unknownKey: (key: string) => string): SampleSpec | undefined {
  if (!isMapping(raw)) return void problems.push({ path: 'sample', text: `expected {method: sobol | morris, n, params: {key: [lo, hi] | {values: [...]}}, scale}, got ${show(raw)}` }), undefined;
  const before = problems.length;
  unknownIn(raw, SAMPLE_KEYS, 'sample', problems);
  const method = raw['method'];
  if (!(SAMPLE_METHODS as readonly unknown[]).includes(method)) {
    const guess = typeof method === 'string' ? closest(method, SAMPLE_METHODS) : [];
    problems.push({ path: 'sample.method', text: `expected one of ${SAMPLE_METHODS.join(', ')}, got ${show(method)}${guess.length ? `; did you mean ${quoteChoices(guess)}?` : ''}` });
  }
  const n = raw['n'];
  if (!(typeof n === 'number' && Number.isInteger(n) && n >= 2 && n <= MAX_SAMPLE_POINTS)) {
    problems.push({ path: 'sample.n', text: `expected an integer from 2 to ${MAX_SAMPLE_POINTS} (sobol: the base sample N, a power of 2 is best; morris: the trajectories r), got ${show(n)}` });
  }
  const levels = raw['levels'] ?? 4;
  if (method !== 'morris' && raw['levels'] !== undefined) problems.push({ path: 'sample.levels', text: 'levels is the p of a Morris grid; a sobol design has none' });
  else if (!(typeof levels === 'number' && Number.isInteger(levels) && levels >= 2 && levels <= 100 && levels % 2 === 0)) {
    problems.push({ path: 'sample.levels', text: `expected an even integer from 2 to 100, got ${show(levels)}` });
  }
  const params = raw['params'];
  if (!isMapping(params) || Object.keys(params).length === 0) {
    problems.push({ path: 'sample.params', text: `expected a mapping of scenario keys to [lo, hi] or {values: [...]}, got ${show(params)}` });
    return undefined;
  }
  const keys: string[] = [];
  const walk = (map: Mapping, prefix: string): [string, unknown][] => Object.entries(map).flatMap(([k, v]): [string, unknown][] => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (fieldAt(key) === undefined && !prefix && isMapping(v) && !('values' in v)) return walk(v, key);
    return [[key, v]];
  });
  const entries = walk(params, '');
  const scales = scalesOf(raw['scale'], entries.map(([k]) => k), problems);
  const factors: Factor[] = [];
  for (const [key, body] of entries) {
    const at = `sample.params.${key}`;
    if (key === 'seed') { problems.push({ path: at, text: 'the seed of each run comes from the base seed and the replicate; it cannot be a factor' }); continue; }
    if (fieldAt(key) === undefined) { problems.push({ path: at, text: unknownKey(key) }); continue; }
    if (keys.includes(key)) { problems.push({ path: at, text: 'given twice (once as a dotted key, once inside its group)' }); continue; }
    keys.push(key);
    const factor = factorOf(key, body, scales.get(key) ?? 'uniform', at, problems);
    if (factor) factors.push(factor);
  }
  if (method === 'sobol' && factors.length > SALTELLI_MAX_FACTORS) problems.push({ path: 'sample.params', text: `at most ${SALTELLI_MAX_FACTORS} factors for sobol (the Sobol' table has ${2 * SALTELLI_MAX_FACTORS} dimensions, the design takes 2D), got ${factors.length}` });
  if (problems.length > before || typeof n !== 'number') return undefined;
  const points = method === 'sobol' ? n * (2 * factors.length + 2) : n * (factors.length + 1);
  if (points > MAX_SAMPLE_POINTS) return void problems.push({ path: 'sample.n', text: `${points} design points; at most ${MAX_SAMPLE_POINTS}` }), undefined;
  return { method: method as SampleSpec['method'], n, levels: levels as number, factors };
}

function scalesOf(raw: unknown, keys: string[], problems: SweepProblem[]): Map<string, Scale> {
  const out = new Map<string, Scale>();
  const one = (v: unknown, at: string): Scale | undefined => checkScale(v, at, problems);
  if (raw === undefined) return out;
  if (!isMapping(raw)) {
    const s = one(raw, 'sample.scale');
    if (s) for (const k of keys) out.set(k, s);
    return out;
  }
  for (const [k, v] of Object.entries(raw)) {
    if (!keys.includes(k)) {
      const guess = closest(k, keys);
      problems.push({ path: `sample.scale.${k}`, text: `not a factor of sample.params${guess.length ? `; did you mean ${quoteChoices(guess)}?` : ''}` });
      continue;
    }
    const s = one(v, `sample.scale.${k}`);
    if (s) out.set(k, s);
  }
  return out;
}

function factorOf(key: string, body: unknown, scale: Scale, at: string, problems: SweepProblem[]): Factor | undefined {
  const check = (value: unknown, where: string): unknown => {
    const v = normalizeValue(key, value);
    for (const text of checkLeafValue(key, v)) problems.push({ path: where, text });
    return v;
  };
  if (isMapping(body)) {
    unknownIn(body, ['values'], at, problems);
    const values = body['values'];
    if (!Array.isArray(values) || values.length < 2) return void problems.push({ path: `${at}.values`, text: `expected a list of at least 2 values, got ${show(values)}` }), undefined;
    const checked = values.map((v, i) => check(v, `${at}.values[${i}]`));
    return { key, kind: 'values', values: checked };
  }
  if (!Array.isArray(body) || body.length !== 2 || !body.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    return void problems.push({ path: at, text: `expected a range [lo, hi] of two numbers or {values: [...]}, got ${show(body)}` }), undefined;
  }
  const [lo, hi] = body as [number, number];
  if (!(lo < hi)) return void problems.push({ path: at, text: `expected lo < hi, got [${lo}, ${hi}]` }), undefined;
  if (scale === 'log-uniform' && !(lo > 0)) return void problems.push({ path: at, text: `log-uniform needs lo > 0, got ${lo}` }), undefined;
  const integer = fieldAt(key)?.integer ?? false;
  const before = problems.length;
  // The ends as the design will use them: on an integer field the whole numbers within [lo, hi].
  check(integer ? Math.ceil(lo) : lo, `${at}[0]`);
  if (problems.length === before) check(integer ? Math.floor(hi) : hi, `${at}[1]`);
  if (problems.length > before) return undefined;
  if (integer && !(Math.ceil(lo) < Math.floor(hi))) return void problems.push({ path: at, text: `${key} takes whole numbers: [${lo}, ${hi}] holds fewer than two` }), undefined;
  return { key, kind: 'range', lo, hi, scale, integer };
}

/**
 * The value of a factor at unit coordinate u in [0, 1]. A list of k values: the one at floor(u k). An
 * integer field: on the uniform scale each whole number in [lo, hi] over an equal share of the unit
 * interval, as for a list; on the log scale the nearest whole number, kept within [lo, hi].
 */
export function factorValue(f: Factor, u: number): unknown {
  const nth = <T>(values: readonly T[]): T => values[Math.min(Math.floor(u * values.length), values.length - 1)]!;
  if (f.kind === 'values') return nth(f.values);
  if (f.integer && f.scale === 'uniform') {
    const lo = Math.ceil(f.lo);
    return nth(Array.from({ length: Math.floor(f.hi) - lo + 1 }, (_, k) => lo + k));
  }
  if (f.integer) return Math.min(Math.max(Math.round(Math.exp(Math.log(f.lo) + u * (Math.log(f.hi) - Math.log(f.lo)))), Math.ceil(f.lo)), Math.floor(f.hi));
  return scaledValue(u, f.lo, f.hi, f.scale);
}

export interface SamplePoint {
  id: string;
  params: Record<string, unknown>;
  /** The unit coordinates of the design, factor order. */
  unit: number[];
  design: DesignRole;
}

const pad = (i: number, w: number): string => String(i).padStart(w, '0');

/** The design's points; `seed` is the sweep's base seed (Morris draws its trajectories from it). */
export function samplePoints(spec: SampleSpec, seed: number): SamplePoint[] {
  const d = spec.factors.length;
  const keys = spec.factors.map((f) => f.key);
  const design = spec.method === 'sobol' ? saltelliDesign(spec.n, d) : morrisDesign(spec.n, d, spec.levels, seed);
  const total = design.roles.length;
  const width = Math.max(5, String(total).length);
  const tw = Math.max(2, String(spec.n).length);
  const sw = Math.max(2, String(d).length);
  return design.roles.map((role: SaltelliRole | MorrisRole, at): SamplePoint => {
    const unit = Array.from(design.unit.subarray(at * d, at * d + d));
    const params = Object.fromEntries(spec.factors.map((f, i) => [f.key, factorValue(f, unit[i]!)]));
    if ('matrix' in role) {
      const r: DesignRole = role.matrix === 'AB' || role.matrix === 'BA'
        ? { method: 'sobol', matrix: role.matrix, row: role.row, param: keys[role.param]! }
        : { method: 'sobol', matrix: role.matrix, row: role.row };
      return { id: `sobol-${pad(at + 1, width)}`, params, unit, design: r };
    }
    const r: DesignRole = 'param' in role
      ? { method: 'morris', trajectory: role.trajectory, step: role.step, param: keys[role.param]!, delta: role.delta }
      : { method: 'morris', trajectory: role.trajectory, step: 0 };
    return { id: `morris-t${pad(role.trajectory + 1, tw)}-s${pad(role.step, sw)}`, params, unit, design: r };
  });
}
