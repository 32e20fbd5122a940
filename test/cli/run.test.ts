/**
 * sim/cli/run through the real binary and the real engine: a small run writes every file of a run
 * folder, the same seed gives a byte-identical metrics.csv, and another seed a different one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../sim/metrics/columns.js';
import { abundance, interruptRun, listing, tempDir, writeScenario } from './exec.js';

const cwd = tempDir('cli-run');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const SMALL = ['--agents', '30', '--days', '20'];
const metrics = (dir: string): string => readFileSync(join(cwd, dir, 'metrics.csv'), 'utf8');

describe('cli/run', { timeout: 600_000 }, () => {
  it('writes every file of a run folder and prints where it is', () => {
    writeScenario(cwd, 'mine.yaml', 'extends: two-token\nname: mine\n');
    const r = abundance(['run', 'mine.yaml', ...SMALL, '--seed', '7', '--set', 'demurrage.rate=0.08', '--out', 'runs/t1'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('runs/t1');
    expect(r.stdout).toContain(join('runs', 't1', 'report.html'));
    const dir = join(cwd, 'runs', 't1');
    const files = readdirSync(dir);
    for (const f of ['manifest.json', 'metrics.csv', 'agents.csv', 'flows.csv', 'report.md', 'report.html', 'charts']) {
      expect(files, f).toContain(f);
    }
    const charts = readdirSync(join(dir, 'charts'));
    for (const ext of ['.vl.json', '.svg', '.png']) expect(charts.some((c) => c.endsWith(ext)), ext).toBe(true);
    const lines = metrics('runs/t1').trimEnd().split('\n');
    expect(lines[0]).toBe(COLUMNS.map((c) => c.name).join(','));
    expect(lines).toHaveLength(21);
    expect(readFileSync(join(dir, 'flows.csv'), 'utf8').startsWith('day,currency,kind,sector,amount,paid,received\n')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'mine', preset: 'two-token', seed: 7, agents: 30, days: 20 });
    expect(manifest.scenario.demurrage.rate).toBe(0.08);
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(listing(join(cwd, 'runs'))).toEqual(['t1']);
  });

  it('gives a byte-identical metrics.csv for the same seed and a different one for another seed', () => {
    for (const [out, seed] of [['a', '3'], ['b', '3'], ['c', '4']] as const) {
      const r = abundance(['run', 'two-token', ...SMALL, '--seed', seed, '--out', out, '--no-report', '--quiet'], cwd);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(existsSync(join(cwd, out, 'charts'))).toBe(false);
    }
    expect(metrics('a')).toBe(metrics('b'));
    expect(metrics('c')).not.toBe(metrics('a'));
  });

  it('names the default folder after the scenario and the seed', () => {
    const r = abundance(['run', 'gift', ...SMALL, '--seed', '5', '--no-report', '--quiet'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(cwd, 'runs', 'gift-s5', 'metrics.csv'))).toBe(true);
  });
});

describe('cli/run interrupted', { timeout: 120_000 }, () => {
  it('removes the temporary folder and exits 130 on Ctrl-C in the middle of a run', async () => {
    const dir = join(cwd, 'interrupt');
    mkdirSync(dir);
    expect(await interruptRun(dir, 'SIGINT')).toBe(130);
    expect(listing(dir)).toEqual([]);
  });
});
