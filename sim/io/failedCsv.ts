/**
 * failed.csv of a sweep folder (or a shard's): one row per run that threw (a broken invariant, a
 * worker that crashed), in sweep.json order: `run,preset,point,replicate,seed,error`, the error being
 * the first line of its message. Present only when a run failed; `--resume` makes those runs again and
 * rewrites it (or removes it when none fails any more). `abundance merge` refuses a shard that has one
 * unless --allow-failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from './csv.js';
import { cellNumber, parseCsv } from './csvRecords.js';

export const FAILED_CSV = 'failed.csv';
export const FAILED_HEADER = ['run', 'preset', 'point', 'replicate', 'seed', 'error'] as const;

export interface FailedRun {
  run: string;
  preset: string;
  point: string;
  replicate: number;
  seed: number;
  /** The first line of the error's message. */
  error: string;
}

/** The first line of an error's message (`Name: message` unless the name is plain Error). */
export function errorLine(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const first = (e.message.split('\n')[0] ?? '').trim();
  return e.name !== '' && e.name !== 'Error' ? `${e.name}: ${first}` : first;
}

export function failedCsvText(rows: readonly FailedRun[]): string {
  const lines = [FAILED_HEADER.join(',')];
  for (const r of rows) lines.push([csvText(r.run), csvText(r.preset), csvText(r.point), String(r.replicate), String(r.seed), csvText(r.error)].join(','));
  return lines.join('\n') + '\n';
}

/** The failed runs of a folder: [] when it has no failed.csv; throws naming the line when malformed. */
export function readFailedCsv(dir: string): FailedRun[] {
  const path = join(dir, FAILED_CSV);
  if (!existsSync(path)) return [];
  const table = parseCsv(readFileSync(path, 'utf8'), path);
  const missing = FAILED_HEADER.filter((c) => !table.header.includes(c));
  if (missing.length > 0) throw new Error(`${path}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${FAILED_HEADER.join(',')})`);
  const col = (cells: string[], name: string): string => cells[table.header.indexOf(name)] ?? '';
  return table.rows.map((cells, i) => ({
    run: col(cells, 'run'),
    preset: col(cells, 'preset'),
    point: col(cells, 'point'),
    replicate: cellNumber(col(cells, 'replicate'), `${path} line ${i + 2}, column replicate`),
    seed: cellNumber(col(cells, 'seed'), `${path} line ${i + 2}, column seed`),
    error: col(cells, 'error'),
  }));
}
