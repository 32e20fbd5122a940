/**
 * sweep(file, options) -> SweepOutcome: a sweep file run into a sweep folder (docs/sweeps.md).
 *
 *   sweep file -> (read, check every key, resolve every run's scenario: load.ts) -> plan
 *   -> (folder: refuse a path that is not a sweep's, sim/io/outputPath.ts, and an old sweep unless
 *   --resume; sweep.json written first, marking the folder as a sweep's; trust complete, undamaged
 *   runs) -> (make the rest on worker threads: execute.ts) -> (runs.csv + summary.csv, one point at a
 *   time: aggregate.ts) -> (runs.parquet, summary.parquet, metrics.parquet: parquet.ts) -> (sweep.json,
 *   manifest.json) -> each file renamed into place, manifest.json last
 *
 * Nothing is written before the whole plan is valid. A Ctrl-C leaves only complete runs and sweep.json
 * (and deletes both, and the folder, if no run was made in a folder that was empty), so `--resume` can
 * carry on from there.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { folderSafe } from '../scenario/names.js';
import { tempSibling } from '../io/atomic.js';
import { writeFileAtomically } from '../io/atomicFile.js';
import { onInterrupt } from '../io/interrupt.js';
import { checkOnlyOurs, checkOutputPath, COMPARE_CSV } from '../io/outputPath.js';
import { CLAIMS_JSON } from '../io/claimsJson.js';
import { REPORT_FILES } from '../io/runFiles.js';
import type { PlannedRun } from './plan.js';
import { aggregateSweep } from './aggregate.js';
import { executeRuns } from './execute.js';
import { writeSweepParquet } from './parquet.js';
import { checkFolder, clearLeftovers, commitFiles, runProblem } from './folder.js';
import { loadSweep, type LoadedSweep } from './load.js';
import type { RunFilesMode } from '../io/runData.js';
import { sweepJson, sweepJsonText } from '../io/sweepJson.js';
import { SWEEP_FILES, sweepManifest } from '../io/sweepManifest.js';

export interface SweepOptions {
  /** The sweep folder [default: runs/<name>]. */
  out?: string;
  /** Runs at a time, each on a worker thread [default: the cores]. */
  workers?: number;
  /** Reuse the complete runs of an earlier sweep into the same folder. */
  resume?: boolean;
  /** `path=value` flags applied to every run. */
  set?: string[];
  /** What each run folder keeps: its CSVs (`csv`, default) or only Parquet files and manifest.json (`none`). */
  runFiles?: RunFilesMode;
  /** Replicates instead of the file's `seeds` (quick looks, tests). */
  replicates?: number;
  /** Called as runs complete (reused runs count as done from the start). */
  onProgress?: (done: number, total: number) => void;
  /** Called for each earlier run folder found damaged (a truncated file, say), before it is made again. */
  onDamaged?: (run: PlannedRun, problem: string) => void;
}

export interface SweepOutcome {
  dir: string;
  files: { runsCsv: string; summaryCsv: string; sweepJson: string; manifest: string; runsParquet: string; summaryParquet: string; metricsParquet: string };
  runs: number;
  /** Runs made now, and runs reused from an earlier sweep (--resume). */
  ran: number;
  reused: number;
  wallMs: number;
}

export const defaultWorkers = (): number => availableParallelism();

/** Files of a sweep folder derived from its runs.csv by `compare` and `report`. */
export const DERIVED_FILES: readonly string[] = [CLAIMS_JSON, COMPARE_CSV, ...Object.values(REPORT_FILES)];

/**
 * `runs/<name>`, the name made safe for a folder. Not normalised (`join` would make a name ".." into
 * "."), so a refusal by checkOutputPath shows the path as it came from the name: `runs/..`.
 */
export function defaultOut(name: string): string {
  return `runs${sep}${folderSafe(name, 'sweep')}`;
}

/** Load, check and run a sweep file. */
export async function sweep(file: string, opts: SweepOptions = {}): Promise<SweepOutcome> {
  const loaded = loadSweep(file, { set: opts.set ?? [], ...(opts.replicates === undefined ? {} : { replicates: opts.replicates }) });
  return runSweep(loaded, opts);
}

