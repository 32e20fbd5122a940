/**
 * sim/sweep/run with the real engine on worker threads, on a small sweep (2 presets x 2 points x 3
 * replicates of 30 agents x 100 days): the files of docs/sweeps.md, byte-identical with 1 or 2
 * workers and after --resume, runs.csv and summary.csv checked against the run folders by hand.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMetricsCsv } from '../../sim/io/metricsCsv.js';
import { gitProvenance } from '../../sim/io/git.js';
import { projectPackage } from '../../sim/io/manifest.js';
import { viability } from '../../sim/metrics/viability.js';
import { SweepFolderExists } from '../../sim/sweep/folder.js';
import { sweep } from '../../sim/sweep/run.js';
import { replicateSeed } from '../../sim/sweep/seeds.js';
import { tQuantile } from '../../sim/stats/interval.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-sweep-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = join(root, 'small.yaml');
writeFileSync(file, [
  'compare: [gift, peer-bank]',
  'seeds: 3',
  'seed: 4',
  'agents: 30',
  'days: 100',
  'aggregate.everyDays: 10',
  'sweep:',
  '  bank.k: [7, 90]',
].join('\n') + '\n');

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');
const csv = (text: string): string[][] => text.trimEnd().split('\n').map((l) => l.split(','));
const RUN_DIRS = ['gift/p000', 'gift/p001', 'peer-bank/p000', 'peer-bank/p001'].flatMap((p) => ['r000', 'r001', 'r002'].map((r) => `runs/${p}/${r}`));

describe('sweep/run', { timeout: 300_000 }, () => {
  const one = join(root, 'one');
  const two = join(root, 'two');

  it('writes the sweep folder of docs/sweeps.md, byte-identical with 1 and 2 workers', async () => {
    const a = await sweep(file, { out: one, workers: 1 });
    await sweep(file, { out: two, workers: 2 });
    expect(a).toMatchObject({ runs: 12, ran: 12, reused: 0 });
    expect(readdirSync(one).sort()).toEqual(['manifest.json', 'metrics.parquet', 'runs', 'runs.csv', 'runs.parquet', 'summary.csv', 'summary.parquet', 'sweep.json', 'timings.json']);
    for (const name of ['runs.csv', 'summary.csv', 'sweep.json', 'manifest.json']) expect(read(two, name), name).toBe(read(one, name));
    for (const name of ['runs.parquet', 'summary.parquet', 'metrics.parquet']) expect(readFileSync(join(two, name)).equals(readFileSync(join(one, name))), name).toBe(true);
    for (const run of RUN_DIRS) {
      expect(readdirSync(join(one, run)).sort(), run).toEqual(['agents.csv', 'manifest.json', 'metrics.csv']);
      for (const name of ['metrics.csv', 'agents.csv', 'manifest.json']) expect(read(join(two, run), name), `${run}/${name}`).toBe(read(join(one, run), name));
    }
    const manifest = JSON.parse(read(two, 'manifest.json'));
    expect(manifest).toMatchObject({ runs: 12 });
    expect(manifest.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(read(two, 'timings.json'))).toMatchObject({ workers: 2, ran: 12, reused: 0, failed: 0 });
    const plan = JSON.parse(read(one, 'sweep.json'));
    expect(plan).toMatchObject({ name: 'small', baseSeed: 4, replicates: 3, presets: ['gift', 'peer-bank'], sweptKeys: ['bank.k'], everyDays: 10 });
    expect(plan.runs.map((r: { run: string }) => r.run)).toEqual(RUN_DIRS);
    expect(read(one, 'runs.csv')).not.toMatch(/T\d\d:\d\d/); // no dates
  });

  it('runs every preset and point of replicate r on seed replicateSeed(base, r), recorded in each run', () => {
    for (const run of RUN_DIRS) {
      const r = Number(run.slice(-3));
      const m = JSON.parse(read(join(one, run), 'manifest.json'));
      expect(m.seed).toBe(replicateSeed(4, r));
      expect(m.scenario.bank.k).toBe(run.includes('p000') ? 7 : 90);
      expect(m.preset).toBe(run.split('/')[1]);
    }
  });

  it('writes in runs.csv each metric\'s window mean and the viability of each run, as computed from its folder', () => {
    const rows = csv(read(one, 'runs.csv'));
    const header = rows[0]!;
    expect(header.slice(0, 8)).toEqual(['run', 'preset', 'point', 'replicate', 'seed', 'bank.k', 'viable', 'viability_failed']);
    expect(rows).toHaveLength(13);
    for (const row of [rows[1]!, rows[12]!]) {
      const dir = join(one, row[0]!);
      const table = readMetricsCsv(join(dir, 'metrics.csv'));
      expect(row[3]).toBe(row[0]!.slice(-1));
      for (const metric of ['goods_total', 'copies_per_capita', 'cost_index', 'money_ch']) {
        const j = table.columns.indexOf(metric);
        // W, the last 365 days (MODEL.md section 9): the whole of a 100-day run.
        const xs = table.rows.filter((r) => r[0]! >= 99 - 364).map((r) => r[j]!).filter(Number.isFinite);
        const cell = row[header.indexOf(metric)]!;
        if (xs.length === 0) expect(cell, metric).toBe('');
        else expect(Number(cell), metric).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 4 - Math.ceil(Math.log10(Math.abs(Number(cell)) + 1)));
      }
      const money = row[1] !== 'gift';
      const failed = viability(table, { money, exchange: money }).filter((c) => c.applies && !c.pass).map((c) => c.name);
      expect(row[6]).toBe(failed.length === 0 ? '1' : '0');
      expect(row[7]).toBe(failed.join(';'));
    }
    expect(rows[1]![header.indexOf('money_ch')]).toBe(''); // gift has no money
  });

  it('computes summary.csv from the replicates\' metrics.csv, on the day stride', () => {
    const rows = csv(read(one, 'summary.csv'));
    expect(rows[0]!.join(',')).toBe('preset,point,bank.k,metric,day,n,mean,sd,ci95_lo,ci95_hi,q05,q25,q50,q75,q95');
    const days = [...new Set(rows.slice(1).map((r) => r[4]))];
    expect(days).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '99']);
    const row = rows.find((r) => r[0] === 'peer-bank' && r[1] === 'p001' && r[3] === 'goods_total' && r[4] === '90')!;
    expect(row[2]).toBe('90');
    const xs = ['r000', 'r001', 'r002'].map((r) => {
      const t = readMetricsCsv(join(one, 'runs/peer-bank/p001', r, 'metrics.csv'));
      return t.rows[90]![t.columns.indexOf('goods_total')]!;
    });
    const mean = (xs[0]! + xs[1]! + xs[2]!) / 3;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    const half = (tQuantile(0.975, 2) * sd) / Math.sqrt(3);
    const sorted = [...xs].sort((a, b) => a - b);
    const q = (p: number): number => sorted[Math.floor(2 * p)]! + (2 * p - Math.floor(2 * p)) * ((sorted[Math.floor(2 * p) + 1] ?? sorted[2]!) - sorted[Math.floor(2 * p)]!);
    const expected = [3, mean, sd, mean - half, mean + half, q(0.05), q(0.25), q(0.5), q(0.75), q(0.95)];
    row.slice(5).map(Number).forEach((v, i) => expect(v, `column ${i}`).toBeCloseTo(expected[i]!, 6 - Math.ceil(Math.log10(Math.abs(expected[i]!) + 1))));
    expect(sd).toBeGreaterThan(0); // replicates differ, so the check is not trivial
  });

  it('--resume makes only a deleted run again and gives byte-identical files', async () => {
    const created = (run: string): number => statSync(join(two, run, 'manifest.json')).mtimeMs;
    const before = Object.fromEntries(RUN_DIRS.map((r) => [r, created(r)]));
    const files = ['runs.csv', 'summary.csv', 'sweep.json'].map((n) => read(two, n));
    rmSync(join(two, 'runs/peer-bank/p000/r001'), { recursive: true });
    const r = await sweep(file, { out: two, workers: 2, resume: true });
    expect(r).toMatchObject({ ran: 1, reused: 11 });
    for (const run of RUN_DIRS) {
      if (run === 'runs/peer-bank/p000/r001') expect(created(run)).not.toBe(before[run]);
      else expect(created(run), run).toBe(before[run]);
    }
    expect(['runs.csv', 'summary.csv', 'sweep.json'].map((n) => read(two, n))).toEqual(files);
  });

  it('--resume makes again a run without manifest.json and deletes temporary siblings', async () => {
    unlinkSync(join(two, 'runs/gift/p001/r002/manifest.json'));
    const tmp = join(two, 'runs/gift/p000/r001.tmp-99999-deadbeef');
    mkdirSync(tmp);
    writeFileSync(join(tmp, 'metrics.csv'), 'day\n0\n');
    const r = await sweep(file, { out: two, workers: 1, resume: true });
    expect(r).toMatchObject({ ran: 1, reused: 11 });
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(join(two, 'runs/gift/p001/r002/manifest.json'))).toBe(true);
    for (const name of ['runs.csv', 'summary.csv']) expect(read(two, name)).toBe(read(one, name));
  });

  it('refuses an existing folder without --resume and leaves it as it was', async () => {
    const stamp = statSync(join(one, 'runs.csv')).mtimeMs;
    await expect(sweep(file, { out: one, workers: 1 })).rejects.toBeInstanceOf(SweepFolderExists);
    expect(statSync(join(one, 'runs.csv')).mtimeMs).toBe(stamp);
  });

  it('records the project\'s git commit in the sweep\'s and each run\'s manifest (when run from a checkout)', () => {
    const git = gitProvenance();
    const sweepManifest = JSON.parse(read(one, 'manifest.json'));
    const runManifest = JSON.parse(read(join(one, RUN_DIRS[0]!), 'manifest.json'));
    if (git === undefined) {
      expect(sweepManifest.git).toBeUndefined();
    } else {
      expect(sweepManifest.git).toEqual(git);
      expect(runManifest.git).toEqual(git);
    }
    expect(runManifest.created).toBeUndefined(); // a sweep's runs hold no times: timings.json does
  });

  it('--resume refuses runs of another engine version, naming it, and changes nothing', async () => {
    const path = join(two, RUN_DIRS[3]!, 'manifest.json');
    const text = read(join(two, RUN_DIRS[3]!), 'manifest.json');
    writeFileSync(path, text.replace(/"engineVersion": "[^"]+"/, '"engineVersion": "0.0.1"'));
    const before = read(two, 'runs.csv');
    await expect(sweep(file, { out: two, workers: 1, resume: true })).rejects.toThrow(`run ${RUN_DIRS[3]} was made by engine version 0.0.1, this is ${projectPackage().version}`);
    expect(read(two, 'runs.csv')).toBe(before);
    writeFileSync(path, text);
  });
});
