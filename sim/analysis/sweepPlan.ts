/**
 * sweep.json (docs/sweeps.md): the expanded plan of a sweep folder, read and checked before anything
 * else is. What `compare` and the claims rely on: the presets, the points (grid or sensitivity, with
 * `key`, `value` and `of` for the latter) and the runs (folder, preset, point, replicate, seed).
 * Anything else in the file is kept but not needed. A malformed file is an AnalysisError naming the
 * field path and what was expected.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AnalysisError } from './errors.js';

const Param = z.union([z.number(), z.string(), z.boolean()]);

const PointSchema = z.looseObject({
  id: z.string().min(1),
  params: z.record(z.string(), Param),
  kind: z.enum(['grid', 'sensitivity']),
  key: z.string().optional(),
  value: Param.optional(),
  of: z.string().optional(),
});

const RunSchema = z.looseObject({
  run: z.string().min(1),
  preset: z.string().min(1),
  point: z.string().min(1),
  replicate: z.number().int().min(0),
  seed: z.number().int(),
  params: z.record(z.string(), Param).optional(),
});

const PlanSchema = z.looseObject({
  name: z.string(),
  presets: z.array(z.string().min(1)).min(1),
  sweptKeys: z.array(z.string()).default([]),
  replicates: z.number().int().min(1).optional(),
  baseSeed: z.number().optional(),
  points: z.array(PointSchema).min(1),
  runs: z.array(RunSchema).min(1),
});

export type SweepPoint = z.infer<typeof PointSchema>;
export type SweepRun = z.infer<typeof RunSchema>;
export type SweepPlan = z.infer<typeof PlanSchema>;

export const SWEEP_FILE = 'sweep.json';

/** Read `<dir>/sweep.json`; throws AnalysisError when the folder is missing, not a sweep or malformed. */
export function readSweepPlan(dir: string): SweepPlan {
  if (!existsSync(dir)) throw new AnalysisError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new AnalysisError(`${dir}: not a folder (expected a sweep folder written by "abundance sweep")`);
  const file = join(dir, SWEEP_FILE);
  if (!existsSync(file)) {
    const runFolder = existsSync(join(dir, 'metrics.csv'));
    throw new AnalysisError(`${dir}: not a sweep folder (no ${SWEEP_FILE}${runFolder ? '; this is a run folder' : ''}); expected the output of "abundance sweep"`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AnalysisError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = PlanSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${file}: ${i.path.join('.') || '(the file)'}: ${i.message}`);
    throw new AnalysisError(lines.join('\n'));
  }
  checkReferences(parsed.data, file);
  return parsed.data;
}

/** Every run names a listed preset and point; every sensitivity point has key, value and of. */
function checkReferences(plan: SweepPlan, file: string): void {
  const points = new Set(plan.points.map((p) => p.id));
  const problems: string[] = [];
  plan.points.forEach((p, i) => {
    if (p.kind === 'sensitivity' && (p.key === undefined || p.value === undefined || p.of === undefined)) {
      problems.push(`${file}: points.${i}: a sensitivity point needs "key", "value" and "of"`);
    }
  });
  plan.runs.forEach((r, i) => {
    if (!plan.presets.includes(r.preset)) problems.push(`${file}: runs.${i}.preset: "${r.preset}" is not in presets (${plan.presets.join(', ')})`);
    if (!points.has(r.point)) problems.push(`${file}: runs.${i}.point: "${r.point}" is not a listed point`);
  });
  if (problems.length > 0) throw new AnalysisError(problems.slice(0, 5).join('\n'));
}
