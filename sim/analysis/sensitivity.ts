/**
 * sensitivity(dir, opts) -> the global sensitivity of a sampled sweep folder (docs/sensitivity.md): its
 * sweep.json (the design: which point is A, B, AB_i, or which Morris step) and runs.csv (every metric
 * and claim statistic of every run) read, the indices computed (sim/sensitivity/study.ts), and
 * sensitivity.csv written atomically (sim/io/sensitivityCsv.ts). `abundance sensitivity` and the
 * sweep report both come here: one home for the numbers; designMeans gives the report the means per
 * design point the indices rest on, for its scatter plots.
 *
 * A folder whose sweep has no `sample:` design, an unknown metric, a missing runs.csv: AnalysisError
 * (exit 2, nothing written). The bootstrap's stream is seeded by the sweep's base seed, so the same
 * folder always gives a byte-identical sensitivity.csv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellNumber, parseCsv, type CsvTable } from '../io/csvRecords.js';
import { RUNS_CSV } from '../io/runsCsv.js';
import { SENSITIVITY_CSV, writeSensitivityCsv } from '../io/sensitivityCsv.js';
import { analyseDesign, pointIndex, pointMeans, type Design, type RunValues, type SensitivityRow } from '../sensitivity/study.js';
import type { SweepJson } from '../io/sweepJson.js';
import { AnalysisError, didYouMean } from './errors.js';
import { readSweepPlan } from './sweepPlan.js';

/** Besides every claim statistic (stat_...): the headline metrics of a sensitivity study. */
export const HEADLINE_METRICS = ['goods_released', 'cost_index', 'funded_share', 'gini_income'] as const;
// (rho_median is left out: stat_rho_median is the same window mean.)
/** Default bootstrap resamples. */
export const DEFAULT_BOOTSTRAP = 1000;

export interface SensitivityOptions {
  metrics?: readonly string[] | undefined;
  secondOrder?: boolean | undefined;
  bootstrap?: number | undefined;
  /** Where to write (default `<dir>/sensitivity.csv`); false: write nothing. */
  out?: string | false | undefined;
}

export interface Sensitivity {
  method: 'sobol' | 'morris';
  params: string[];
  presets: string[];
  metrics: string[];
  rows: SensitivityRow[];
  file?: string;
}

/** A sampled sweep's design and its runs' values of `metrics` (default: every claim statistic and the headline metrics). */
interface DesignRuns { json: SweepJson & { sample: NonNullable<SweepJson['sample']> }; runs: RunValues[]; metrics: string[]; design: Design }

function readDesignRuns(dir: string, asked: readonly string[] | undefined, skipUnknown = false): DesignRuns {
  const json = readSweepPlan(dir);
  if (json.sample === undefined) {
    throw new AnalysisError(`${dir}: its sweep (${json.file}) has no sample design; abundance sensitivity needs a sweep file with sample: {method: sobol | morris, n, params} (docs/sensitivity.md)`);
  }
  const runsFile = join(dir, RUNS_CSV);
  if (!existsSync(runsFile)) throw new AnalysisError(`${dir}: no ${RUNS_CSV}; finish the sweep first (abundance sweep ... --resume, or abundance merge for shards)`);
  let table: CsvTable;
  try {
    table = parseCsv(readFileSync(runsFile, 'utf8'), runsFile);
  } catch (error) {
    throw new AnalysisError((error as Error).message);
  }
  const numeric = table.header.slice(table.header.indexOf('viability_failed') + 1);
  const known = [...numeric, 'viable'];
  const wanted = skipUnknown ? asked?.filter((m) => known.includes(m)) : asked;
  const metrics = wanted ?? [...numeric.filter((h) => h.startsWith('stat_')), ...HEADLINE_METRICS.filter((m) => numeric.includes(m))];
  if (metrics.length === 0 && !skipUnknown) throw new AnalysisError(`--metrics: expected at least one column of ${RUNS_CSV} (any metric or claim statistic stat_..., or viable)`);
  for (const m of metrics) {
    if (!known.includes(m)) throw new AnalysisError(`--metrics: "${m}" is not a column of ${RUNS_CSV}${didYouMean(m, known)} (any metric or claim statistic stat_... of runs.csv, or viable)`);
  }
  const col = new Map(table.header.map((h, i) => [h, i]));
  let runs: RunValues[];
  try {
    // A cell that is not a number stops here, naming its line and column (an empty one is NaN).
    runs = table.rows.map((cells, i) => ({
      preset: cells[col.get('preset')!] ?? '',
      point: cells[col.get('point')!] ?? '',
      values: new Map(metrics.map((m) => [m, cellNumber(cells[col.get(m)!] ?? '', `${runsFile} line ${i + 2}, column ${m}`)])),
    }));
  } catch (error) {
    throw new AnalysisError((error as Error).message);
  }
  const sampled = { ...json, sample: json.sample };
  return { json: sampled, runs, metrics: [...metrics], design: { method: json.sample.method, params: json.sample.params, points: json.points } };
}

export function sensitivity(dir: string, opts: SensitivityOptions = {}): Sensitivity {
  const { json, runs, metrics, design } = readDesignRuns(dir, opts.metrics);
  const bootstrap = opts.bootstrap ?? DEFAULT_BOOTSTRAP;
  if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 100_000) throw new AnalysisError(`--bootstrap: expected an integer from 0 to 100000, got ${bootstrap}`);
  if (opts.secondOrder && json.sample.method !== 'sobol') throw new AnalysisError('--second-order: second-order indices need a sobol design; this sweep is morris');
  let rows: SensitivityRow[];
  try {
    // A run that failed has no row in runs.csv: its point then has fewer values than the sweep's
    // replicates and is dropped, like a point with an empty cell (failed.csv names those runs).
    rows = analyseDesign(
      design,
      runs,
      { metrics, presets: json.presets, replicates: json.replicates, bootstrap, seed: json.baseSeed, secondOrder: opts.secondOrder ?? false },
    );
  } catch (error) {
    throw new AnalysisError(`${join(dir, 'sweep.json')}: ${(error as Error).message}`);
  }
  const result: Sensitivity = { method: json.sample.method, params: json.sample.params, presets: json.presets, metrics, rows };
  if (opts.out === false) return result;
  const file = opts.out ?? join(dir, SENSITIVITY_CSV);
  try {
    writeSensitivityCsv(file, rows);
  } catch (error) {
    throw new AnalysisError((error as Error).message);
  }
  return { ...result, file };
}

/**
 * What the indices of `metrics` rest on, for the report's scatter plots: per preset and metric
 * (key `preset\tmetric`), the mean over seeds at each design point, in sweep.json's point order (NaN
 * where the point lacks a value or a run), computed by the one function the indices use (pointMeans).
 */
export function designMeans(dir: string, asked: readonly string[]): Map<string, number[]> {
  // A sensitivity.csv may name a metric runs.csv no longer has: it gets no scatter, not an error.
  const { json, runs, design, metrics } = readDesignRuns(dir, asked, true);
  const at = pointIndex(design);
  const out = new Map<string, number[]>();
  try {
    for (const preset of json.presets) {
      const mine = runs.filter((r) => r.preset === preset);
      for (const metric of metrics) out.set(`${preset}\t${metric}`, pointMeans(design, at, mine, metric, json.replicates).y);
    }
  } catch (error) {
    throw new AnalysisError(`${join(dir, 'sweep.json')}: ${(error as Error).message}`);
  }
  return out;
}
