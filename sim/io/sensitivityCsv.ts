/**
 * sensitivity.csv (docs/sensitivity.md): the global sensitivity of a sampled sweep, one row per preset,
 * metric and factor (sim/sensitivity/study.ts), written by `abundance sensitivity` and read back by the
 * report. One module: the header, the writer and the reader share SENSITIVITY_HEADER.
 *
 *   preset, metric, method (sobol | sobol-s2 | morris), param (a factor, or "a*b" for S2),
 *   S1, S1_lo, S1_hi, ST, ST_lo, ST_hi, S2, S2_lo, S2_hi, mu_star, mu_star_lo, mu_star_hi, mu, sigma,
 *   seed_noise_share, n_points, n_seeds
 *
 * _lo/_hi: the bootstrap 95 % interval. Numbers have up to 6 significant digits; an empty cell where a
 * quantity does not apply or has no value (zero variance, too few points).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { csvText, num6 } from './csv.js';
import { cellNumber, parseCsv } from './csvRecords.js';
import { writeFileAtomically } from './atomicFile.js';
import type { SensitivityRow } from '../sensitivity/study.js';

export { SENSITIVITY_CSV } from './outputPath.js';

export const SENSITIVITY_HEADER = [
  'preset', 'metric', 'method', 'param',
  'S1', 'S1_lo', 'S1_hi', 'ST', 'ST_lo', 'ST_hi', 'S2', 'S2_lo', 'S2_hi',
  'mu_star', 'mu_star_lo', 'mu_star_hi', 'mu', 'sigma',
  'seed_noise_share', 'n_points', 'n_seeds',
] as const;

const METHODS = ['sobol', 'sobol-s2', 'morris'] as const;

export function sensitivityCsv(rows: readonly SensitivityRow[]): string {
  const lines = [SENSITIVITY_HEADER.join(',')];
  for (const r of rows) {
    lines.push([
      ...[r.preset, r.metric, r.method, r.param].map(csvText),
      ...[r.S1, r.ST, r.S2, r.muStar].flatMap((i) => [i.value, i.lo, i.hi]).map(num6),
      num6(r.mu), num6(r.sigma), num6(r.seedNoiseShare), String(r.nPoints), String(r.nSeeds),
    ].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Is the file at `path` one this module wrote (its first line is our header)? */
export function isSensitivityCsv(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isFile()) return false;
  const first = readFileSync(path, 'utf8').split('\n', 1)[0] ?? '';
  return first === SENSITIVITY_HEADER.join(',');
}

/**
 * Write atomically; refuses (throws, nothing written) to replace a file that is not a sensitivity.csv
 * (a file it did not write).
 */
export function writeSensitivityCsv(path: string, rows: readonly SensitivityRow[]): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new Error(`${path}: is a folder; --out names the file to write, e.g. ${join(path, 'sensitivity.csv')}`);
  if (existsSync(path) && !isSensitivityCsv(path)) {
    throw new Error(`${path}: exists and is not a sensitivity.csv written by abundance sensitivity (its first line is not the header); not replaced, choose another --out`);
  }
  writeFileAtomically(path, sensitivityCsv(rows));
}

/** Read a sensitivity.csv back; throws naming the line and column when it is malformed. */
export function readSensitivityCsv(path: string): SensitivityRow[] {
  const table = parseCsv(readFileSync(path, 'utf8'), path);
  const missing = SENSITIVITY_HEADER.filter((h) => !table.header.includes(h));
  if (missing.length > 0) throw new Error(`${path}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (docs/sensitivity.md lists them)`);
  const col = new Map(table.header.map((h, i) => [h, i]));
  return table.rows.map((cells, i) => {
    const where = `${path} line ${i + 2}`;
    const cell = (name: string): string => cells[col.get(name)!] ?? '';
    const num = (name: string): number => cellNumber(cell(name), `${where}, column ${name}`);
    const interval = (name: string) => ({ value: num(name), lo: num(`${name}_lo`), hi: num(`${name}_hi`) });
    const method = cell('method');
    if (!(METHODS as readonly string[]).includes(method)) throw new Error(`${where}, column method: expected one of ${METHODS.join(', ')}, got "${method}"`);
    return {
      preset: cell('preset'), metric: cell('metric'), method: method as SensitivityRow['method'], param: cell('param'),
      S1: interval('S1'), ST: interval('ST'), S2: interval('S2'), muStar: interval('mu_star'),
      mu: num('mu'), sigma: num('sigma'), seedNoiseShare: num('seed_noise_share'),
      nPoints: num('n_points'), nSeeds: num('n_seeds'),
    };
  });
}
