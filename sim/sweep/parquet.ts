/**
 * writeSweepParquet(plan, dir, paths, skip): a finished sweep's Parquet files (docs/data.md), next to its
 * CSVs: runs.parquet and summary.parquet from runs.csv and summary.csv, and metrics.parquet from every
 * run's metrics (its metrics.csv, or its own metrics.parquet under `--run-files none`), one row group per
 * run, in plan order, leaving out the runs in `skip` (the failed runs of failed.csv, which runs.csv and
 * summary.csv leave out too). Called by finishSweep (finish.ts) alone, so `abundance sweep` and
 * `abundance merge` write the same bytes. Like the CSVs they come from the run folders and the plan
 * alone, so the same sweep gives the same bytes whatever the workers, the order runs finished in,
 * --resume, or the shards it was made in.
 */
import { join } from 'node:path';
import { SweepMetricsParquet } from '../io/metricsParquet.js';
import { runsParquetColumns, writeRunsParquet } from '../io/runsParquet.js';
import { summaryParquetColumns, writeSummaryParquet } from '../io/summaryParquet.js';
import { runMetricsCells } from '../io/runData.js';
import type { RunPlace } from '../io/runsCsv.js';

/** What writing the Parquet files needs of the plan (a SweepPlan or a sweep.json's plan). */
export interface ParquetPlan {
  runs: readonly RunPlace[];
  sweptKeys: readonly string[];
  /** Every point, failed runs' included: the swept keys' column types depend on the plan alone. */
  points: readonly { params: Record<string, unknown> }[];
}

export interface SweepParquetPaths {
  /** The finished CSVs to convert. */
  runsCsv: string;
  summaryCsv: string;
  /** Where to write. */
  runsParquet: string;
  summaryParquet: string;
  metricsParquet: string;
}

export async function writeSweepParquet(plan: ParquetPlan, sweepDir: string, paths: SweepParquetPaths, skip: ReadonlySet<string> = new Set()): Promise<void> {
  writeRunsParquet(paths.runsCsv, paths.runsParquet, runsParquetColumns(plan.sweptKeys, plan.points));
  writeSummaryParquet(paths.summaryCsv, paths.summaryParquet, summaryParquetColumns(plan.sweptKeys, plan.points));
  const metrics = new SweepMetricsParquet(paths.metricsParquet);
  try {
    for (const run of plan.runs) {
      if (!skip.has(run.run)) metrics.run(run, await runMetricsCells(join(sweepDir, run.run)));
    }
  } catch (error) {
    try { metrics.close(); } catch { /* the first error is the one to report; finish.ts deletes the file */ }
    throw error;
  }
  metrics.close();
}
