/**
 * The sweep's worker (one per piscina thread): simulate one run's scenario into a folder, streaming
 * metrics.csv and agents.csv (no flows.csv: sweeps stay small), and return the engine's RunResult.
 * The folder is a temporary sibling made by the main thread, which also writes manifest.json and
 * renames it into place (sim/sweep/execute.ts), so a run the worker did not finish is never trusted.
 */
import { simulate } from '../engine/simulate.js';
import type { RunResult } from '../engine/simulate.js';
import { simulateToFiles } from '../io/runFiles.js';
import type { Scenario } from '../scenario/schema.js';

export interface SweepTask {
  dir: string;
  scenario: Scenario;
  /** The run's folder in the sweep (`runs/gift/base/r000`). */
  run: string;
}

/**
 * A test hook, read here at the worker's edge and nowhere in the simulation: the runs named in
 * `ABUNDANCE_FAIL_RUNS` (comma-separated run folders, `runs/gift/base/r001`) throw as a broken run
 * would, so the tests can see a failing run recorded and the sweep go on (docs/sweeps.md).
 */
export const FAIL_RUNS_ENV = 'ABUNDANCE_FAIL_RUNS';

export default function runOne(task: SweepTask): RunResult {
  const failing = (process.env[FAIL_RUNS_ENV] ?? '').split(',').map((s) => s.trim());
  if (failing.includes(task.run)) throw new Error(`${FAIL_RUNS_ENV} names ${task.run}: failing it on purpose (a test hook)\nsecond line`);
  return simulateToFiles(task.dir, task.scenario, simulate, {}, { flows: false });
}
