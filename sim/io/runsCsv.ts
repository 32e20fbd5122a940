/**
 * runs.csv (docs/sweeps.md): one row per run of a sweep, in sweep.json order, written from each run's
 * digest (sim/analysis/runDigest.ts), so every number in it is computed once:
 *
 *   run, preset, point, replicate, seed, <swept keys...>, viable, viability_failed,
 *   <every metric's window mean, metrics.csv order>, <the claim statistics, stat_...>
 *
 * `viable` is 1 when every criterion of MODEL.md section 13 that applies holds over the run;
 * `viability_failed` names the failed ones, `;`-joined. Numbers have up to 6 significant digits, an
 * empty cell where undefined. parseRunsCsv reads the file back for the report.
 */
import { STATISTIC_NAMES } from '../analysis/statistics.js';
import type { RunDigest } from '../analysis/runDigest.js';
import { COLUMNS } from '../metrics/columns.js';
import { csvText, num6, valueCell } from './csv.js';
import { cellNumber, type CsvTable } from './csvRecords.js';
import { closest } from '../scenario/suggest.js';
import { quoteChoices } from '../scenario/errors.js';

export const RUNS_CSV = 'runs.csv';

/** The metrics of runs.csv and summary.csv: every column of metrics.csv but `day`, in its order. */
export const SWEEP_METRICS: readonly string[] = COLUMNS.map((c) => c.name).filter((n) => n !== 'day');

/** Where a run sits in its sweep (a run of sweep.json). */
export interface RunPlace {
  run: string;
  preset: string;
  point: string;
  replicate: number;
  seed: number;
  params: Record<string, unknown>;
}

export function runsHeader(sweptKeys: readonly string[]): string[] {
  return ['run', 'preset', 'point', 'replicate', 'seed', ...sweptKeys, 'viable', 'viability_failed', ...SWEEP_METRICS, ...STATISTIC_NAMES];
}

/** The line (without newline) of one run. */
export function runLine(run: RunPlace, digest: RunDigest, sweptKeys: readonly string[]): string {
  const failed = digest.viabilityFailed;
  return [
    csvText(run.run), csvText(run.preset), csvText(run.point), String(run.replicate), String(run.seed),
    ...sweptKeys.map((k) => valueCell(run.params[k])),
    failed.length === 0 ? '1' : '0',
    csvText(failed.join(';')),
    ...SWEEP_METRICS.map((m) => num6(digest.windowMeans[m] ?? NaN)),
    ...STATISTIC_NAMES.map((s) => num6(digest.statistics[s] ?? NaN)),
  ].join(',');
}

/** One row of runs.csv as read back. */
export interface RunRecord {
  run: string;
  preset: string;
  point: string;
  replicate: number;
  /** 1/0 in the file; null when the cell is empty. */
  viable: boolean | null;
  /** Names of the failed viability criteria. */
  failed: string[];
  /** Metric -> window mean; NaN where the cell is empty. */
  values: Map<string, number>;
}

function unknownText(what: string, value: string, known: readonly string[]): string {
  const guess = closest(value, known);
  return `${what} "${value}" is not in sweep.json${guess.length > 0 ? `; did you mean ${quoteChoices(guess)}?` : ` (it has ${known.join(', ')})`}`;
}

const REQUIRED = ['run', 'preset', 'point', 'replicate', 'viable', 'viability_failed'] as const;

/**
 * The records of a parsed runs.csv, checked against the sweep's presets and points; throws naming the
 * line and column. The metrics are the columns after `viability_failed` that do not start with `stat_`.
 */
export function parseRunsCsv(
  csv: CsvTable,
  plan: { presets: readonly string[]; points: readonly { id: string }[] },
): { runs: RunRecord[]; metrics: string[] } {
  const missing = REQUIRED.filter((c) => !csv.header.includes(c));
  if (missing.length > 0) throw new Error(`runs.csv: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (docs/sweeps.md lists the columns)`);
  const col = (name: string): number => csv.header.indexOf(name);
  const after = col('viability_failed') + 1;
  const metrics = csv.header.slice(after).filter((h) => !h.startsWith('stat_'));
  const points = plan.points.map((p) => p.id);
  const runs = csv.rows.map((cells, i): RunRecord => {
    const where = `runs.csv line ${i + 2}`;
    const cell = (name: string): string => cells[col(name)] ?? '';
    if (!plan.presets.includes(cell('preset'))) throw new Error(`${where}: ${unknownText('preset', cell('preset'), plan.presets)}`);
    if (!points.includes(cell('point'))) throw new Error(`${where}: ${unknownText('point', cell('point'), points)}`);
    const viable = cell('viable');
    if (!['', '0', '1'].includes(viable)) throw new Error(`${where}: viable: expected 1 or 0, got "${viable}"`);
    return {
      run: cell('run'),
      preset: cell('preset'),
      point: cell('point'),
      replicate: cellNumber(cell('replicate'), `${where}, column replicate`),
      viable: viable === '' ? null : viable === '1',
      failed: cell('viability_failed') === '' ? [] : cell('viability_failed').split(';'),
      values: new Map(metrics.map((m) => [m, cellNumber(cell(m), `${where}, column ${m}`)])),
    };
  });
  return { runs, metrics };
}
