/**
 * runs.parquet (docs/data.md): runs.csv (sim/io/runsCsv.ts) as Parquet, column for column and cell for
 * cell: each row converted from the texts of its CSV line as the sweep's aggregation writes it
 * (sim/sweep/aggregate.ts), so the two cannot disagree. Types: run, preset, point and
 * viability_failed UTF8; replicate and viable INT32; seed INT64; a swept key DOUBLE when all its
 * values are numbers (BOOLEAN for flags, else UTF8); every metric and statistic DOUBLE. Empty cells
 * are nulls.
 */
import { valueKind, type ParquetColumn, type ParquetKind } from './parquet.js';
import { runsHeader } from './runsCsv.js';

export const RUNS_PARQUET = 'runs.parquet';

const FIXED: Readonly<Record<string, ParquetKind>> = {
  run: 'string', preset: 'string', point: 'string', replicate: 'int32', seed: 'int64', viable: 'int32', viability_failed: 'string',
};

/** The columns of runs.parquet for a sweep's swept keys and the values its points give them. */
export function runsParquetColumns(sweptKeys: readonly string[], points: readonly { params: Record<string, unknown> }[]): ParquetColumn[] {
  const swept = new Map(sweptKeys.map((k) => [k, valueKind(points.map((p) => p.params[k]))]));
  return runsHeader(sweptKeys).map((name) => ({ name, kind: swept.get(name) ?? FIXED[name] ?? 'double' }));
}
