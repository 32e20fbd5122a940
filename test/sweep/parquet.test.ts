/**
 * The Parquet files a sweep writes (sim/sweep/aggregate.ts): a small sweep (2 presets x 2 points x 2 replicates of 30
 * agents x 60 days), read back with hyparquet: the same bytes with 1 and 2 workers, the columns typed,
 * and every cell equal to the cell of its CSV (runs.csv, summary.csv, each run's metrics.csv); and
 * --run-files none: run folders with only Parquet files and manifest.json, the same sweep files, --resume.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsJson, evaluateClaims } from '../../sim/analysis/claims.js';
import { loadSweep } from '../../sim/analysis/sweepData.js';
import { compare } from '../../sim/analysis/compare.js';
import { parseCsv } from '../../sim/io/csvRecords.js';
import { readParquetRows } from '../../sim/io/parquet.js';
import { sweep } from '../../sim/sweep/run.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-sweep-parquet-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = join(root, 'small.yaml');
writeFileSync(file, ['compare: [gift, peer-bank]', 'seeds: 2', 'seed: 4', 'agents: 30', 'days: 60', 'aggregate.everyDays: 10', 'sweep:', '  bank.k: [7, 90]'].join('\n') + '\n');

const PARQUET = ['runs.parquet', 'summary.parquet', 'metrics.parquet'];
const one = join(root, 'one');
const two = join(root, 'two');

/** The CSV cell a Parquet value stands for: null for an empty cell, numbers compared as numbers. */
function expectCell(value: unknown, cell: string, where: string): void {
  if (cell === '') return void expect(value, where).toBeNull();
  if (typeof value === 'string') return void expect(value, where).toBe(cell);
  if (typeof value === 'bigint') return void expect(value, where).toBe(BigInt(cell));
  expect(value, where).toBe(Number(cell));
}

function expectTable(rows: Record<string, unknown>[], csvText: string, file: string): void {
  const csv = parseCsv(csvText, file);
  expect(rows).toHaveLength(csv.rows.length);
  rows.forEach((row, i) => {
    expect(Object.keys(row), file).toEqual(csv.header);
    csv.header.forEach((name, j) => expectCell(row[name], csv.rows[i]![j]!, `${file} line ${i + 2}, ${name}`));
  });
}

const schemaOf = (path: string): Record<string, string> => {
  const buf = readFileSync(path);
  const meta = parquetMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return Object.fromEntries(meta.schema.slice(1).map((e) => [e.name, `${e.type}${e.converted_type === 'UTF8' ? '/UTF8' : ''}`]));
};

