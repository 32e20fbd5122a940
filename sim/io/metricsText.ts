/**
 * metricsCsvText(rows) -> the text of a metrics.csv: the header of COLUMNS and each row in its column's
 * format, exactly what the run's sink streams to disk (sim/io/runFiles.ts with CsvWriter). No Node
 * import: the browser's "try it" run (sim/report/tryit/worker.ts) downloads the same bytes.
 */
import { COLUMNS } from '../metrics/columns.js';
import { csvText, formatRow } from './csvFormat.js';

/** The header line of metrics.csv (no newline). */
export const metricsHeaderLine = (): string => COLUMNS.map((c) => csvText(c.name)).join(',');

/** One day's row as a line of metrics.csv (no newline). */
export const metricsLine = (row: ArrayLike<number>): string => formatRow(row, COLUMNS);

/** A whole metrics.csv: the header, then one line per row, each ending in a newline. */
export function metricsCsvText(rows: readonly ArrayLike<number>[]): string {
  const lines = [metricsHeaderLine()];
  for (const row of rows) lines.push(metricsLine(row));
  return lines.join('\n') + '\n';
}
