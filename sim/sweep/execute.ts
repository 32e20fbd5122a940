/**
 * executeRuns(plan, dir, pending, opts): make the pending runs of a sweep on a piscina pool of worker
 * threads, each run into a temporary sibling of its folder (`r003.tmp-<pid>-<hex>`): the worker streams
 * metrics.csv and agents.csv there, then this thread writes manifest.json and renames the folder into
 * place (under --run-files none the worker leaves metrics.parquet and agents.parquet instead of the
 * CSVs). A run folder with manifest.json is therefore complete, and the only kind --resume trusts (if
 * its data files still have the sizes the manifest records).
 *
 * At most `workers` runs are in flight, handed out in plan order; a run's files depend on its scenario
 * alone, so which thread makes it, and when, changes nothing in them (the manifest holds no time: the
 * run times are returned, for the sweep's timings.json). A run that throws (a broken invariant, a
 * worker thread that dies) is returned among `failed`, with the first line of its error; its temporary
 * folder is deleted and the other runs go on. Ctrl-C (SIGINT or SIGTERM, sim/io/interrupt.ts) stops
 * the workers and deletes every temporary folder before exit 130.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Piscina } from 'piscina';
import type { RunResult } from '../engine/simulate.js';
import { moveIntoPlace, removeDir, tempSibling } from '../io/atomic.js';
import { onInterrupt } from '../io/interrupt.js';
import { checkOnlyOurs } from '../io/outputPath.js';
import { WORKER_EXEC_ARGV, workerFile } from '../io/workerBundle.js';
import { SWEEP_WORKER } from '../io/workerEntries.js';
import { buildManifest, fileSizes } from '../io/manifest.js';
import { errorLine, type FailedRun } from '../io/failedCsv.js';
import { resolvedOf, scenarioOf, type PlannedRun, type SweepPlan } from './plan.js';
import { warmUpScenarios } from './warmUp.js';
import { RUN_DATA_FILES, type RunFilesMode } from '../io/runData.js';
import type { SweepTask } from './worker.js';

export interface ExecuteOptions {
  workers: number;
  /** What each run folder keeps: its CSVs (default) or only Parquet (sim/io/runData.ts). */
  runFiles?: RunFilesMode;
  /** Called after each run made, with the number made so far. */
  onRun?: (made: number, run: PlannedRun) => void;
  /** Called for each run that threw. */
  onFail?: (failed: FailedRun) => void;
}

export interface ExecuteResult {
  /** Runs made. */
  made: number;
  /** Sum of the engine's wall time over them. */
  simulateMs: number;
  /** Each run made: its engine time and its whole time, in ms. */
  runTimes: Record<string, { simulate: number; total: number }>;
  /** The runs that threw, in plan order, with the first line of the error. */
  failed: FailedRun[];
}

export async function executeRuns(plan: SweepPlan, sweepDir: string, pending: readonly PlannedRun[], opts: ExecuteOptions): Promise<ExecuteResult> {
  if (pending.length === 0) return { made: 0, simulateMs: 0, runTimes: {}, failed: [] };
  const threads = Math.max(1, Math.min(opts.workers, pending.length));
  const pool = new Piscina<SweepTask, RunResult>({
    filename: (await workerFile(SWEEP_WORKER)).href, execArgv: [...WORKER_EXEC_ARGV],
    minThreads: threads, maxThreads: threads, idleTimeout: 60_000,
  });
  const inFlight = new Set<string>();
  let stopping = false;
  const dispose = onInterrupt(async () => {
    stopping = true;
    await pool.destroy();
    for (const tmp of inFlight) removeDir(tmp);
  });
  let next = 0;
  let made = 0;
  let simulateMs = 0;
  const failures = new Map<string, FailedRun>();
  const runTimes: Record<string, { simulate: number; total: number }> = {};
  const runFiles = opts.runFiles ?? 'csv';
  const warmUp = warmUpScenarios(pending, (run) => scenarioOf(plan, run)); // every task carries them; a thread runs them before its first (warmUp.ts)

  const lane = async (): Promise<void> => {
    while (!stopping && next < pending.length) {
      const run = pending[next++]!;
      const dir = join(sweepDir, run.run);
      mkdirSync(dirname(dir), { recursive: true });
      const tmp = tempSibling(dir);
      mkdirSync(tmp);
      inFlight.add(tmp);
      try {
        const started = Date.now();
        const scenario = scenarioOf(plan, run);
        const result = await pool.run({ dir: tmp, scenario, run: run.run, runFiles, warmUp });
        if (stopping) return;
        const bytes = fileSizes(tmp, RUN_DATA_FILES[runFiles]);
        const manifest = buildManifest({ ...resolvedOf(plan, run), scenario }, result, undefined, [...RUN_DATA_FILES[runFiles], 'manifest.json'], bytes);
        writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
        checkOnlyOurs(dir, 'run'); // the old folder is deleted: only if it holds nothing of the user's
        moveIntoPlace(tmp, dir);
        simulateMs += result.wallMs;
        runTimes[run.run] = { simulate: Math.round(result.wallMs), total: Date.now() - started };
        made++;
        opts.onRun?.(made, run);
      } catch (error) {
        if (stopping) return;
        failures.set(run.run, { run: run.run, preset: run.preset, point: run.point, replicate: run.replicate, seed: run.seed, error: errorLine(error) });
        opts.onFail?.(failures.get(run.run)!);
      } finally {
        if (inFlight.delete(tmp)) removeDir(tmp); // a no-op once renamed into place
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    if (!stopping) {
      dispose();
      await pool.destroy();
    }
  }
  // Interrupted: the signal handler is cleaning up and will exit 130; the sweep must not go on to
  // aggregate runs that were never made, so wait here for the exit.
  if (stopping) await new Promise<never>(() => {});
  const failed = pending.flatMap((r) => failures.get(r.run) ?? []);
  return { made, simulateMs, runTimes, failed };
}
