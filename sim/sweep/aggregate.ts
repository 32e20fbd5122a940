/**
 * aggregateSweep(plan, dir, paths) -> runs.csv, summary.csv and metrics.parquet from the finished run
 * folders, in one pass, one (preset, point) at a time: each replicate's files are read once (metrics.csv
 * and agents.csv, or their Parquet forms under --run-files none: sim/io/runData.ts runColumns), its row of
 * runs.csv and its row group of metrics.parquet written, then the group's lines of summary.csv, and the
 * tables dropped, so memory is flat in the number of points. (metrics.parquet was written in a second
 * pass that parsed every run's metrics again: 9 of the 59 s the 900-run claims protocol spent finishing.)
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
import { summaryHeader, summaryLines } from '../io/summaryCsv.js';

export { SWEEP_METRICS };

export interface AggregatePaths { runsCsv: string; summaryCsv: string; metricsParquet: string }

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

/** What aggregating needs of the plan: the runs in order, the swept keys, the day stride. */
export interface AggregatePlan {
  runs: readonly RunPlace[];
  sweptKeys: readonly string[];
  everyDays: number;
}

/**
 * Write runs.csv, summary.csv and metrics.parquet (one row group per run) of the runs of `plan` not in
 * `skip` (failed runs: they have no folder); `scenarioFor(run)` is the run's scenario (its manifest's,
 * so the files depend on the run folders alone).
 */
export async function aggregateSweep(
  plan: AggregatePlan,
  sweepDir: string,
  paths: AggregatePaths,
  scenarioFor: (run: RunPlace) => Scenario,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  const runs = new CsvWriter(paths.runsCsv, runsHeader(plan.sweptKeys));
  const summary = new CsvWriter(paths.summaryCsv, summaryHeader(plan.sweptKeys));
  const metrics = new SweepMetricsParquet(paths.metricsParquet);
  let failed = true;
  try {
    for (const group of groupsOf(plan.runs.filter((r) => !skip.has(r.run)))) {
      const first = group[0]!;
      const tables: MetricsTable[] = [];
      for (const run of group) {
        const { cells, table, agents } = await runColumns(join(sweepDir, run.run));
        runs.line(runLine(run, digestRun(table, agents, scenarioFor(run)), plan.sweptKeys));
        metrics.run(run, cells);
        tables.push(table);
      }
      for (const line of summaryLines(first.preset, first.point, first.params as Params, plan.sweptKeys, tables, SWEEP_METRICS, plan.everyDays)) summary.line(line);
    }
    failed = false;
  } finally {
    try {
      metrics.close();
    } catch (error) {
      if (!failed) throw error; // otherwise the first error is the one to report; finish.ts deletes the file
    } finally {
      runs.close();
      summary.close();
    }
  }
}
