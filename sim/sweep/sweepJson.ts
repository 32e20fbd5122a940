/**
 * The sweep folder's two JSON files (docs/sweeps.md):
 *
 *   sweep.json     the expanded plan: name, file, its sha256, base seed, replicates, presets, swept keys,
 *                  points, runs (and the day stride and --set flags). Deterministic: no dates, no timings.
 *   manifest.json  what varies between two sweeps of the same file: when, how long, on what (engine,
 *                  Node and package versions), how many workers, how many runs were run or reused.
 */
import { packageVersions, projectPackage } from '../io/manifest.js';
import type { SweepPlan } from './plan.js';

export const SWEEP_FILES = { plan: 'sweep.json', manifest: 'manifest.json', runs: 'runs.csv', summary: 'summary.csv' } as const;

export function sweepJson(plan: SweepPlan, fileHash: string): unknown {
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
    points: plan.points,
    runs: plan.runs.map((r) => ({ run: r.run, preset: r.preset, point: r.point, replicate: r.replicate, seed: r.seed, params: r.params })),
  };
}

export interface SweepTimings {
  created: Date;
  totalMs: number;
  /** Wall time of the runs phase and of writing runs.csv/summary.csv. */
  runsMs: number;
  aggregateMs: number;
  /** Sum of the engine's wall time over the runs made now (not the reused ones). */
  simulateMs: number;
}

export function sweepManifest(plan: SweepPlan, fileHash: string, counts: { ran: number; reused: number; workers: number }, t: SweepTimings): unknown {
  const pkg = projectPackage();
  return {
    name: plan.name,
    file: plan.file,
    fileHash,
    created: t.created.toISOString(),
    engineVersion: pkg.version,
    node: process.version,
    packages: packageVersions(pkg.dependencies),
    workers: counts.workers,
    runs: plan.runs.length,
    ran: counts.ran,
    reused: counts.reused,
    wallMs: { total: Math.round(t.totalMs), runs: Math.round(t.runsMs), aggregate: Math.round(t.aggregateMs), simulate: Math.round(t.simulateMs) },
    runsPerSecond: t.runsMs > 0 ? Number(((counts.ran * 1000) / t.runsMs).toFixed(3)) : null,
    files: Object.values(SWEEP_FILES).sort(),
  };
}
