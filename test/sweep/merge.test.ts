/**
 * sim/sweep/merge with the real engine: a small sweep (2 presets x 2 points x 3 replicates of 20 agents
 * x 60 days) made on one machine and as 3 shards merged gives the same folder, every file byte for
 * byte (timings.json aside: it says when and where), the Parquet files included, also with failed runs
 * and with shards made under --run-files none; a missing, incomplete, foreign or failed shard is
 * refused naming the runs and shards to rerun, with nothing written; a sweep whose base is a named
 * scenario file merges too.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { projectPackage } from '../../sim/io/manifest.js';
import { readParquetRows } from '../../sim/io/parquet.js';
import { checkShards, MergeError, mergeShards } from '../../sim/sweep/merge.js';
import { sweep } from '../../sim/sweep/run.js';
import { FAIL_RUNS_ENV } from '../../sim/sweep/worker.js';
import { fileBytes, treeDiff } from '../helpers/tree.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  delete process.env[FAIL_RUNS_ENV];
});
const file = join(root, 'small.yaml');
const SWEEP = ['compare: [gift, peer-bank]', 'seeds: 3', 'seed: 4', 'agents: 20', 'days: 60', 'aggregate.everyDays: 10', 'sweep:', '  bank.k: [7, 90]'];
writeFileSync(file, SWEEP.join('\n') + '\n');
const at = (name: string): string => join(root, name);
const shardDirs = [1, 2, 3].map((i) => at(`shard${i}`));
const PARQUET = ['runs.parquet', 'summary.parquet', 'metrics.parquet'];
/** The runs metrics.parquet holds rows of, in order of first appearance. */
const parquetRuns = async (dir: string): Promise<string[]> => [...new Set((await readParquetRows(join(dir, 'metrics.parquet'))).map((r) => r.run as string))];

async function refused(dirs: string[], out: string, opts: { allowFailed?: boolean } = {}): Promise<string> {
  try {
    await mergeShards(dirs, { out, ...opts });
  } catch (error) {
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).exitCode).toBe(2);
    expect(existsSync(out), 'nothing written').toBe(false);
    expect(readdirSync(root).filter((n) => n.includes('.tmp-'))).toEqual([]);
    return (error as Error).message;
  }
  throw new Error('the merge was not refused');
}

