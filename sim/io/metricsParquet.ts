/**
 * metrics.parquet (docs/data.md): metrics.csv (sim/metrics/columns.ts, MODEL.md section 10) as Parquet,
 * in two forms:
 * - a sweep's `metrics.parquet`: every run's daily rows, runs in plan order, each run one row group,
 *   with the run's place first: run, preset, point (UTF8), replicate (INT32), seed (INT64), then the
 *   columns of metrics.csv in order;
 * - a run's own `metrics.parquet` (`--run-files none`, docs/sweeps.md): the columns of metrics.csv only,
 *   one row group, kept in the run folder in place of metrics.csv.
 * A metric of format `int` is INT32, `tokens` and `real` DOUBLE, an empty cell a null. The values are
 * those of the CSV cells (`12.345` tokens, eight significant digits for reals), so the CSV and the
 * Parquet agree cell for cell.
 *
 * The sweep's file is written one run at a time (`SweepMetricsParquet.run`): memory holds one run's rows,
 * whatever the number of runs.
 */
import { readFileSync } from 'node:fs';
import { COLUMNS } from '../metrics/columns.js';
import type { MetricsTable } from './metricsCsv.js';
import type { RunPlace } from './runsCsv.js';
import { csvFileToParquet, numberCellValue, ParquetFile, readParquetRows, type ParquetCell, type ParquetColumn } from './parquet.js';

export const METRICS_PARQUET = 'metrics.parquet';

/** The columns of metrics.csv, typed. */
export const METRIC_PARQUET_COLUMNS: readonly ParquetColumn[] = COLUMNS.map((c) => ({ name: c.name, kind: c.format === 'int' ? 'int32' : 'double' }));

/** The columns that say which run a row is of. */
export const RUN_PLACE_COLUMNS: readonly ParquetColumn[] = [
  { name: 'run', kind: 'string' }, { name: 'preset', kind: 'string' }, { name: 'point', kind: 'string' },
  { name: 'replicate', kind: 'int32' }, { name: 'seed', kind: 'int64' },
];

/** The columns of a sweep's metrics.parquet. */
export const SWEEP_METRICS_PARQUET_COLUMNS: readonly ParquetColumn[] = [...RUN_PLACE_COLUMNS, ...METRIC_PARQUET_COLUMNS];

/** One row group per run: large enough for any run's days. */
const RUN_GROUP_ROWS = 1 << 24;

/** A run's metrics.csv as its own metrics.parquet (one row group); returns the rows. */
export function writeRunMetricsParquet(metricsCsv: string, path: string): number {
  return csvFileToParquet(metricsCsv, path, METRIC_PARQUET_COLUMNS, RUN_GROUP_ROWS);
}

/** The columns of a run's metrics, typed, from the text of its metrics.csv. */
export function metricsCsvCells(text: string, file: string): ParquetCell[][] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const names = METRIC_PARQUET_COLUMNS.map((c) => c.name).join(',');
  if (lines[0] !== names) throw new Error(`${file}: the header is not metrics.csv's columns of this version (${names.slice(0, 60)}...)`);
  const columns = METRIC_PARQUET_COLUMNS;
  const kinds = columns.map((c) => c.kind);
  const cells: ParquetCell[][] = columns.map(() => new Array<ParquetCell>(lines.length - 1));
  // Each cell read in place (numberCellValue), not split into a string of its own: a run's metrics.csv
  // is about 100,000 cells. One try around the loop, its error naming column j.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    let count = 1;
    for (let at = line.indexOf(','); at >= 0; at = line.indexOf(',', at + 1)) count++;
    if (count !== columns.length) throw new Error(`${file} line ${i + 1}: ${count} cells, expected ${columns.length}`);
    let j = 0;
    let a = 0;
    try {
      for (; j < columns.length; j++) {
        const comma = line.indexOf(',', a);
        const b = comma < 0 ? line.length : comma;
        cells[j]![i - 1] = numberCellValue(line, a, b, kinds[j]!);
        a = b + 1;
      }
    } catch (error) {
      throw new Error(`${file} line ${i + 1}, column ${columns[j]!.name}: ${(error as Error).message}`);
    }
  }
  return cells;
}

/** The columns of a run's metrics from its own metrics.parquet. */
export async function runMetricsParquetCells(path: string): Promise<ParquetCell[][]> {
  const rows = await readParquetRows(path);
  return METRIC_PARQUET_COLUMNS.map((c) => rows.map((r) => (r[c.name] ?? null) as ParquetCell));
}

/** A run's metrics as the table metrics.csv reads into (null -> NaN). */
export function metricsTableOf(cells: readonly ParquetCell[][]): MetricsTable {
  const n = cells[0]?.length ?? 0;
  const m = cells.length;
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const v = cells[j]![i];
      row[j] = typeof v === 'number' ? v : NaN;
    }
    rows.push(row);
  }
  return { columns: METRIC_PARQUET_COLUMNS.map((c) => c.name), rows };
}

/** A sweep's metrics.parquet, written a run at a time, in the order `run` is called. */
export class SweepMetricsParquet {
  private readonly file: ParquetFile;

  constructor(readonly path: string) {
    this.file = new ParquetFile(path, SWEEP_METRICS_PARQUET_COLUMNS);
  }

  /** Add a run's rows (its metric columns, as metricsCsvCells or runMetricsParquetCells give them). */
  run(place: RunPlace, metrics: readonly ParquetCell[][]): void {
    const n = metrics[0]?.length ?? 0;
    const fill = <T extends ParquetCell>(v: T): T[] => new Array<T>(n).fill(v);
    this.file.group([fill(place.run), fill(place.preset), fill(place.point), fill(place.replicate), fill(BigInt(place.seed)), ...metrics]);
  }

  get rows(): number {
    return this.file.rows;
  }

  close(): void {
    this.file.close();
  }
}

/** Read a run's metrics.csv into typed columns (node only). */
export function readMetricsCsvCells(path: string): ParquetCell[][] {
  return metricsCsvCells(readFileSync(path, 'utf8'), path);
}
