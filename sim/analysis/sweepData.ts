/**
 * A sweep folder loaded for analysis: its plan (sweep.json) and the digest of every run, after checking
 * that every run is complete (a run folder is complete iff it has manifest.json, docs/sweeps.md).
 * `values(preset, point, name)` gives the per-replicate values that paired comparisons and claims use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFailedCsv } from '../io/failedCsv.js';
import { AnalysisError } from './errors.js';
import { digestValue, readRunDigestOfAnyForm, type RunDigest } from './runDigest.js';
import { readSweepPlan, type SweepPlan, type SweepRun } from './sweepPlan.js';

/** A run's digest with its place in the sweep. */
export type SweptDigest = RunDigest & { run: SweepRun };

export interface SweepData {
  dir: string;
  plan: SweepPlan;
  digests: SweptDigest[];
}

/** Runs of the plan whose folder has no manifest.json (still running, interrupted or failed). */
export function incompleteRuns(dir: string, plan: SweepPlan): string[] {
  return plan.runs.filter((r) => !existsSync(join(dir, r.run, 'manifest.json'))).map((r) => r.run);
}

/**
 * The runs of the plan to read: those listed in failed.csv (they threw; a sweep that went on, or a merge
 * with --allow-failed) are left out, as runs.csv, summary.csv and metrics.parquet leave them out; any
 * other run without manifest.json is an AnalysisError.
 */
function runsToRead(dir: string, plan: SweepPlan): SweepRun[] {
  const failed = new Set(readFailedCsv(dir).map((f) => f.run));
  const missing = incompleteRuns(dir, plan).filter((r) => !failed.has(r));
  if (missing.length > 0) {
    const shown = missing.slice(0, 3).join(', ');
    throw new AnalysisError(`${dir}: ${missing.length} of ${plan.runs.length} runs are incomplete (no manifest.json): ${shown}${missing.length > 3 ? ', ...' : ''}; finish the sweep first (abundance sweep ... --resume)`);
  }
  return plan.runs.filter((run) => !failed.has(run.run));
}

/**
 * Read a sweep folder whose runs keep their data in either form: their CSVs, or only Parquet
 * (--run-files none, docs/data.md), read asynchronously (hyparquet has no synchronous reader); the
 * claims, `--report` and `abundance compare` all read through it. AnalysisError when the folder is not
 * a sweep or some runs are incomplete. Runs listed in failed.csv are left out (runsToRead): the
 * statistics pair only the replicates that are there.
 */
export async function loadSweep(dir: string): Promise<SweepData> {
  const plan = readSweepPlan(dir);
  const digests: SweptDigest[] = [];
  for (const run of runsToRead(dir, plan)) digests.push({ run, ...(await readRunDigestOfAnyForm(join(dir, run.run))) });
  const data = { dir, plan, digests };
  checkCommonSeeds(data);
  return data;
}

/** The digests of one preset at one point, by replicate. */
export function runsAt(data: SweepData, preset: string, point: string): Map<number, SweptDigest> {
  const out = new Map<number, SweptDigest>();
  for (const d of data.digests) if (d.run.preset === preset && d.run.point === point) out.set(d.run.replicate, d);
  return out;
}

/**
 * The values of `name` (a metric's window mean or a `stat_` statistic) of one preset at one point, by
 * replicate. Runs of the same replicate must have the same seed: pairing them is what makes the
 * comparison one of common random numbers, so a mismatch is an error, never silently paired.
 */
export function valuesAt(data: SweepData, preset: string, point: string, name: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const [rep, d] of runsAt(data, preset, point)) out.set(rep, digestValue(d, name));
  return out;
}

/** Check that replicate r has one seed across all runs; AnalysisError naming the first mismatch. */
export function checkCommonSeeds(data: SweepData): void {
  const seeds = new Map<number, { seed: number; run: string }>();
  for (const d of data.digests) {
    const seen = seeds.get(d.run.replicate);
    if (seen === undefined) seeds.set(d.run.replicate, { seed: d.run.seed, run: d.run.run });
    else if (seen.seed !== d.run.seed) {
      throw new AnalysisError(`${join(data.dir, 'sweep.json')}: replicate ${d.run.replicate} has seed ${seen.seed} in ${seen.run} but ${d.run.seed} in ${d.run.run}; paired comparisons need the same seeds (common random numbers)`);
    }
  }
}
