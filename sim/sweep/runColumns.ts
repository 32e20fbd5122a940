/**
 * Extra columns of runs.csv, computed per run after the window means: the extension point for the
 * claim statistics (`stat_*`, sim/analysis/statistics.ts) and anything else measured on one run.
 *
 * A provider names its columns once and returns one value per column for each run, from the run's
 * metrics table and its folder (agents.csv is there). To add one, append it to RUN_COLUMN_PROVIDERS;
 * the aggregator calls every provider in this order, for every run, in sweep.json order. Values must
 * depend on the run's files alone (no times, no dates), so runs.csv stays byte-identical.
 */
import type { MetricsTable } from '../report/table.js';
import type { PlannedRun } from './plan.js';
import type { Scenario } from '../scenario/schema.js';
import { CLAIM_COLUMNS } from './claimColumns.js';

export interface RunContext {
  run: PlannedRun;
  /** The run's folder on disk (absolute or relative to the working folder). */
  dir: string;
  table: MetricsTable;
  scenario: Scenario;
}

export interface RunColumnProvider {
  /** Column names, in order (claim statistics are prefixed `stat_`). */
  readonly columns: readonly string[];
  /** One value per column: a number (written with 6 significant digits, NaN empty) or a text. */
  values(ctx: RunContext): readonly (number | string)[];
}

/** The providers runs.csv uses by default, in column order. */
export const RUN_COLUMN_PROVIDERS: RunColumnProvider[] = [CLAIM_COLUMNS];