describe('a sweep\'s Parquet files', { timeout: 300_000 }, () => {
  it('writes runs.parquet, summary.parquet and metrics.parquet, byte-identical with 1 and 2 workers', async () => {
    const a = await sweep(file, { out: one, workers: 1 });
    await sweep(file, { out: two, workers: 2 });
    for (const name of PARQUET) expect(readFileSync(join(two, name)).equals(readFileSync(join(one, name))), name).toBe(true);
    expect(a.files.metricsParquet).toBe(join(one, 'metrics.parquet'));
    expect(JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8')).files).toEqual(expect.arrayContaining(PARQUET));
  });

  it('types the columns: names and places UTF8, counts INT32, seeds INT64, measures DOUBLE', () => {
    const runs = schemaOf(join(one, 'runs.parquet'));
    expect(runs).toMatchObject({ run: 'BYTE_ARRAY/UTF8', preset: 'BYTE_ARRAY/UTF8', replicate: 'INT32', seed: 'INT64', 'bank.k': 'DOUBLE', viable: 'INT32', viability_failed: 'BYTE_ARRAY/UTF8', money_ch: 'DOUBLE', stat_rho_spearman: 'DOUBLE' });
    expect(schemaOf(join(one, 'summary.parquet'))).toMatchObject({ metric: 'BYTE_ARRAY/UTF8', day: 'INT32', n: 'INT32', mean: 'DOUBLE', q95: 'DOUBLE' });
    const metrics = schemaOf(join(one, 'metrics.parquet'));
    expect(Object.keys(metrics).slice(0, 6)).toEqual(['run', 'preset', 'point', 'replicate', 'seed', 'day']);
    expect(metrics).toMatchObject({ seed: 'INT64', day: 'INT32', producers_active: 'INT32', money_ch: 'DOUBLE', dropout_share: 'DOUBLE' });
  });

  it('runs.parquet and summary.parquet hold runs.csv and summary.csv cell by cell, empty cells as nulls', async () => {
    expectTable(await readParquetRows(join(one, 'runs.parquet')), readFileSync(join(one, 'runs.csv'), 'utf8'), 'runs.csv');
    expectTable(await readParquetRows(join(one, 'summary.parquet')), readFileSync(join(one, 'summary.csv'), 'utf8'), 'summary.csv');
  });

  it('metrics.parquet holds every run\'s metrics.csv in plan order, each row led by its run, preset, point, replicate and seed', async () => {
    const rows = await readParquetRows(join(one, 'metrics.parquet'));
    const plan = JSON.parse(readFileSync(join(one, 'sweep.json'), 'utf8')) as { runs: { run: string; preset: string; point: string; replicate: number; seed: number }[] };
    expect(plan.runs).toHaveLength(8);
    let at = 0;
    for (const run of plan.runs) {
      const csv = readFileSync(join(one, run.run, 'metrics.csv'), 'utf8');
      const days = parseCsv(csv, 'metrics.csv').rows.length;
      const mine = rows.slice(at, at + days);
      at += days;
      for (const row of mine) expect({ ...row }).toMatchObject({ run: run.run, preset: run.preset, point: run.point, replicate: run.replicate, seed: BigInt(run.seed) });
      expectTable(mine.map((r) => Object.fromEntries(Object.entries(r).slice(5))), csv, `${run.run}/metrics.csv`);
    }
    expect(at).toBe(rows.length);
    expect(rows.some((r) => Object.values(r).includes(null))).toBe(true); // empty metrics.csv cells are there, as nulls
  });
});

describe('sweep --run-files none', { timeout: 300_000 }, () => {
  const none = join(root, 'none');
  const SWEEP_FILES = ['runs.csv', 'summary.csv', ...PARQUET];

  it('keeps only metrics.parquet, agents.parquet and manifest.json in each run folder, and gives the sweep files of a csv sweep byte for byte', async () => {
    await sweep(file, { out: none, workers: 2, runFiles: 'none' });
    const plan = JSON.parse(readFileSync(join(none, 'sweep.json'), 'utf8')) as { runs: { run: string }[] };
    for (const { run } of plan.runs) {
      expect(readdirSync(join(none, run)).sort(), run).toEqual(['agents.parquet', 'manifest.json', 'metrics.parquet']);
      const manifest = JSON.parse(readFileSync(join(none, run, 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.bytes).sort()).toEqual(['agents.parquet', 'metrics.parquet']);
    }
    // runs.csv holds C2's statistic, computed from agents.parquet here and from agents.csv there
    for (const name of SWEEP_FILES) expect(readFileSync(join(none, name)).equals(readFileSync(join(one, name))), name).toBe(true);
  });

  it('--resume trusts a run folder by its manifest.json and the sizes of its Parquet files, and makes the others again', async () => {
    const plan = JSON.parse(readFileSync(join(none, 'sweep.json'), 'utf8')) as { runs: { run: string }[] };
    rmSync(join(none, plan.runs[1]!.run, 'manifest.json'));
    writeFileSync(join(none, plan.runs[5]!.run, 'agents.parquet'), 'PAR1 truncated');
    const damaged: string[] = [];
    const r = await sweep(file, { out: none, workers: 2, runFiles: 'none', resume: true, onDamaged: (run, problem) => damaged.push(`${run.run}: ${problem}`) });
    expect(r).toMatchObject({ ran: 2, reused: 6 });
    expect(damaged).toEqual([`${plan.runs[1]!.run}: manifest.json is missing`, expect.stringMatching(/agents\.parquet is 14 bytes, manifest\.json says \d+/)]);
    for (const name of SWEEP_FILES) expect(readFileSync(join(none, name)).equals(readFileSync(join(one, name))), name).toBe(true);
  });

  it('--resume with the other mode keeps the complete runs as they are and makes the rest in its own form, the sweep files unchanged', async () => {
    const plan = JSON.parse(readFileSync(join(two, 'sweep.json'), 'utf8')) as { runs: { run: string }[] };
    rmSync(join(two, plan.runs[3]!.run), { recursive: true });
    const r = await sweep(file, { out: two, workers: 1, runFiles: 'none', resume: true });
    expect(r).toMatchObject({ ran: 1, reused: 7 });
    expect(readdirSync(join(two, plan.runs[3]!.run)).sort()).toEqual(['agents.parquet', 'manifest.json', 'metrics.parquet']);
    expect(readdirSync(join(two, plan.runs[0]!.run)).sort()).toEqual(['agents.csv', 'manifest.json', 'metrics.csv']);
    for (const name of SWEEP_FILES) expect(readFileSync(join(two, name)).equals(readFileSync(join(one, name))), name).toBe(true);
  });

  it('the claims (so --report) and abundance compare read the Parquet runs and judge as on the CSVs', async () => {
    expect(claimsJson(await evaluateClaims(none))).toBe(claimsJson(await evaluateClaims(one)));
    // every per-run number the claims use, C2's statistic (from agents.parquet) among them
    const fromParquet = (await loadSweep(none)).digests;
    expect(fromParquet).toEqual((await loadSweep(one)).digests);
    expect(fromParquet.some((d) => Number.isFinite(d.statistics.stat_rho_spearman))).toBe(true);
    await compare(none, { baseline: 'gift' });
    await compare(one, { baseline: 'gift' });
    expect(readFileSync(join(none, 'compare.csv'), 'utf8')).toBe(readFileSync(join(one, 'compare.csv'), 'utf8'));
  });
});
