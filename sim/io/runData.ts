/**
 * A finished sweep run's data, in either form its folder keeps it (docs/sweeps.md, `--run-files`):
 * metrics.csv and agents.csv (`csv`, the default), or metrics.parquet and agents.parquet (`none`).
 * The two hold the same values, so what the sweep derives from a run (its line of runs.csv, its rows of
 * summary.csv and metrics.parquet) does not depend on the form.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENTS_PARQUET, agentsCsvText } from './agentsParquet.js';
import { readMetricsCsv, type MetricsTable } from './metricsCsv.js';
import { METRICS_PARQUET, metricsTableOf, readMetricsCsvCells, runMetricsParquetCells } from './metricsParquet.js';
import type { ParquetCell } from './parquet.js';
import { RUN_FILES } from './runFiles.js';

/** How a sweep keeps each run's data: `csv` its CSVs, `none` only Parquet (and manifest.json). */
export type RunFilesMode = 'csv' | 'none';

/** The data files of a sweep's run folder in each mode (manifest.json records their sizes: --resume checks them). */
export const RUN_DATA_FILES: Readonly<Record<RunFilesMode, readonly string[]>> = {
  csv: [RUN_FILES.metrics, RUN_FILES.agents],
  none: [METRICS_PARQUET, AGENTS_PARQUET],
};

const hasCsv = (runDir: string): boolean => existsSync(join(runDir, RUN_FILES.metrics));

/** The run's metrics as typed columns (for metrics.parquet). */
export async function runMetricsCells(runDir: string): Promise<ParquetCell[][]> {
  return hasCsv(runDir) ? readMetricsCsvCells(join(runDir, RUN_FILES.metrics)) : runMetricsParquetCells(join(runDir, METRICS_PARQUET));
}

/** The run's agents.csv text (from agents.parquet under --run-files none), undefined when it kept no agents file. */
async function runAgentsText(runDir: string): Promise<string | undefined> {
  const path = join(runDir, hasCsv(runDir) ? RUN_FILES.agents : AGENTS_PARQUET);
  if (!existsSync(path)) return undefined;
  return hasCsv(runDir) ? readFileSync(path, 'utf8') : agentsCsvText(path);
}

/**
 * What finishing a sweep reads of a run, each file once: its metrics as typed columns (for
 * metrics.parquet) and as a table made from those columns (for its digest and summary lines: the same
 * numbers either form holds), and its agents.csv text.
 */
export async function runColumns(runDir: string): Promise<{ cells: ParquetCell[][]; table: MetricsTable; agents: string | undefined }> {
  const cells = await runMetricsCells(runDir);
  return { cells, table: metricsTableOf(cells), agents: await runAgentsText(runDir) };
}

/** The run's metrics table and agents.csv text (undefined when the run kept no agents file), for its digest. */
export async function runTables(runDir: string): Promise<{ table: MetricsTable; agents: string | undefined }> {
  const table = hasCsv(runDir) ? readMetricsCsv(join(runDir, RUN_FILES.metrics)) : metricsTableOf(await runMetricsParquetCells(join(runDir, METRICS_PARQUET)));
  return { table, agents: await runAgentsText(runDir) };
}
