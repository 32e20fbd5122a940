/**
 * The sweep's worker (one per piscina thread): simulate one run's scenario into a folder, streaming
 * metrics.csv and agents.csv (no flows.csv: sweeps stay small), under `--run-files none` convert them
 * to Parquet, and return the engine's RunResult. A thread's first task first warms it up on each set
 * of institutions of the sweep's runs (sim/sweep/warmUp.ts).
 * The folder is a temporary sibling made by the main thread, which also writes manifest.json and
 * renames it into place (sim/sweep/execute.ts), so a run the worker did not finish is never trusted.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../engine/simulate.js';
import type { RunResult } from '../engine/simulate.js';
import { AGENTS_PARQUET, writeRunAgentsParquet } from '../io/agentsParquet.js';
import { METRICS_PARQUET, writeRunMetricsParquet } from '../io/metricsParquet.js';
import { RUN_FILES, simulateToFiles } from '../io/runFiles.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunFilesMode } from '../io/runData.js';
import { warmUp } from './warmUp.js';

export interface SweepTask {
  dir: string;
  scenario: Scenario;
  /** The run's folder in the sweep (`runs/gift/base/r000`). */
  run: string;
  /** `none`: the CSVs become metrics.parquet and agents.parquet (docs/sweeps.md, --run-files). */
  runFiles?: RunFilesMode;
  /** The sweep's warm-up runs (warmUp.ts), made by a thread before its first run. */
  warmUp?: Scenario[];
}

let warmedUp = false;

/**
 * A test hook, read here at the worker's edge and nowhere in the simulation: the runs named in
 * `ABUNDANCE_FAIL_RUNS` (comma-separated run folders, `runs/gift/base/r001`) throw as a broken run
 * would, so the tests can see a failing run recorded and the sweep go on (docs/sweeps.md).
 */
export const FAIL_RUNS_ENV = 'ABUNDANCE_FAIL_RUNS';

export default function runOne(task: SweepTask): RunResult {
  if (!warmedUp) {
    warmedUp = true;
    warmUp(task.warmUp ?? []);
  }
  const failing = (process.env[FAIL_RUNS_ENV] ?? '').split(',').map((s) => s.trim());
  if (failing.includes(task.run)) throw new Error(`${FAIL_RUNS_ENV} names ${task.run}: failing it on purpose (a test hook)\nsecond line`);
  const result = simulateToFiles(task.dir, task.scenario, simulate, {}, { flows: false });
  if (task.runFiles === 'none') {
    // The CSVs are streamed as the days pass (the engine's rows are not kept), then converted here,
    // on the worker's thread, in the temporary folder: only the Parquet files reach the run folder.
    writeRunMetricsParquet(join(task.dir, RUN_FILES.metrics), join(task.dir, METRICS_PARQUET));
    writeRunAgentsParquet(join(task.dir, RUN_FILES.agents), join(task.dir, AGENTS_PARQUET));
    for (const csv of [RUN_FILES.metrics, RUN_FILES.agents]) rmSync(join(task.dir, csv));
  }
  return result;
}
