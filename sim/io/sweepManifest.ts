/**
 * A sweep folder's manifest.json (docs/sweeps.md): what varies between two sweeps of the same file:
 * when, how long, on what (engine, Node and package versions), how many workers, how many runs were
 * made or reused. (sweep.json, sim/io/sweepJson.ts, holds what does not vary.) One schema: the runner
 * writes it, the report's provenance table reads it back.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SweepPlan } from '../sweep/plan.js';
import { parseJsonWith } from './fileSchema.js';
import { packageVersions, projectPackage } from './manifest.js';
import { METRICS_PARQUET } from './metricsParquet.js';
import { RUNS_CSV } from './runsCsv.js';
import { RUNS_PARQUET } from './runsParquet.js';
import { SUMMARY_CSV } from './summaryCsv.js';
import { SUMMARY_PARQUET } from './summaryParquet.js';
import { SWEEP_JSON } from './sweepJson.js';

/** The files of a sweep folder besides its runs (the Parquet files: docs/data.md). */
export const SWEEP_FILES = {
  plan: SWEEP_JSON, manifest: 'manifest.json', runs: RUNS_CSV, summary: SUMMARY_CSV,
  runsParquet: RUNS_PARQUET, summaryParquet: SUMMARY_PARQUET, metricsParquet: METRICS_PARQUET,
} as const;

export const SweepManifestSchema = z.object({
  name: z.string(),
  file: z.string(),
  fileHash: z.string(),
  created: z.string(),
  engineVersion: z.string(),
  node: z.string(),
  packages: z.record(z.string(), z.string()),
  workers: z.number().int(),
  runs: z.number().int(),
  ran: z.number().int(),
  reused: z.number().int(),
  wallMs: z.object({ total: z.number(), runs: z.number(), aggregate: z.number(), simulate: z.number() }),
  runsPerSecond: z.number().nullable(),
  files: z.array(z.string()),
});

export type SweepManifest = z.infer<typeof SweepManifestSchema>;

export interface SweepTimings {
  created: Date;
  totalMs: number;
  /** Wall time of the runs phase and of writing runs.csv/summary.csv (and the Parquet files: docs/data.md). */
  runsMs: number;
  aggregateMs: number;
  /** Sum of the engine's wall time over the runs made now (not the reused ones). */
  simulateMs: number;
}

export function sweepManifest(plan: SweepPlan, fileHash: string, counts: { ran: number; reused: number; workers: number }, t: SweepTimings): SweepManifest {
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

/** Read a sweep's manifest.json and its text; throws naming the file and the field. */
export function readSweepManifest(path: string): { manifest: SweepManifest; text: string } {
  const text = readFileSync(path, 'utf8');
  return { manifest: parseJsonWith(SweepManifestSchema, text, path), text };
}
