/**
 * executeRuns(plan, dir, pending, opts): make the pending runs of a sweep on a piscina pool of worker
 * threads, each run into a temporary sibling of its folder (`r003.tmp-<pid>-<hex>`): the worker streams
 * metrics.csv and agents.csv there, then this thread writes manifest.json and renames the folder into
 * place (under --run-files none the worker leaves metrics.parquet and agents.parquet instead of the
 * CSVs). A run folder with manifest.json is therefore complete, and the only kind --resume trusts (if
 * its data files still have the sizes the manifest records).
 *
 * At most `workers` runs are in flight, handed out in plan order; a run's files depend on its scenario
 * alone, so which thread makes it, and when, changes nothing in them. The first failing run stops the
 * hand-out; runs in flight finish (and stay, complete), then the error is thrown. Ctrl-C (SIGINT or
 * SIGTERM, sim/io/interrupt.ts) stops the workers and deletes every temporary folder before exit 130.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Piscina } from 'piscina';
import type { RunResult } from '../engine/simulate.js';
import { moveIntoPlace, removeDir, tempSibling } from '../io/atomic.js';
import { onInterrupt } from '../io/interrupt.js';
import { checkOnlyOurs } from '../io/outputPath.js';
import { buildManifest, fileSizes } from '../io/manifest.js';
import { resolvedOf, scenarioOf, type PlannedRun, type SweepPlan } from './plan.js';
import { RUN_DATA_FILES, type RunFilesMode } from '../io/runData.js';
import type { SweepTask } from './worker.js';

const WORKER = new URL('./worker.boot.js', import.meta.url).href;

export interface ExecuteOptions {
  workers: number;
  /** What each run folder keeps: its CSVs (default) or only Parquet (sim/io/runData.ts). */
  runFiles?: RunFilesMode;
  /** Called after each run made, with the number made so far. */
  onRun?: (made: number, run: PlannedRun) => void;
}

export interface ExecuteResult {
  /** Runs made. */
  made: number;
  /** Sum of the engine's wall time over them. */
  simulateMs: number;
}

export async function executeRuns(plan: SweepPlan, sweepDir: string, pending: readonly PlannedRun[], opts: ExecuteOptions): Promise<ExecuteResult> {
  if (pending.length === 0) return { made: 0, simulateMs: 0 };
  const threads = Math.max(1, Math.min(opts.workers, pending.length));
  const pool = new Piscina<SweepTask, RunResult>({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
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
  let failure: { run: PlannedRun; error: unknown } | undefined;
  const runFiles = opts.runFiles ?? 'csv';

  const lane = async (): Promise<void> => {
    while (!stopping && failure === undefined && next < pending.length) {
      const run = pending[next++]!;
      const dir = join(sweepDir, run.run);
      mkdirSync(dirname(dir), { recursive: true });
      const tmp = tempSibling(dir);
      mkdirSync(tmp);
      inFlight.add(tmp);
      try {
        const started = Date.now();
        const created = new Date();
        const scenario = scenarioOf(plan, run);
        const result = await pool.run({ dir: tmp, scenario, runFiles });
        if (stopping) return;
        const bytes = fileSizes(tmp, RUN_DATA_FILES[runFiles]);
        const manifest = buildManifest({ ...resolvedOf(plan, run), scenario }, result, { totalMs: Date.now() - started, created }, [...RUN_DATA_FILES[runFiles], 'manifest.json'], bytes);
        writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
        checkOnlyOurs(dir, 'run'); // the old folder is deleted: only if it holds nothing of the user's
        moveIntoPlace(tmp, dir);
        simulateMs += result.wallMs;
        made++;
        opts.onRun?.(made, run);
      } catch (error) {
        if (!stopping) failure ??= { run, error };
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
  if (failure !== undefined) {
    const e = failure.error instanceof Error ? failure.error : new Error(String(failure.error));
    const wrapped = new Error(`run ${failure.run.run} (seed ${failure.run.seed}) failed: ${e.message}`);
    wrapped.name = e.name;
    throw wrapped;
  }
  return { made, simulateMs };
}