/** Run an already loaded (and so valid) sweep. */
export async function runSweep(loaded: LoadedSweep, opts: SweepOptions = {}): Promise<SweepOutcome> {
  const { plan, fileHash } = loaded;
  const started = Date.now();
  const created = new Date();
  const dir = opts.out ?? defaultOut(plan.name);
  const workers = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  checkOutputPath(dir, 'sweep', 'fill'); // filled in place: only the files of DERIVED_FILES are deleted
  checkFolder(dir, opts.resume === true);
  const madeFolder = mkdirSync(dir, { recursive: true });
  const wasEmpty = madeFolder !== undefined || readdirSync(dir).length === 0;
  const undo = (): void => pruneEmpty(dir, madeFolder !== undefined, wasEmpty);
  const undoFolder = onInterrupt(undo);
  try {
    clearLeftovers(plan, dir);
    writeFileAtomically(join(dir, SWEEP_FILES.plan), sweepJsonText(sweepJson(plan, fileHash)));
    const pending = plan.runs.filter((run) => {
      const problem = runProblem(plan, dir, run);
      if (problem !== undefined && problem !== 'absent' && problem !== 'other') opts.onDamaged?.(run, problem);
      return problem !== undefined;
    });
    // A run made again replaces its folder whole: one holding files the program did not write is
    // refused (exit 2) before any run is made, not deleted.
    for (const run of pending) checkOnlyOurs(join(dir, run.run), 'run');
    const reused = plan.runs.length - pending.length;
    opts.onProgress?.(reused, plan.runs.length);
    const runsStarted = Date.now();
    const { made, simulateMs } = await executeRuns(plan, dir, pending, {
      workers,
      runFiles: opts.runFiles ?? 'csv',
      onRun: (n) => opts.onProgress?.(reused + n, plan.runs.length),
    });
    const runsMs = Date.now() - runsStarted;

    const files = {
      runsCsv: join(dir, SWEEP_FILES.runs),
      summaryCsv: join(dir, SWEEP_FILES.summary),
      sweepJson: join(dir, SWEEP_FILES.plan),
      manifest: join(dir, SWEEP_FILES.manifest),
      runsParquet: join(dir, SWEEP_FILES.runsParquet),
      summaryParquet: join(dir, SWEEP_FILES.summaryParquet),
      metricsParquet: join(dir, SWEEP_FILES.metricsParquet),
    };
    const temps = Object.fromEntries(Object.entries(files).map(([k, path]) => [k, tempSibling(path)])) as typeof files;
    const dropTemps = (): void => Object.values(temps).forEach((t) => rmSync(t, { force: true }));
    const undoTemps = onInterrupt(dropTemps);
    try {
      const aggregateStarted = Date.now();
      await aggregateSweep(plan, dir, { runsCsv: temps.runsCsv, summaryCsv: temps.summaryCsv });
      await writeSweepParquet(plan, dir, temps);
      const aggregateMs = Date.now() - aggregateStarted;
      writeFileSync(temps.sweepJson, sweepJsonText(sweepJson(plan, fileHash)));
      const timings = { created, totalMs: Date.now() - started, runsMs, aggregateMs, simulateMs };
      writeFileSync(temps.manifest, JSON.stringify(sweepManifest(plan, fileHash, { ran: made, reused, workers }, timings), null, 2) + '\n');
      // What was derived from an earlier runs.csv (claims, comparisons, the report) would now disagree
      // with it: remove it; `abundance report` (or --report) derives it again.
      for (const derived of DERIVED_FILES) rmSync(join(dir, derived), { recursive: true, force: true });
      commitFiles([
        { tmp: temps.runsCsv, path: files.runsCsv },
        { tmp: temps.summaryCsv, path: files.summaryCsv },
        { tmp: temps.runsParquet, path: files.runsParquet },
        { tmp: temps.summaryParquet, path: files.summaryParquet },
        { tmp: temps.metricsParquet, path: files.metricsParquet },
        { tmp: temps.sweepJson, path: files.sweepJson },
        { tmp: temps.manifest, path: files.manifest },
      ]);
    } catch (error) {
      dropTemps();
      throw error;
    } finally {
      undoTemps();
    }
    return { dir, files, runs: plan.runs.length, ran: made, reused, wallMs: Date.now() - started };
  } catch (error) {
    undo();
    throw error;
  } finally {
    undoFolder();
  }
}

/**
 * Remove the empty folders under `dir`; if `dir` was empty before this sweep and holds no run, its
 * sweep.json too (and `dir` itself if this sweep made it).
 */
function pruneEmpty(dir: string, removeSelf: boolean, wasEmpty: boolean): void {
  if (wasEmpty) {
    try {
      const runs = join(dir, 'runs');
      readdirSync(runs, { recursive: true, withFileTypes: true }).forEach((e) => {
        if (!e.isDirectory()) throw new Error('a run is there');
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return pruneFolders(dir, removeSelf);
    }
    const left = readdirSync(dir).filter((n) => n !== 'runs');
    if (left.length === 1 && left[0] === SWEEP_FILES.plan) rmSync(join(dir, SWEEP_FILES.plan), { force: true });
  }
  pruneFolders(dir, removeSelf);
}

function pruneFolders(dir: string, removeSelf: boolean): void {
  const walk = (d: string): boolean => {
    let entries: string[];
    try {
      entries = readdirSync(d, { withFileTypes: true }).filter((e) => !e.isDirectory() || !walk(join(d, e.name))).map((e) => e.name);
    } catch {
      return false;
    }
    if (entries.length > 0 || (d === dir && !removeSelf)) return false;
    try {
      rmdirSync(d);
      return true;
    } catch {
      return false;
    }
  };
  walk(dir);
}
