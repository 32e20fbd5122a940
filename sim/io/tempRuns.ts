/**
 * Runs whose files nobody keeps: each scenario is simulated on a worker thread (sim/io/worker.ts) into a
 * temporary folder, `workers` at a time, its metrics table is handed to `use`, and the folder is deleted.
 * The protocols that need only the numbers of many runs (`abundance viability`, `abundance calibrate`)
 * share it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../scenario/schema.js';
import { readMetricsCsv, type MetricsTable } from './metricsCsv.js';
import { runInWorker } from './worker.js';

/** Simulate every scenario; `use(table, k, seconds)` gets run k's metrics as each finishes. */
export async function eachRunMetrics(scenarios: readonly Scenario[], workers: number, use: (table: MetricsTable, k: number, seconds: number) => void): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let k = next++; k < scenarios.length; k = next++) {
      const dir = mkdtempSync(join(tmpdir(), 'abundance-run-'));
      try {
        const started = Date.now();
        await runInWorker({ dir, scenario: scenarios[k]!, audit: false });
        use(readMetricsCsv(join(dir, 'metrics.csv')), k, (Date.now() - started) / 1000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
}
