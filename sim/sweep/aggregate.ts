/**
 * aggregateSweep(plan, dir, paths) -> runs.csv and summary.csv from the finished run folders, one
 * (preset, point) at a time: its replicates' metrics are read (metrics.csv, or metrics.parquet under
 * --run-files none: sim/io/runData.ts), their rows of runs.csv and their lines of summary.csv written,
 * and the tables dropped, so memory is flat in the number of points.
 *
 * Both files are built from the run folders alone, in the order of the plan, and hold no times or
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
import { runTables } from '../io/runData.js';
import { summaryHeader, summaryLines } from '../io/summaryCsv.js';

export { SWEEP_METRICS };

export interface AggregatePaths { runsCsv: string; summaryCsv: string }

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
 * Write runs.csv and summary.csv of the runs of `plan` not in `skip` (failed runs: they have no
 * folder); `scenarioFor(run)` is the run's scenario (its manifest's, so the files depend on the run
 * folders alone).
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
  try {
    for (const group of groupsOf(plan.runs.filter((r) => !skip.has(r.run)))) {
      const first = group[0]!;
      const tables: MetricsTable[] = [];
      for (const run of group) {
        const { table, agents } = await runTables(join(sweepDir, run.run)); // its CSVs, or Parquet under --run-files none
        runs.line(runLine(run, digestRun(table, agents, scenarioFor(run)), plan.sweptKeys));
        tables.push(table);
      }
      for (const line of summaryLines(first.preset, first.point, first.params as Params, plan.sweptKeys, tables, SWEEP_METRICS, plan.everyDays)) summary.line(line);
    }
  } finally {
    runs.close();
    summary.close();
  }
}
