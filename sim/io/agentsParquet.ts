/**
 * A sweep run's agents.parquet (`--run-files none`, docs/sweeps.md): its agents.csv (sim/metrics/
 * agentColumns.ts) as Parquet, kept in the run folder in place of the CSV, cell for cell: `int` columns
 * INT32, `real` DOUBLE, enumerations (type, status) their labels as UTF8, empty cells nulls; one row
 * group. agentsCsvText gives the CSV text back for the claim statistics that read agents.csv (C2's,
 * sim/analysis/producers.ts): the same values, so the same statistics.
 */
import { AGENT_COLUMNS } from '../metrics/agentColumns.js';
import { csvFileToParquet, readParquetRows, type ParquetColumn } from './parquet.js';

export const AGENTS_PARQUET = 'agents.parquet';

export const AGENT_PARQUET_COLUMNS: readonly ParquetColumn[] = AGENT_COLUMNS.map((c) => ({
  name: c.name,
  kind: c.format === 'int' ? 'int32' : c.format === 'enum' ? 'string' : 'double',
}));

/** A run's agents.csv as its agents.parquet (one row group); returns the rows. */
export function writeRunAgentsParquet(agentsCsv: string, path: string): number {
  return csvFileToParquet(agentsCsv, path, AGENT_PARQUET_COLUMNS, 1 << 24);
}

/** The text of agents.csv that an agents.parquet holds (numbers in JavaScript's shortest form). */
export async function agentsCsvText(path: string): Promise<string> {
  const rows = await readParquetRows(path);
  const names = AGENT_PARQUET_COLUMNS.map((c) => c.name);
  const lines = [names.join(',')];
  for (const row of rows) lines.push(names.map((n) => (row[n] === null || row[n] === undefined ? '' : String(row[n]))).join(','));
  return lines.join('\n') + '\n';
}
