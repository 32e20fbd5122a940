/**
 * sweep.json (docs/sweeps.md): the expanded plan of a sweep folder: name, file, its sha256, base seed,
 * replicates, presets, swept keys, the day stride of summary.csv, the --set flags, the points (grid;
 * sensitivity, with `key`, `value` and `of`; or sample, with `design` and `unit`), the runs (folder,
 * preset, point, replicate, seed, swept values) and, for a sample design, `sample`. Deterministic: no
 * dates, no timings (those are in the sweep's manifest.json, sim/io/sweepManifest.ts).
 *
 * One schema: the runner writes a SweepJson, and `compare`, the claims and the report read one back
 * through readSweepJson, which names the field path and what was expected when the file is malformed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SweepPlan } from '../sweep/plan.js';
import { parseJsonWith, parseWith } from './fileSchema.js';

export const SWEEP_JSON = 'sweep.json';

const Value = z.union([z.number(), z.string(), z.boolean()]);
const Params = z.record(z.string(), Value);

export const SweepPointSchema = z.object({
  id: z.string().min(1),
  params: Params,
  kind: z.enum(['grid', 'sensitivity', 'sample']),
  key: z.string().optional(),
  value: Value.optional(),
  of: z.string().optional(),
  /** A sample point's role in its design (sim/sweep/sample.ts) and its unit coordinates, factor order. */
  design: z.union([
    z.object({ method: z.literal('sobol'), matrix: z.enum(['A', 'B', 'AB', 'BA']), row: z.number().int().min(0), param: z.string().optional() }),
    z.object({ method: z.literal('morris'), trajectory: z.number().int().min(0), step: z.number().int().min(0), param: z.string().optional(), delta: z.number().optional() }),
  ]).optional(),
  unit: z.array(z.number()).optional(),
});

/** The `sample:` design of a sweep (docs/sensitivity.md): method, N or r, Morris's levels, the factors in
 * order, and those drawn log-uniformly (absent when none). */
export const SampleDesignSchema = z.object({
  method: z.enum(['sobol', 'morris']),
  n: z.number().int().min(1),
  levels: z.number().int().min(2).optional(),
  params: z.array(z.string().min(1)).min(1),
  logUniform: z.array(z.string().min(1)).optional(),
});

export const SweepRunSchema = z.object({
  run: z.string().min(1),
  preset: z.string().min(1),
  point: z.string().min(1),
  replicate: z.number().int().min(0),
  seed: z.number().int(),
  params: Params,
});

export const SweepJsonSchema = z.object({
  name: z.string(),
  file: z.string(),
  fileHash: z.string(),
  baseSeed: z.number().int(),
  replicates: z.number().int().min(1),
  presets: z.array(z.string().min(1)).min(1),
  sweptKeys: z.array(z.string()),
  everyDays: z.number().int().min(1),
  set: z.array(z.string()),
  points: z.array(SweepPointSchema).min(1),
  runs: z.array(SweepRunSchema).min(1),
  /** Only when the points are a global sensitivity design (`sample:` in the sweep file). */
  sample: SampleDesignSchema.optional(),
  /**
   * Only in a shard's folder (`sweep --shard i/n`): which shard, and the sweep's hash, the sha256 of the
   * sweep.json of the whole sweep (this file without `shard`), which every shard of one sweep shares and
   * `abundance merge` checks. A merged or one-machine sweep.json has no `shard`.
   */
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1), sweepHash: z.string() }).optional(),
});

export type SweepValue = z.infer<typeof Value>;
export type SweepPoint = z.infer<typeof SweepPointSchema>;
export type SweepRun = z.infer<typeof SweepRunSchema>;
export type SweepJson = z.infer<typeof SweepJsonSchema>;

/** The sweep.json of a plan (fields in the order of the file). */
export function sweepJson(plan: SweepPlan, fileHash: string): SweepJson {
  return {
    name: plan.name,
    file: plan.file,
    fileHash,
    baseSeed: plan.baseSeed,
    replicates: plan.replicates,
    presets: plan.presets,
    sweptKeys: plan.sweptKeys,
    everyDays: plan.everyDays,
    set: plan.set,
    points: plan.points as SweepPoint[],
    runs: plan.runs.map((r) => ({ run: r.run, preset: r.preset, point: r.point, replicate: r.replicate, seed: r.seed, params: r.params as SweepRun['params'] })),
    ...(plan.sample ? { sample: plan.sample } : {}),
  };
}

export const sweepJsonText = (json: SweepJson): string => JSON.stringify(json, null, 2) + '\n';

/** The sweep.json of the whole sweep: `json` without its `shard`. */
export function unsharded(json: SweepJson): SweepJson {
  const { shard: _shard, ...whole } = json;
  return whole;
}

/** The sweep's hash: the sha256 of the text of its whole sweep.json (the plan's digest; shards share it). */
export const sweepHash = (json: SweepJson): string => createHash('sha256').update(sweepJsonText(unsharded(json))).digest('hex');

/** The plan of parsed JSON; throws naming the field path (`sweep.json: runs[0].replicate: ...`). */
export function parseSweepJson(data: unknown, file: string): SweepJson {
  const plan = parseWith(SweepJsonSchema, data, file);
  checkReferences(plan, file);
  return plan;
}

/** Read `<dir>/sweep.json` (and its text, for a hash); throws when the folder is missing, not a sweep or malformed. */
export function readSweepJson(dir: string): { plan: SweepJson; text: string } {
  if (!existsSync(dir)) throw new Error(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new Error(`${dir}: not a folder (expected a sweep folder written by "abundance sweep")`);
  const file = join(dir, SWEEP_JSON);
  if (!existsSync(file)) {
    const runFolder = existsSync(join(dir, 'metrics.csv'));
    throw new Error(`${dir}: not a sweep folder (no ${SWEEP_JSON}${runFolder ? '; this is a run folder' : ''}); expected the output of "abundance sweep"`);
  }
  const text = readFileSync(file, 'utf8');
  const plan = parseJsonWith(SweepJsonSchema, text, file);
  checkReferences(plan, file);
  return { plan, text };
}

/** Every run names a listed preset and point; every sensitivity point has key, value and of. */
function checkReferences(plan: SweepJson, file: string): void {
  const points = new Set(plan.points.map((p) => p.id));
  const problems: string[] = [];
  plan.points.forEach((p, i) => {
    if (p.kind === 'sensitivity' && (p.key === undefined || p.value === undefined || p.of === undefined)) {
      problems.push(`${file}: points.${i}: a sensitivity point needs "key", "value" and "of"`);
    }
    if (p.kind === 'sample' && (p.design === undefined || plan.sample === undefined)) {
      problems.push(`${file}: points.${i}: a sample point needs "design", and the file a "sample"`);
    }
  });
  plan.runs.forEach((r, i) => {
    if (!plan.presets.includes(r.preset)) problems.push(`${file}: runs.${i}.preset: "${r.preset}" is not in presets (${plan.presets.join(', ')})`);
    if (!points.has(r.point)) problems.push(`${file}: runs.${i}.point: "${r.point}" is not a listed point`);
  });
  if (problems.length > 0) throw new Error(problems.slice(0, 5).join('\n'));
}
