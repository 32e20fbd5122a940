/**
 * metrics.csv read back as numbers: a header and one Float64Array per day, NaN for an empty cell. Its
 * columns and their formats are sim/metrics/columns.ts (MODEL.md section 10); the engine's rows are
 * written as they come by the run's sink (sim/io/runFiles.ts). Reports, the digest of a run and the
 * sweep's summary read the file back instead of taking rows from the engine, so any of them can be
 * rebuilt from a run folder long after the run. Parsing is pure; only `readMetricsCsv` touches files.
 */
import { readFileSync } from 'node:fs';

export interface MetricsTable {
  columns: string[];
  /** One row per line of the file, in the order of `columns`; NaN = empty cell. */
  rows: Float64Array[];
}

/** Parse the text of a metrics.csv: empty cell -> NaN, header kept as given. Throws on ragged or non-numeric rows. */
export function parseMetricsCsv(text: string): MetricsTable {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = lines[0];
  if (header === undefined || header === '') throw new Error('metrics.csv: no header line');
  const columns = header.split(',');
  const rows: Float64Array[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] ?? '').split(',');
    if (cells.length !== columns.length) {
      throw new Error(`metrics.csv line ${i + 1}: ${cells.length} cells, the header has ${columns.length}`);
    }
    const row = new Float64Array(columns.length);
    for (let j = 0; j < cells.length; j++) {
      const cell = (cells[j] ?? '').trim();
      const v = cell === '' ? NaN : Number(cell);
      if (cell !== '' && Number.isNaN(v)) {
        throw new Error(`metrics.csv line ${i + 1}, column "${columns[j]}": "${cell}" is not a number`);
      }
      row[j] = v;
    }
    rows.push(row);
  }
  return { columns, rows };
}

/** Read and parse a metrics.csv file (node only). */
export function readMetricsCsv(path: string): MetricsTable {
  return parseMetricsCsv(readFileSync(path, 'utf8'));
}

/** The text of a table as CSV (NaN -> empty cell), for tests and small tools; the engine's writer is sim/io. */
export function formatMetricsCsv(table: MetricsTable): string {
  const lines = [table.columns.join(',')];
  for (const row of table.rows) lines.push(Array.from(row, (v) => (Number.isNaN(v) ? '' : String(v))).join(','));
  return lines.join('\n') + '\n';
}

/** One column as an array, or undefined when the file has no such column. */
export function columnOf(table: MetricsTable, name: string): Float64Array | undefined {
  const j = table.columns.indexOf(name);
  if (j < 0) return undefined;
  // A plain loop: Float64Array.from with a mapping function took 5 % of finishing the claims protocol.
  const rows = table.rows;
  const column = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) column[i] = rows[i]![j] ?? NaN;
  return column;
}

/** The day of each row: the `day` column, or the row index when the file has none. */
export function daysOf(table: MetricsTable): Float64Array {
  return columnOf(table, 'day') ?? Float64Array.from(table.rows, (_, i) => i);
}
