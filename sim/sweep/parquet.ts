/**
 * writeSweepParquet(plan, dir, paths): a finished sweep's Parquet files (docs/data.md), next to its CSVs:
 * runs.parquet and summary.parquet from runs.csv and summary.csv, and metrics.parquet from every run's
 * metrics (its metrics.csv, or its own metrics.parquet under `--run-files none`), one row group per run,
 * in plan order. Like the CSVs they come from the run folders alone, so the same sweep gives the same
 * bytes whatever the workers, the order runs finished in, or --resume.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { METRICS_PARQUET, readMetricsCsvCells, runMetricsParquetCells, SweepMetricsParquet } from '../io/metricsParquet.js';
import type { ParquetCell } from '../io/parquet.js';
import { RUN_FILES } from '../io/runFiles.js';
import { runsParquetColumns, writeRunsParquet } from '../io/runsParquet.js';
import { summaryParquetColumns, writeSummaryParquet } from '../io/summaryParquet.js';
import type { SweepPlan } from './plan.js';

export interface SweepParquetPaths {
  /** The finished CSVs to convert. */
  runsCsv: string;
  summaryCsv: string;
  /** Where to write. */
  runsParquet: string;
  summaryParquet: string;
  metricsParquet: string;
}

/** The metrics of a finished run folder as typed columns: metrics.csv if there, else metrics.parquet. */
export async function runMetricsCells(runDir: string): Promise<ParquetCell[][]> {
  const csv = join(runDir, RUN_FILES.metrics);
  return existsSync(csv) ? readMetricsCsvCells(csv) : runMetricsParquetCells(join(runDir, METRICS_PARQUET));
}

export async function writeSweepParquet(plan: SweepPlan, sweepDir: string, paths: SweepParquetPaths): Promise<void> {
  writeRunsParquet(paths.runsCsv, paths.runsParquet, runsParquetColumns(plan.sweptKeys, plan.points));
  writeSummaryParquet(paths.summaryCsv, paths.summaryParquet, summaryParquetColumns(plan.sweptKeys, plan.points));
  const metrics = new SweepMetricsParquet(paths.metricsParquet);
  try {
    for (const run of plan.runs) metrics.run(run, await runMetricsCells(join(sweepDir, run.run)));
  } finally {
    metrics.close();
  }
}
