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
}

export default function runOne(task: SweepTask): RunResult {
  return simulateToFiles(task.dir, task.scenario, simulate, {}, { flows: false });
}
