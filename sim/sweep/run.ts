/**
 * sweep(file, options) -> SweepOutcome: a sweep file run into a sweep folder (docs/sweeps.md).
 *
 *   sweep file -> (read, check every key, resolve every run's scenario: load.ts) -> plan
 *   -> (with --shard i/n: keep the runs of shard i, shard.ts)
 *   -> (folder: refuse a path that is not a sweep's, sim/io/outputPath.ts, and an old sweep unless
 *   --resume; sweep.json written first, marking the folder as a sweep's; trust complete, undamaged
 *   runs) -> (make the rest on worker threads: execute.ts; a run that throws is recorded, not fatal)
 *   -> (finish.ts, shared with `abundance merge`: runs.csv + summary.csv one point at a time, runs.parquet,
 *   summary.parquet, metrics.parquet, failed.csv, sweep.json, timings.json, manifest.json, each renamed
 *   into place, manifest.json last)
 *   A shard's folder stops before finish.ts: sweep.json (with `shard`), its runs, failed.csv, timings.json.
 *
 * Nothing is written before the whole plan is valid. A Ctrl-C leaves only complete runs and sweep.json
 * (and deletes both, and the folder, if no run was made in a folder that was empty), so `--resume` can
 * carry on from there.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { folderSafe } from '../scenario/names.js';
import { writeFileAtomically } from '../io/atomicFile.js';
import { onInterrupt } from '../io/interrupt.js';
import { checkOnlyOurs, checkOutputPath, OutputPathError } from '../io/outputPath.js';
import { FAILED_CSV, failedCsvText, type FailedRun } from '../io/failedCsv.js';
import { projectPackage, readManifest } from '../io/manifest.js';
import { readSweepJson, sweepHash, sweepJson, sweepJsonText, type SweepJson } from '../io/sweepJson.js';
import { SWEEP_FILES } from '../io/sweepManifest.js';
import { TIMINGS_JSON, sweepTimings } from '../io/sweepTimings.js';
import type { PlannedRun } from './plan.js';
import { executeRuns } from './execute.js';
import { DERIVED_FILES, finishSweep, type FinishTimings, type SweepFolderFiles } from './finish.js';
import { checkFolder, clearLeftovers, runProblem } from './folder.js';
import { loadSweep, type LoadedSweep } from './load.js';
import { shardRuns, shardText, type Shard } from './shard.js';
import type { RunFilesMode } from '../io/runData.js';

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
  /** A `sample:` design's N (or r) instead of the file's `n` (quick looks, tests). */
  sampleN?: number;
  /** Make only the runs of this shard (sim/sweep/shard.ts), into a shard folder for `abundance merge`. */
  shard?: Shard;
  /** Called as runs complete (reused runs count as done from the start). */
  onProgress?: (done: number, total: number) => void;
  /** Called for each earlier run folder found damaged (a truncated file, say), before it is made again. */
  onDamaged?: (run: PlannedRun, problem: string) => void;
  /** Called for each run that throws (it is recorded in failed.csv and the sweep goes on). */
  onFail?: (failed: FailedRun) => void;
}

export interface SweepOutcome {
  dir: string;
  /** The sweep folder's own files (a shard folder has only sweep.json, timings.json and failed.csv). */
  files: Partial<SweepFolderFiles> & { sweepJson: string; timings: string };
  /** Runs of this sweep (of this shard, with `shard`). */
  runs: number;
  /** Runs made now, and runs reused from an earlier sweep (--resume). */
  ran: number;
  reused: number;
  /** Runs that threw, listed in failed.csv. */
  failed: FailedRun[];
  wallMs: number;
}

export const defaultWorkers = (): number => availableParallelism();

export { DERIVED_FILES };

/**
 * `runs/<name>`, the name made safe for a folder. Not normalised (`join` would make a name ".." into
 * "."), so a refusal by checkOutputPath shows the path as it came from the name: `runs/..`.
 */
export function defaultOut(name: string): string {
  return `runs${sep}${folderSafe(name, 'sweep')}`;
}

/** Load, check and run a sweep file. */
export async function sweep(file: string, opts: SweepOptions = {}): Promise<SweepOutcome> {
  const loaded = loadSweep(file, { set: opts.set ?? [], ...(opts.replicates === undefined ? {} : { replicates: opts.replicates }), ...(opts.sampleN === undefined ? {} : { sampleN: opts.sampleN }) });
  return runSweep(loaded, opts);
}

/** The sweep.json a folder gets: the whole plan's, plus `shard` in a shard's folder. */
export function folderSweepJson(loaded: LoadedSweep, shard: Shard | undefined): SweepJson {
  const whole = sweepJson(loaded.plan, loaded.fileHash);
  return shard === undefined ? whole : { ...whole, shard: { index: shard.index, count: shard.count, sweepHash: sweepHash(whole) } };
}