describe('sweep/merge', { timeout: 300_000 }, () => {
  it('merges 3 shards into a folder byte-identical to the one-machine sweep, every file', async () => {
    const one = await sweep(file, { out: at('one'), workers: 2 });
    expect(one).toMatchObject({ runs: 12, ran: 12, failed: [] });
    const made = [];
    for (const [i, dir] of shardDirs.entries()) made.push(await sweep(file, { out: dir, workers: 1, shard: { index: i + 1, count: 3 } }));
    expect(made.map((m) => m.runs)).toEqual([4, 4, 4]);
    expect(readdirSync(shardDirs[0]!).sort()).toEqual(['runs', 'sweep.json', 'timings.json']);
    const s2 = JSON.parse(readFileSync(join(shardDirs[1]!, 'sweep.json'), 'utf8'));
    expect(s2.shard).toMatchObject({ index: 2, count: 3, sweepHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(s2.runs).toHaveLength(12); // the whole plan, so any shard can say what the sweep is
    // shard 2 holds runs 1, 4, 7, 10 of the plan
    const planned = JSON.parse(readFileSync(join(at('one'), 'sweep.json'), 'utf8')).runs.map((r: { run: string }) => r.run);
    for (const [k, run] of planned.entries()) expect(existsSync(join(shardDirs[1]!, run)), run).toBe(k % 3 === 1);

    const merged = await mergeShards([shardDirs[2]!, shardDirs[0]!, shardDirs[1]!], { out: at('merged') });
    expect(merged).toMatchObject({ runs: 12, failed: [], warnings: [] });
    expect(treeDiff(at('one'), at('merged'))).toEqual([]);
    const files = [...fileBytes(at('merged')).keys()];
    expect(files).toEqual(expect.arrayContaining(['runs.csv', 'summary.csv', 'sweep.json', 'manifest.json', ...PARQUET, 'runs/gift/p000/r000/metrics.csv', 'runs/peer-bank/p001/r002/manifest.json']));
    expect(files).toHaveLength(7 + 12 * 3);
    for (const name of PARQUET) expect(readFileSync(join(at('merged'), name)).equals(readFileSync(join(at('one'), name))), name).toBe(true);
    const timings = JSON.parse(readFileSync(join(at('merged'), 'timings.json'), 'utf8'));
    expect(timings.shards.map((s: { shard: string }) => s.shard)).toEqual(['1/3', '2/3', '3/3']);
  });

  it('merges the shards of a sweep whose base is a named scenario file (its runs are labelled by that name)', async () => {
    const scenario = at('odd.yaml');
    writeFileSync(scenario, 'extends: gift\nname: my gift, "odd"\n');
    const named = at('named.yaml');
    writeFileSync(named, ['extends: odd.yaml', 'seeds: 2', 'seed: 4', 'agents: 10', 'days: 20'].join('\n') + '\n');
    await sweep(named, { out: at('n-one'), workers: 1 });
    for (const i of [1, 2]) await sweep(named, { out: at(`n-shard${i}`), workers: 1, shard: { index: i, count: 2 } });
    const planned = JSON.parse(readFileSync(join(at('n-one'), 'sweep.json'), 'utf8')).runs.map((r: { run: string }) => r.run);
    expect(planned[0]).toMatch(/^runs\/my-gift-odd\//); // the label, not the root preset gift
    const merged = await mergeShards([at('n-shard1'), at('n-shard2')], { out: at('n-merged') });
    expect(merged).toMatchObject({ runs: 2, failed: [] });
    expect(treeDiff(at('n-one'), at('n-merged'))).toEqual([]);
  });

  it('refuses a missing shard and an incomplete run, naming the runs and the shards to rerun, and writes nothing', async () => {
    const lost = await refused([shardDirs[0]!, shardDirs[2]!], at('m1'));
    expect(lost).toContain('shard 2/3 of small not given');
    expect(lost).toContain('runs/gift/p000/r001 (shard 2/3: not given)');
    expect(lost).toMatch(/abundance sweep \S*small\.yaml --shard 2\/3 --out DIR_2\n/);
    cpSync(shardDirs[0]!, at('broken1'), { recursive: true });
    rmSync(join(at('broken1'), 'runs/gift/p000/r000/manifest.json'));
    const broken = await refused([at('broken1'), shardDirs[1]!, shardDirs[2]!], at('m2'));
    expect(broken).toContain(`runs/gift/p000/r000 (shard 1/3, ${at('broken1')}: no manifest.json (incomplete))`);
    expect(broken).toContain(`--shard 1/3 --out ${at('broken1')} --resume`);
  });

  it('refuses a shard of another sweep, a shard split otherwise, and a folder that is no shard', async () => {
    writeFileSync(at('other.yaml'), SWEEP.join('\n').replace('seed: 4', 'seed: 5') + '\n');
    await sweep(at('other.yaml'), { out: at('foreign'), workers: 1, shard: { index: 2, count: 3 }, replicates: 1 });
    const foreign = await refused([shardDirs[0]!, at('foreign'), shardDirs[2]!], at('m3'));
    expect(foreign).toMatch(/foreign is a shard of another sweep \(other, \S+other\.yaml, sweep hash [0-9a-f]{12}\), not of small/);
    expect(await refused([shardDirs[0]!, at('one')], at('m4'))).toContain(`${at('one')}: not a shard folder`);
    await sweep(file, { out: at('half'), workers: 1, shard: { index: 2, count: 2 } });
    expect(await refused([shardDirs[0]!, at('half'), shardDirs[2]!], at('m4b'))).toContain(`${at('half')} is shard 2/2, ${shardDirs[0]} is shard 1/3: the shards of one merge split the sweep alike`);
    expect(await refused([at('nope')], at('m5'))).toContain('no such folder');
    const before = fileBytes(shardDirs[0]!, []);
    await expect(mergeShards(shardDirs, { out: shardDirs[0]! })).rejects.toThrow(`--out ${shardDirs[0]} is or holds the shard folder ${shardDirs[0]}`);
    expect(fileBytes(shardDirs[0]!, [])).toEqual(before);
  });

  it('the advice to run a shard again carries its --set values; resuming a shard folder as another sweep is refused', async () => {
    const set = ['days=40', "name=it's set"];
    const dirs = [1, 2].map((i) => at(`set${i}`));
    for (const [i, dir] of dirs.entries()) await sweep(file, { out: dir, workers: 1, shard: { index: i + 1, count: 2 }, set, replicates: 1 });
    const lost = await refused([dirs[0]!], at('m-set'));
    expect(lost).toContain(`--shard 2/2 --out DIR_2 --set days=40 --set 'name=it'\\''s set'`);
    const before = fileBytes(dirs[1]!, []);
    await expect(sweep(file, { out: dirs[1]!, workers: 1, shard: { index: 2, count: 2 }, resume: true, replicates: 1 }))
      .rejects.toThrow(/holds shard 2\/2 of another sweep .*--resume with the sweep file and --set values that made it/);
    expect(fileBytes(dirs[1]!, [])).toEqual(before);
  });

  it('merges runs made from different commits of the project, but says so', () => {
    cpSync(shardDirs[1]!, at('other-commit2'), { recursive: true });
    const path = join(at('other-commit2'), 'runs/gift/p000/r001/manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8'));
    m.git = { commit: 'f'.repeat(40), dirty: true };
    writeFileSync(path, JSON.stringify(m, null, 2) + '\n');
    const { warnings } = checkShards([shardDirs[0]!, at('other-commit2'), shardDirs[2]!]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`commit ffffffffffff with changed files (${at('other-commit2')}/runs/gift/p000/r001, ...)`);
  });

  it('refuses runs of another engine version, naming it', async () => {
    cpSync(shardDirs[0]!, at('old1'), { recursive: true });
    const path = join(at('old1'), 'runs/gift/p000/r000/manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"engineVersion": "[^"]+"/, '"engineVersion": "0.0.9"'));
    const old = await refused([at('old1'), shardDirs[1]!, shardDirs[2]!], at('m6'));
    expect(old).toContain(`runs made by engine version 0.0.9, this is ${projectPackage().version}`);
  });

  it('a failing run is recorded in failed.csv and the sweep goes on; merge refuses it unless allowFailed; --resume makes it again', async () => {
    process.env[FAIL_RUNS_ENV] = 'runs/peer-bank/p000/r000';
    const s = await sweep(file, { out: at('f1'), workers: 2, shard: { index: 1, count: 3 } });
    expect(s.failed).toEqual([{ run: 'runs/peer-bank/p000/r000', preset: 'peer-bank', point: 'p000', replicate: 0, seed: expect.any(Number), error: `${FAIL_RUNS_ENV} names runs/peer-bank/p000/r000: failing it on purpose (a test hook)` }]);
    expect(s.ran).toBe(3);
    expect(readFileSync(join(at('f1'), 'failed.csv'), 'utf8').split('\n')[0]).toBe('run,preset,point,replicate,seed,error');
    expect(existsSync(join(at('f1'), 'runs/peer-bank/p000/r000'))).toBe(false);
    const msg = await refused([at('f1'), shardDirs[1]!, shardDirs[2]!], at('m7'));
    expect(msg).toContain('1 run failed (failed.csv): runs/peer-bank/p000/r000: ABUNDANCE_FAIL_RUNS names');
    expect(msg).toContain('pass --allow-failed');
    const m = await mergeShards([at('f1'), shardDirs[1]!, shardDirs[2]!], { out: at('m8'), allowFailed: true });
    expect(m.failed.map((f) => f.run)).toEqual(['runs/peer-bank/p000/r000']);
    expect(readFileSync(join(at('m8'), 'runs.csv'), 'utf8')).not.toContain('runs/peer-bank/p000/r000');
    expect(readFileSync(join(at('m8'), 'failed.csv'), 'utf8')).toContain('runs/peer-bank/p000/r000,peer-bank,p000,0,');
    expect(JSON.parse(readFileSync(join(at('m8'), 'manifest.json'), 'utf8'))).toMatchObject({ runs: 12, failed: 1 });
    // the failed run is left out of metrics.parquet and runs.parquet as it is out of runs.csv
    const kept = (await parquetRuns(at('one'))).filter((r) => r !== 'runs/peer-bank/p000/r000');
    expect(await parquetRuns(at('m8'))).toEqual(kept);
    expect((await readParquetRows(join(at('m8'), 'runs.parquet'))).map((r) => r.run)).toEqual(kept);
    // and the merge is the one-machine sweep in which the same run failed, byte for byte
    const alone = await sweep(file, { out: at('f1-one'), workers: 2 });
    expect(alone.failed.map((f) => f.run)).toEqual(['runs/peer-bank/p000/r000']);
    expect(treeDiff(at('f1-one'), at('m8'))).toEqual([]);
    cpSync(at('m8'), at('m8b'), { recursive: true }); // for the report's test below

    delete process.env[FAIL_RUNS_ENV];
    const again = await sweep(file, { out: at('f1'), workers: 1, shard: { index: 1, count: 3 }, resume: true });
    expect(again).toMatchObject({ ran: 1, reused: 3, failed: [] });
    expect(existsSync(join(at('f1'), 'failed.csv'))).toBe(false);
    expect(checkShards([at('f1'), shardDirs[1]!, shardDirs[2]!]).failed).toEqual([]);
    await mergeShards([at('f1'), shardDirs[1]!, shardDirs[2]!], { out: at('m8') }); // replaces the earlier merge
    expect(treeDiff(at('one'), at('m8'))).toEqual([]);
  });

  it('a one-machine sweep with a failing run writes runs.csv without it and failed.csv', async () => {
    process.env[FAIL_RUNS_ENV] = 'runs/gift/p001/r002';
    const s = await sweep(file, { out: at('f2'), workers: 2 });
    expect(s).toMatchObject({ runs: 12, ran: 11 });
    expect(s.failed.map((f) => f.run)).toEqual(['runs/gift/p001/r002']);
    const rows = readFileSync(join(at('f2'), 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(12);
    expect(readdirSync(at('f2')).sort()).toEqual(['failed.csv', 'manifest.json', 'metrics.parquet', 'runs', 'runs.csv', 'runs.parquet', 'summary.csv', 'summary.parquet', 'sweep.json', 'timings.json']);
    expect(await parquetRuns(at('f2'))).toEqual((await parquetRuns(at('one'))).filter((r) => r !== 'runs/gift/p001/r002'));
    expect(JSON.parse(readFileSync(join(at('f2'), 'manifest.json'), 'utf8')).files).toEqual(expect.arrayContaining(['failed.csv', ...PARQUET]));
  });

  it('merges shards made with --run-files none: the same folder as the one-machine sweep under none, the same sweep files as under csv', async () => {
    const none = await sweep(file, { out: at('none-one'), workers: 2, runFiles: 'none' });
    expect(none.failed).toEqual([]);
    const dirs = [1, 2, 3].map((i) => at(`none-shard${i}`));
    for (const [i, dir] of dirs.entries()) await sweep(file, { out: dir, workers: 1, shard: { index: i + 1, count: 3 }, runFiles: 'none' });
    expect(readdirSync(join(dirs[0]!, 'runs/gift/p000/r000')).sort()).toEqual(['agents.parquet', 'manifest.json', 'metrics.parquet']);
    await mergeShards(dirs, { out: at('none-merged') });
    expect(treeDiff(at('none-one'), at('none-merged'))).toEqual([]);
    for (const name of ['runs.csv', 'summary.csv', 'sweep.json', 'manifest.json', ...PARQUET]) {
      expect(readFileSync(join(at('none-merged'), name)).equals(readFileSync(join(at('one'), name))), name).toBe(true);
    }
  });
});

describe('sweep/merge: the report of a merge with failed runs', { timeout: 300_000 }, () => {
  it('lists the failed runs in a section of its own', async () => {
    const { reportFolder } = await import('../../sim/report/folder.js');
    await reportFolder(at('m8b'));
    const md = readFileSync(join(at('m8b'), 'report.md'), 'utf8');
    expect(md).toContain('## Failed runs');
    expect(md).toMatch(/runs\/peer-bank\/p000\/r000 \| peer-bank \| p000 \| 0 \| \d+ \| ABUNDANCE_FAIL_RUNS names runs\/peer-bank\/p000\/r000/);
  });
});
