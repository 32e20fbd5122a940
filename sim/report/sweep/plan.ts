/**
 * sweep.json (docs/sweeps.md): the expanded plan of a sweep, as the report reads it. The schema checks
 * what the report relies on and ignores fields it does not use, so the runner may add more.
 *
 * Each point's full assignment over the swept keys (`assignment`) is what the small multiples and the
 * heatmaps group by: a key a point does not set is "the default" (undefined here).
 */
import { z } from 'zod';

const value = z.union([z.number(), z.string(), z.boolean()]);

export const SweepPointSchema = z.object({
  id: z.string(),
  params: z.record(z.string(), value),
  kind: z.enum(['grid', 'sensitivity']),
  key: z.string().optional(),
  value: value.optional(),
  of: z.string().optional(),
});

export const SweepRunSchema = z.object({
  run: z.string(),
  preset: z.string(),
  point: z.string(),
  replicate: z.number().int(),
  seed: z.number().int(),
});

export const SweepPlanSchema = z.object({
  name: z.string(),
  file: z.string(),
  fileHash: z.string(),
  baseSeed: z.number().int(),
  replicates: z.number().int().min(1),
  presets: z.array(z.string()).min(1),
  sweptKeys: z.array(z.string()),
  points: z.array(SweepPointSchema).min(1),
  runs: z.array(SweepRunSchema),
});

export type SweepValue = z.infer<typeof value>;
export type SweepPoint = z.infer<typeof SweepPointSchema>;
export type SweepPlan = z.infer<typeof SweepPlanSchema>;

/** The keys of the grid (swept together), in file order; the rest of `sweptKeys` are sensitivity keys. */
export function gridKeys(plan: SweepPlan): string[] {
  const set = new Set(plan.points.filter((p) => p.kind === 'grid').flatMap((p) => Object.keys(p.params)));
  return plan.sweptKeys.filter((k) => set.has(k));
}

/** The point whose fan charts a report draws: `base` if the plan has it, else the first grid point. */
export function referencePoint(plan: SweepPlan): SweepPoint {
  return plan.points.find((p) => p.id === 'base') ?? plan.points.find((p) => p.kind === 'grid') ?? plan.points[0]!;
}

/** A point's value of each swept key; undefined where the point leaves the key at its default. */
export function assignment(plan: SweepPlan, point: SweepPoint): Map<string, SweepValue | undefined> {
  return new Map(plan.sweptKeys.map((k) => [k, point.params[k]]));
}

/** The replicate seeds, by replicate index (the same for every preset and point). */
export function replicateSeeds(plan: SweepPlan): Map<number, number> {
  const seeds = new Map<number, number>();
  for (const r of plan.runs) if (!seeds.has(r.replicate)) seeds.set(r.replicate, r.seed);
  return new Map([...seeds].sort((a, b) => a[0] - b[0]));
}
