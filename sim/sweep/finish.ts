/**
 * finishSweep(dir, json, failed, timing): the one code path that turns a folder of finished runs into a
 * sweep folder: runs.csv, summary.csv and their Parquet forms, and metrics.parquet (aggregate.ts,
 * docs/data.md), failed.csv (when a run failed), sweep.json, timings.json and manifest.json,
 * each written to a temporary sibling and renamed into place, manifest.json last. Both `abundance sweep` (sim/sweep/run.ts) and `abundance merge` (sim/sweep/merge.ts) end here,
 * so a merged folder is what the one-machine sweep writes, file for file, byte for byte: a file added
 * to a sweep folder is added here, and both get it.
 *
 * Everything but timings.json depends on the run folders and the plan alone (each run's scenario is
 * read from its manifest.json, not from the sweep file), never on how, where or when the runs were made,
 * nor on the form the runs keep their data in (`--run-files csv|none`, sim/io/runData.ts). A failed run
 * is left out of runs.csv, summary.csv and metrics.parquet alike.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempSibling } from '../io/atomic.js';
import { onInterrupt } from '../io/interrupt.js';
import { readManifest } from '../io/manifest.js';
import { FAILED_CSV, failedCsvText, type FailedRun } from '../io/failedCsv.js';
import { sweepJsonText, type SweepJson } from '../io/sweepJson.js';
import { SWEEP_FILES, sweepManifest } from '../io/sweepManifest.js';
import { TIMINGS_JSON, sweepTimings, type TimingsInput } from '../io/sweepTimings.js';
import { DERIVED_FILES, foreignTargets, OutputPathError } from '../io/outputPath.js';
import { REPORT_FILES } from '../io/runFiles.js';
import { aggregateSweep } from './aggregate.js';
import { commitFiles } from './folder.js';

export { DERIVED_FILES };

export interface SweepFolderFiles {
  runsCsv: string; summaryCsv: string; runsParquet: string; summaryParquet: string; metricsParquet: string;
  sweepJson: string; manifest: string; timings: string; failedCsv?: string;
}

/** What finishSweep measures itself is left out of the timings it is given. */
export type FinishTimings = Omit<TimingsInput, 'aggregateMs' | 'totalMs' | 'failed'> & { started: number };

/**
 * Write the sweep folder's own files for the whole sweep `json` (no `shard`) whose runs are in `dir`,
 * `failed` of them failed (no folder; listed in failed.csv, absent from runs.csv, summary.csv and
 * metrics.parquet).
 */
export async function finishSweep(dir: string, json: SweepJson, failed: readonly FailedRun[], timing: FinishTimings): Promise<SweepFolderFiles> {
  const failedFile = failed.length > 0 ? { failedCsv: join(dir, FAILED_CSV) } : {};
  const files: SweepFolderFiles = {
    runsCsv: join(dir, SWEEP_FILES.runs),
    summaryCsv: join(dir, SWEEP_FILES.summary),
    runsParquet: join(dir, SWEEP_FILES.runsParquet),
    summaryParquet: join(dir, SWEEP_FILES.summaryParquet),
    metricsParquet: join(dir, SWEEP_FILES.metricsParquet),
    sweepJson: join(dir, SWEEP_FILES.plan),
    timings: join(dir, TIMINGS_JSON),
    ...failedFile,
    manifest: join(dir, SWEEP_FILES.manifest),
  };
  const temps = Object.fromEntries(Object.entries(files).map(([k, path]) => [k, tempSibling(path)])) as Record<keyof SweepFolderFiles, string>;
  const dropTemps = (): void => Object.values(temps).forEach((t) => rmSync(t, { force: true }));
  const undoTemps = onInterrupt(dropTemps);
  try {
    const aggregateStarted = Date.now();
    const skip = new Set(failed.map((f) => f.run));
    await aggregateSweep(json, dir, temps, (run) => readManifest(join(dir, run.run)).scenario, skip);
    const aggregateMs = Date.now() - aggregateStarted;
    if (failed.length > 0) writeFileSync(temps.failedCsv, failedCsvText(failed));
    writeFileSync(temps.sweepJson, sweepJsonText(json));
    const names = Object.values(files).map((p) => basename(p));
    const { started, ...rest } = timing;
    writeFileSync(temps.timings, JSON.stringify(sweepTimings({ ...rest, failed: failed.length, aggregateMs, totalMs: Date.now() - started }), null, 2) + '\n');
    writeFileSync(temps.manifest, JSON.stringify(sweepManifest(json, json.runs.length, failed.length, names), null, 2) + '\n');
    // What was derived from an earlier runs.csv (claims, comparisons, the report) would now disagree
    // with it: remove it; `abundance report` (or --report) derives it again. So would an old failed.csv.
    // Checked again here (a resume can take hours): only what the program made is deleted.
    const foreign = foreignTargets(dir, DERIVED_FILES);
    if (foreign.length > 0) throw new OutputPathError(dir, `holds ${foreign.sort().slice(0, 5).join(', ')}, which the program did not write: finishing the sweep would delete ${foreign.length > 1 ? 'them' : 'it'} with the old report; move ${foreign.length > 1 ? 'them' : 'it'} away`);
    for (const derived of DERIVED_FILES) rmSync(join(dir, derived), { recursive: derived === REPORT_FILES.charts, force: true });
    if (failed.length === 0) rmSync(join(dir, FAILED_CSV), { force: true });
    commitFiles((Object.keys(files) as (keyof SweepFolderFiles)[]).map((k) => ({ tmp: temps[k], path: files[k]! })));
  } catch (error) {
    dropTemps();
    throw error;
  } finally {
    undoTemps();
  }
  return files;
}
