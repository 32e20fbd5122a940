/**
 * writeSweepParquet(plan, paths): a finished sweep's runs.parquet and summary.parquet (docs/data.md),
 * converted from runs.csv and summary.csv; its metrics.parquet is written with them, in aggregateSweep's
 * one pass over the runs (aggregate.ts). Called by finishSweep (finish.ts) alone, so `abundance sweep`
 * and `abundance merge` write the same bytes. Like the CSVs they come from the run folders and the plan
 * alone, so the same sweep gives the same bytes whatever the workers, the order runs finished in,
 * --resume, or the shards it was made in.
 */
import { runsParquetColumns, writeRunsParquet } from '../io/runsParquet.js';
import { summaryParquetColumns, writeSummaryParquet } from '../io/summaryParquet.js';

/** What writing the Parquet files needs of the plan (a SweepPlan or a sweep.json's plan). */
export interface ParquetPlan {
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
}

export function writeSweepParquet(plan: ParquetPlan, paths: SweepParquetPaths): void {
  writeRunsParquet(paths.runsCsv, paths.runsParquet, runsParquetColumns(plan.sweptKeys, plan.points));
  writeSummaryParquet(paths.summaryCsv, paths.summaryParquet, summaryParquetColumns(plan.sweptKeys, plan.points));
}