/** Run an already loaded (and so valid) sweep. */
export async function runSweep(loaded: LoadedSweep, opts: SweepOptions = {}): Promise<SweepOutcome> {
  const { plan } = loaded;
  const started = Date.now();
  const created = new Date();
  const dir = opts.out ?? defaultOut(plan.name);
  const workers = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  const shard = opts.shard;
  const mine = shard === undefined ? plan.runs : shardRuns(plan.runs, shard);
  checkOutputPath(dir, 'sweep', 'fill'); // filled in place: only the files of DERIVED_FILES are deleted
  checkFolder(dir, opts.resume === true);
  const json = folderSweepJson(loaded, shard);
  if (opts.resume === true) checkSameSweep(dir, json);
  const madeFolder = mkdirSync(dir, { recursive: true });
  const wasEmpty = madeFolder !== undefined || readdirSync(dir).length === 0;
  const undo = (): void => pruneEmpty(dir, madeFolder !== undefined, wasEmpty);
  const undoFolder = onInterrupt(undo);
  try {
    // Only this folder's own leftovers, of dead processes: another shard writes another folder.
    clearLeftovers(plan, dir);
    writeFileAtomically(join(dir, SWEEP_FILES.plan), sweepJsonText(json));
    const pending = mine.filter((run) => {
      const problem = runProblem(plan, dir, run);
      if (problem !== undefined && problem !== 'absent' && problem !== 'other') opts.onDamaged?.(run, problem);
      return problem !== undefined;
    });
    // A run made again replaces its folder whole: one holding files the program did not write is
    // refused (exit 2) before any run is made, not deleted.
    for (const run of pending) checkOnlyOurs(join(dir, run.run), 'run');
    const reused = mine.length - pending.length;
    opts.onProgress?.(reused, mine.length);
    const runsStarted = Date.now();
    const { made, simulateMs, runTimes, failed } = await executeRuns(plan, dir, pending, {
      workers,
      runFiles: opts.runFiles ?? 'csv',
      onRun: (n) => opts.onProgress?.(reused + n, mine.length),
      ...(opts.onFail === undefined ? {} : { onFail: opts.onFail }),
    });
    const timing: FinishTimings = { started, created, workers, ran: made, reused, runsMs: Date.now() - runsStarted, simulateMs, runTimes, ...(shard === undefined ? {} : { shard: shardText(shard) }) };
    const files = shard === undefined ? await finishSweep(dir, json, failed, timing) : finishShard(dir, failed, timing);
    return { dir, files, runs: mine.length, ran: made, reused, failed, wallMs: Date.now() - started };
  } catch (error) {
    undo();
    throw error;
  } finally {
    undoFolder();
  }
}

/**
 * A shard folder's own files at the end: failed.csv (or none) and timings.json. Its runs.csv and
 * summary.csv are made by `abundance merge`, from all the shards, through finishSweep.
 */
function finishShard(dir: string, failed: readonly FailedRun[], timing: FinishTimings): SweepOutcome['files'] {
  const { started, ...rest } = timing;
  const timings = join(dir, TIMINGS_JSON);
  const failedCsv = join(dir, FAILED_CSV);
  if (failed.length > 0) writeFileAtomically(failedCsv, failedCsvText(failed));
  else rmSync(failedCsv, { force: true });
  writeFileAtomically(timings, JSON.stringify(sweepTimings({ ...rest, failed: failed.length, aggregateMs: 0, totalMs: Date.now() - started }), null, 2) + '\n');
  return { sweepJson: join(dir, SWEEP_FILES.plan), timings, ...(failed.length > 0 ? { failedCsv } : {}) };
}

/**
 * --resume into a folder of another sweep, or of another shard of this one, or whose runs another
 * engine version made, is refused (exit 2) before anything is touched: its runs would be mixed with
 * this sweep's, or the folder would stop being what its sweep.json says.
 */
function checkSameSweep(dir: string, json: SweepJson): void {
  let old: SweepJson;
  try {
    old = readSweepJson(dir).plan;
  } catch {
    return; // an empty folder, or a sweep.json too damaged to say: runProblem judges each run
  }
  const shardOf = (j: SweepJson): string => (j.shard === undefined ? 'the whole sweep' : `shard ${j.shard.index}/${j.shard.count}`);
  const same = sweepHash(old) === sweepHash(json);
  if (same && shardOf(old) !== shardOf(json)) {
    throw new OutputPathError(dir, `holds ${shardOf(old)} of this sweep, not ${shardOf(json)}; resume it with the same --shard, or name another --out`);
  }
  // A shard folder belongs to its sweep (merge checks its hash): resuming it as part of another sweep
  // (another file, other --set values) would re-make its runs and leave a shard no merge accepts.
  if (!same && old.shard !== undefined) {
    throw new OutputPathError(dir, `holds ${shardOf(old)} of another sweep (${old.name}, hash ${old.shard.sweepHash.slice(0, 12)}): --resume with the sweep file and --set values that made it, or name another --out`);
  }
  const version = projectPackage().version;
  for (const run of json.runs) {
    let engine: string;
    try {
      engine = readManifest(join(dir, run.run)).engineVersion;
    } catch {
      continue;
    }
    if (engine !== version) {
      throw new OutputPathError(dir, `run ${run.run} was made by engine version ${engine}, this is ${version}: --resume does not mix versions; make the sweep afresh (--replace, or another --out)`);
    }
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
