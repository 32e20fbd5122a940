/**
 * What the report asks of a sweep's plan (sweep.json, read by sim/io/sweepJson.ts): the grid keys,
 * the reference point, each point's assignment and the replicate seeds.
 *
 * Each point's full assignment over the swept keys (`assignment`) is what the small multiples and the
 * heatmaps group by: a key a point does not set is "the default" (undefined here).
 */
import type { SweepJson, SweepPoint, SweepValue } from '../../io/sweepJson.js';

export type { SweepPoint, SweepValue };
/** The plan as the report reads it: sweep.json (sim/io/sweepJson.ts). */
export type SweepPlan = SweepJson;

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
