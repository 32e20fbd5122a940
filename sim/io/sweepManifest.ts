/**
 * A sweep folder's manifest.json (docs/sweeps.md): on what the sweep was made: the engine, Node and
 * package versions, the project's git commit, the sweep file's hash, the number of runs and the files.
 * Deterministic: no dates, no timings, no worker count, no host, so a sweep made on one machine and the
 * same sweep merged from shards made on many (`abundance merge`) have byte-identical manifests. What
 * varies from one making to the next (when, how long, how many workers, runs made or reused, which
 * host) is in timings.json (sim/io/sweepTimings.ts). (sweep.json, sim/io/sweepJson.ts, holds the plan.)
 *
 * One schema: the runner writes it, the report's provenance table reads it back. The fields of older
 * manifests (created, workers, ran, reused, wallMs, runsPerSecond) are still read.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseJsonWith } from './fileSchema.js';
import { gitProvenance } from './git.js';
import { packageVersions, projectPackage } from './manifest.js';
import { METRICS_PARQUET } from './metricsParquet.js';
import { RUNS_CSV } from './runsCsv.js';
import { RUNS_PARQUET } from './runsParquet.js';
import { SUMMARY_CSV } from './summaryCsv.js';
import { SUMMARY_PARQUET } from './summaryParquet.js';
import { SWEEP_JSON } from './sweepJson.js';

/** The files of a sweep folder besides its runs (listed in its manifest; the Parquet files: docs/data.md). */
export const SWEEP_FILES = {
  plan: SWEEP_JSON, manifest: 'manifest.json', runs: RUNS_CSV, summary: SUMMARY_CSV,
  runsParquet: RUNS_PARQUET, summaryParquet: SUMMARY_PARQUET, metricsParquet: METRICS_PARQUET,
} as const;

export const SweepManifestSchema = z.object({
  name: z.string(),
  file: z.string(),
  fileHash: z.string(),
  engineVersion: z.string(),
  node: z.string(),
  packages: z.record(z.string(), z.string()),
  git: z.object({ commit: z.string(), dirty: z.boolean() }).optional(),
  runs: z.number().int(),
  /** Runs that failed (listed in failed.csv; absent from runs.csv and summary.csv). */
  failed: z.number().int().optional(),
  files: z.array(z.string()),
  // Written by versions before timings.json; read, never written.
  created: z.string().optional(),
  workers: z.number().int().optional(),
  ran: z.number().int().optional(),
  reused: z.number().int().optional(),
  wallMs: z.object({ total: z.number(), runs: z.number(), aggregate: z.number(), simulate: z.number() }).optional(),
  runsPerSecond: z.number().nullable().optional(),
});

export type SweepManifest = z.infer<typeof SweepManifestSchema>;

/** The manifest of a sweep with `runs` planned runs, `failed` of them failed, and these files. */
export function sweepManifest(plan: { name: string; file: string; fileHash: string }, runs: number, failed: number, files: readonly string[]): SweepManifest {
  const pkg = projectPackage();
  const git = gitProvenance();
  return {
    name: plan.name,
    file: plan.file,
    fileHash: plan.fileHash,
    engineVersion: pkg.version,
    node: process.version,
    packages: packageVersions(pkg.dependencies),
    ...(git === undefined ? {} : { git }),
    runs,
    ...(failed === 0 ? {} : { failed }),
    files: [...files].sort(),
  };
}

/** Read a sweep's manifest.json and its text; throws naming the file and the field. */
export function readSweepManifest(path: string): { manifest: SweepManifest; text: string } {
  const text = readFileSync(path, 'utf8');
  return { manifest: parseJsonWith(SweepManifestSchema, text, path), text };
}
