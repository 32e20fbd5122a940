/**
 * sweep --shard and merge through the real binary: a shard process killed with SIGKILL mid-run leaves
 * complete runs, a temporary folder and a stale lock; --resume in the same folder clears those and
 * completes it; the merge of the shards is byte-identical to the one-machine sweep. A missing or
 * foreign shard is refused with exit 2 and nothing written; a failing run makes the sweep exit 1.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, BIN, tempDir, writeScenario } from './exec.js';
import { treeDiff } from '../helpers/tree.js';

const cwd = tempDir('cli-shards');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
writeScenario(cwd, 's.yaml', 'compare: [gift, peer-bank]\nseeds: 2\nseed: 3\nagents: 60\ndays: 300\naggregate.everyDays: 30\nsweep:\n  bank.k: [7, 90]\n');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Run folders with manifest.json, and temporary folders, under `dir`/runs. */
function runsIn(dir: string): { complete: string[]; temps: string[] } {
  const all = existsSync(join(dir, 'runs')) ? (readdirSync(join(dir, 'runs'), { recursive: true }) as string[]).map((p) => p.split('\\').join('/')) : [];
  return {
    complete: all.filter((p) => p.endsWith('/manifest.json') && !p.includes('.tmp-')).map((p) => p.slice(0, -'/manifest.json'.length)),
    temps: all.filter((p) => /\.tmp-\d+-[0-9a-f]+$/.test(p)),
  };
}

describe('cli: sweep --shard and merge', { timeout: 600_000 }, () => {
  it('a shard killed with SIGKILL mid-run is completed by --resume, and the merge is byte-identical to the one-machine sweep', async () => {
    expect(abundance(['sweep', 's.yaml', '--out', 'one', '--workers', '2', '--quiet'], cwd).code).toBe(0);
    for (const i of [1, 3]) {
      const r = abundance(['sweep', 's.yaml', '--shard', `${i}/3`, '--out', `s${i}`, '--workers', '1', '--quiet'], cwd);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`shard ${i}/3: ${i === 1 ? 3 : 2} runs in s${i}`);
    }
    const child = spawn(process.execPath, [BIN, 'sweep', 's.yaml', '--shard', '2/3', '--out', 's2', '--workers', '1', '--quiet'], { cwd });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 120_000;
    while (runsIn(join(cwd, 's2')).complete.length < 1 && Date.now() < deadline) await sleep(20);
    while (runsIn(join(cwd, 's2')).temps.length < 1 && Date.now() < deadline) await sleep(5);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const left = runsIn(join(cwd, 's2'));
    expect(left.complete.length).toBeGreaterThanOrEqual(1);
    expect(left.complete.length).toBeLessThan(3); // killed mid-run: shard 2 has 3 runs
    expect(left.temps.length).toBe(1); // the run in flight, never renamed into place
    expect(existsSync(join(cwd, 's2.lock'))).toBe(true); // the dead process's lock

    const refused = abundance(['merge', 's1', 's2', 's3', '--out', 'merged'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--shard 2/3 --out s2 --resume');
    expect(existsSync(join(cwd, 'merged'))).toBe(false);

    const resumed = abundance(['sweep', 's.yaml', '--shard', '2/3', '--out', 's2', '--workers', '1', '--resume'], cwd);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`runs: ${3 - left.complete.length} made, ${left.complete.length} reused`);
    expect(runsIn(join(cwd, 's2'))).toEqual({ complete: expect.any(Array), temps: [] });
    expect(runsIn(join(cwd, 's2')).complete).toHaveLength(3);
    expect(existsSync(join(cwd, 's2.lock'))).toBe(false);

    const merged = abundance(['merge', 's3', 's1', 's2', '--out', 'merged'], cwd);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('merged 3 shards: 8 runs -> merged');
    expect(treeDiff(join(cwd, 'one'), join(cwd, 'merged'))).toEqual([]);
  });

  it('refuses a missing or foreign shard with exit 2, naming it, and writes nothing', () => {
    const missing = abundance(['merge', 's1', 's3', '--out', 'm-missing'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 of s not given');
    expect(missing.stderr).toContain('--shard 2/3 --out DIR_2');
    writeScenario(cwd, 'other.yaml', 'extends: gift\nseeds: 3\nagents: 20\ndays: 20\n');
    expect(abundance(['sweep', 'other.yaml', '--shard', '2/3', '--out', 'o2', '--quiet'], cwd).code).toBe(0);
    const foreign = abundance(['merge', 's1', 'o2', 's3', '--out', 'm-foreign'], cwd);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/o2 is a shard of another sweep \(other, other\.yaml, sweep hash [0-9a-f]{12}\), not of s \(s\.yaml/);
    for (const out of ['m-missing', 'm-foreign']) expect(existsSync(join(cwd, out))).toBe(false);
    expect(readdirSync(cwd).filter((n) => n.includes('.tmp-') || n.endsWith('.lock'))).toEqual([]);
    const bad = abundance(['sweep', 's.yaml', '--shard', '4/3', '--out', 'x'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard expects i/n with 1 <= i <= n');
  });

  it('a failing run is listed in failed.csv, the sweep completes and exits 1; merge refuses it unless --allow-failed, and its report lists it', () => {
    const r = spawnWith({ ABUNDANCE_FAIL_RUNS: 'runs/gift/p000/r001' }, ['sweep', 's.yaml', '--shard', '2/3', '--out', 'f2', '--workers', '1', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run runs/gift/p000/r001 (seed');
    expect(r.stderr).toContain('abundance: 1 of 3 runs failed');
    expect(readFileSync(join(cwd, 'f2', 'failed.csv'), 'utf8')).toMatch(/^run,preset,point,replicate,seed,error\nruns\/gift\/p000\/r001,gift,p000,1,\d+,ABUNDANCE_FAIL_RUNS names runs\/gift\/p000\/r001: failing it on purpose \(a test hook\)\n$/);
    const refused = abundance(['merge', 's1', 'f2', 's3', '--out', 'mf'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --allow-failed');
    const allowed = abundance(['merge', 's1', 'f2', 's3', '--out', 'mf', '--allow-failed', '--report', '--quiet'], cwd);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('failed: 1 runs, listed in mf/failed.csv');
    expect(allowed.stdout).toContain('report: mf/report.html');
    expect(readFileSync(join(cwd, 'mf', 'report.md'), 'utf8')).toContain('## Failed runs');
  });
});

function spawnWith(env: Record<string, string>, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return abundance(args, cwd);
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
  }
}
