/**
 * runs.csv (docs/sweeps.md) -> one record per run: where it sits in the sweep (preset, point,
 * replicate), whether it was viable, and the window mean of every metric. The columns are
 * `run,preset,point,replicate,seed,<swept keys...>,viable,viability_failed,<metrics...>,<stat_...>`;
 * the metrics are the columns after `viability_failed` that do not start with `stat_`.
 */
import { closest } from '../../scenario/suggest.js';
import { quoteChoices } from '../../scenario/errors.js';
import { cellNumber, type CsvTable } from '../csvRecords.js';
import { ReportError } from '../errors.js';
import type { SweepPlan } from './plan.js';

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

const REQUIRED = ['run', 'preset', 'point', 'replicate', 'viable', 'viability_failed'] as const;

function unknownText(what: string, value: string, known: readonly string[]): string {
  const guess = closest(value, known);
  return `${what} "${value}" is not in sweep.json${guess.length > 0 ? `; did you mean ${quoteChoices(guess)}?` : ` (it has ${known.join(', ')})`}`;
}

export function readRunsCsv(csv: CsvTable, plan: SweepPlan): { runs: RunRecord[]; metrics: string[] } {
  const missing = REQUIRED.filter((c) => !csv.header.includes(c));
  if (missing.length > 0) throw new ReportError(`runs.csv: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (docs/sweeps.md lists the columns)`);
  const col = (name: string): number => csv.header.indexOf(name);
  const after = col('viability_failed') + 1;
  const metrics = csv.header.slice(after).filter((h) => !h.startsWith('stat_'));
  const points = plan.points.map((p) => p.id);
  const runs = csv.rows.map((cells, i): RunRecord => {
    const where = `runs.csv line ${i + 2}`;
    const cell = (name: string): string => cells[col(name)] ?? '';
    if (!plan.presets.includes(cell('preset'))) throw new ReportError(`${where}: ${unknownText('preset', cell('preset'), plan.presets)}`);
    if (!points.includes(cell('point'))) throw new ReportError(`${where}: ${unknownText('point', cell('point'), points)}`);
    const viable = cell('viable');
    if (!['', '0', '1'].includes(viable)) throw new ReportError(`${where}: viable: expected 1 or 0, got "${viable}"`);
    try {
      return {
        run: cell('run'),
        preset: cell('preset'),
        point: cell('point'),
        replicate: cellNumber(cell('replicate'), `${where}, column replicate`),
        viable: viable === '' ? null : viable === '1',
        failed: cell('viability_failed') === '' ? [] : cell('viability_failed').split(';'),
        values: new Map(metrics.map((m) => [m, cellNumber(cell(m), `${where}, column ${m}`)])),
      };
    } catch (error) {
      throw error instanceof ReportError ? error : new ReportError((error as Error).message);
    }
  });
  return { runs, metrics };
}
