/**
 * summary.parquet (docs/data.md): summary.csv (sim/io/summaryCsv.ts) as Parquet, column for column and
 * cell for cell, each row converted from the texts of its CSV line as the sweep's aggregation writes it
 * (sim/sweep/aggregate.ts). Types: preset, point and metric UTF8; a swept key as in runs.parquet; day
 * and n INT32; the statistics DOUBLE. Empty cells (an interval of one replicate) are nulls.
 */
import { valueKind, type ParquetColumn, type ParquetKind } from './parquet.js';
import { summaryHeader } from './summaryCsv.js';

export const SUMMARY_PARQUET = 'summary.parquet';

const FIXED: Readonly<Record<string, ParquetKind>> = { preset: 'string', point: 'string', metric: 'string', day: 'int32', n: 'int32' };

/** The columns of summary.parquet for a sweep's swept keys and the values its points give them. */
export function summaryParquetColumns(sweptKeys: readonly string[], points: readonly { params: Record<string, unknown> }[]): ParquetColumn[] {
  const swept = new Map(sweptKeys.map((k) => [k, valueKind(points.map((p) => p.params[k]))]));
  return summaryHeader(sweptKeys).map((name) => ({ name, kind: swept.get(name) ?? FIXED[name] ?? 'double' }));
}
