/**
 * Test helpers for the sweep report: a fixture folder per test file (removed afterwards), and the
 * fixture's files read back naively (they have no quoted cells), so expectations come from the files
 * the report reads, not from the code under test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeSweepFixture, type FixtureOptions } from './fixture.js';

export function fixtureDir(opts: FixtureOptions): string {
  const root = mkdtempSync(join(tmpdir(), 'abundance-sweep-'));
  writeSweepFixture(join(root, 'sweep'), opts);
  return join(root, 'sweep');
}

/** The rows of a fixture CSV as objects keyed by header. */
export function csvObjects(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [header[i] ?? '', c])));
}

/** Mean of the finite numbers of a list. */
export function meanOf(values: number[]): number {
  const xs = values.filter(Number.isFinite);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The runs.csv window means of a metric in one cell (preset, point). */
export function cellValues(dir: string, preset: string, point: string, metric: string): number[] {
  return csvObjects(join(dir, 'runs.csv')).filter((r) => r['preset'] === preset && r['point'] === point)
    .map((r) => (r[metric] === '' ? NaN : Number(r[metric])));
}

/** The data rows of a Vega-Lite spec with inline values. */
export const valuesOf = (spec: unknown): Record<string, unknown>[] => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

/** A fixture maker whose folders are deleted after the test file (call at the top of a test file). */
export function freshFixtures(): (opts: FixtureOptions) => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (opts) => {
    const dir = fixtureDir(opts);
    dirs.push(dirname(dir));
    return dir;
  };
}
