/**
 * writeSweepParquet(plan, dir, paths): a finished sweep's Parquet files (docs/data.md), next to its CSVs:
 * runs.parquet and summary.parquet from runs.csv and summary.csv, and metrics.parquet from every run's
 * metrics (its metrics.csv, or its own metrics.parquet under `--run-files none`), one row group per run,
 * in plan order. Like the CSVs they come from the run folders alone, so the same sweep gives the same
 * bytes whatever the workers, the order runs finished in, or --resume.
 */
import { join } from 'node:path';
import { SweepMetricsParquet } from '../io/metricsParquet.js';
import { runsParquetColumns, writeRunsParquet } from '../io/runsParquet.js';
import { summaryParquetColumns, writeSummaryParquet } from '../io/summaryParquet.js';
import type { SweepPlan } from './plan.js';
import { runMetricsCells } from '../io/runData.js';

export interface SweepParquetPaths {
  /** The finished CSVs to convert. */
  runsCsv: string;
  summaryCsv: string;
  /** Where to write. */
  runsParquet: string;
  summaryParquet: string;
  metricsParquet: string;
}

export async function writeSweepParquet(plan: SweepPlan, sweepDir: string, paths: SweepParquetPaths): Promise<void> {
  writeRunsParquet(paths.runsCsv, paths.runsParquet, runsParquetColumns(plan.sweptKeys, plan.points));
  writeSummaryParquet(paths.summaryCsv, paths.summaryParquet, summaryParquetColumns(plan.sweptKeys, plan.points));
  const metrics = new SweepMetricsParquet(paths.metricsParquet);
  try {
    for (const run of plan.runs) metrics.run(run, await runMetricsCells(join(sweepDir, run.run)));
  } catch (error) {
    try { metrics.close(); } catch { /* the first error is the one to report; run.ts deletes the file */ }
    throw error;
  }
  metrics.close();
}
