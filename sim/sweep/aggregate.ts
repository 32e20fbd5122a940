/**
 * aggregateSweep(plan, dir, paths) -> runs.csv, summary.csv and their Parquet forms (runs.parquet,
 * summary.parquet), and metrics.parquet, from the finished run folders, in one pass, one (preset, point)
 * at a time: each replicate's files are read once (metrics.csv and agents.csv, or their Parquet forms
 * under --run-files none: sim/io/runData.ts runColumns), its row of runs.csv and runs.parquet and its row
 * group of metrics.parquet written, then the group's rows of summary.csv and summary.parquet, and the
 * tables dropped, so memory is flat in the number of points. Each row of runs.parquet and
 * summary.parquet is converted from the texts of its CSV line (sim/io/parquet.ts), so the two never
 * disagree; metrics.parquet from the run's metrics cells. (metrics.parquet was written in
 * a second pass that parsed every run's metrics again: 9 of the 59 s the 900-run claims protocol spent
 * finishing; runs.parquet and summary.parquet by reading the CSVs back, a third of what the 90 runs of
 * claims-small.yaml spent finishing.)
 *
 * The files are built from the run folders alone, in the order of the plan, and hold no times or
 * dates: the same sweep file gives byte-identical files whatever the number of workers, the order in
 * which runs finished, or whether some were reused by --resume.
 */
import { join } from 'node:path';
import { digestRun } from '../analysis/runDigest.js';
import type { MetricsTable } from '../io/metricsCsv.js';
import { CsvWriter } from '../io/csv.js';
import { runLine, runsHeader, SWEEP_METRICS, type RunPlace } from '../io/runsCsv.js';
import type { Scenario } from '../scenario/schema.js';
import type { Params, PlannedRun } from './plan.js';
import { runColumns } from '../io/runData.js';
import { SweepMetricsParquet } from '../io/metricsParquet.js';
import { summaryHeader, summaryRows } from '../io/summaryCsv.js';
import { summaryParquetColumns } from '../io/summaryParquet.js';
import { runsParquetColumns } from '../io/runsParquet.js';
import { ParquetRowWriter } from '../io/parquet.js';
import { parseCsvLine } from '../io/csvRecords.js';

export { SWEEP_METRICS };

export interface AggregatePaths { runsCsv: string; summaryCsv: string; runsParquet: string; summaryParquet: string; metricsParquet: string }

/** Consecutive runs of one (preset, point): the plan lists replicates together. */
export function* groupsOf<R extends Pick<PlannedRun, 'preset' | 'point'>>(runs: readonly R[]): Generator<R[]> {
  let group: R[] = [];
  for (const run of runs) {
    const head = group[0];
    if (head !== undefined && (head.preset !== run.preset || head.point !== run.point)) {
      yield group;
      group = [];
    }
    group.push(run);
  }
  if (group.length > 0) yield group;
}

/** What aggregating needs of the plan: the runs in order, the swept keys, the day stride, and every
 * point (failed runs' included: the swept keys' Parquet types depend on the plan alone). */
export interface AggregatePlan {
  runs: readonly RunPlace[];
  sweptKeys: readonly string[];
  everyDays: number;
  points: readonly { params: Record<string, unknown> }[];
}

/**
 * Write runs.csv, runs.parquet, summary.csv, summary.parquet and metrics.parquet (one row group per
 * run) of the runs of `plan` not in `skip` (failed runs: they have no folder); `scenarioFor(run)` is
 * the run's scenario (its manifest's, so the files depend on the run folders alone).
 */
export async function aggregateSweep(
  plan: AggregatePlan,
  sweepDir: string,
  paths: AggregatePaths,
  scenarioFor: (run: RunPlace) => Scenario,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  const runsColumns = runsParquetColumns(plan.sweptKeys, plan.points);
  const summaryColumns = summaryParquetColumns(plan.sweptKeys, plan.points);
  // Every file opened is closed, whatever fails (finish.ts deletes them); in the order they are written.
  const opened: { close(): void }[] = [];
  const open = <T extends { close(): void }>(file: T): T => {
    opened.push(file);
    return file;
  };
  // The CSVs' line numbers, for errors: the header is line 1.
  let runsLine = 1;
  const runsWhere = (): string => `runs.csv line ${runsLine}`;
  let summaryLine = 1;
  const summaryWhere = (): string => `summary.csv line ${summaryLine}`;
  let failed = true;
  try {
    const runs = open(new CsvWriter(paths.runsCsv, runsHeader(plan.sweptKeys)));
    const runsParquet = open(new ParquetRowWriter(paths.runsParquet, runsColumns));
    const metrics = open(new SweepMetricsParquet(paths.metricsParquet));
    const summary = open(new CsvWriter(paths.summaryCsv, summaryHeader(plan.sweptKeys)));
    const summaryParquet = open(new ParquetRowWriter(paths.summaryParquet, summaryColumns));
    for (const group of groupsOf(plan.runs.filter((r) => !skip.has(r.run)))) {
      const first = group[0]!;
      const tables: MetricsTable[] = [];
      for (const run of group) {
        const { cells, table, agents } = await runColumns(join(sweepDir, run.run));
        const line = runLine(run, digestRun(table, agents, scenarioFor(run)), plan.sweptKeys);
        runs.line(line);
        runsLine++;
        runsParquet.csvRow(parseCsvLine(line), runsWhere);
        metrics.run(run, cells);
        tables.push(table);
      }
      summaryRows(first.preset, first.point, first.params as Params, plan.sweptKeys, tables, SWEEP_METRICS, plan.everyDays, (line, cells) => {
        summary.line(line);
        summaryLine++;
        summaryParquet.csvRow(cells, summaryWhere);
      });
    }
    failed = false;
  } finally {
    // The first error of a close is thrown unless an earlier one is on its way (the one to report).
    let closing: { error: unknown } | undefined;
    for (const file of opened) {
      try {
        file.close();
      } catch (error) {
        closing ??= { error };
      }
    }
    if (closing !== undefined && !failed) throw closing.error;
  }
}
