/**
 * `abundance compare` end to end: the real binary on a sweep folder of real engine runs (3 presets x
 * 3 seeds, 60 agents, 460 days), built once. Errors exit 2 and write nothing; a good call writes
 * compare.csv, whose numbers are checked against the run folders' metrics.csv read independently.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE_METRICS } from '../../sim/analysis/compare.js';
import { buildEngineSweep } from '../analysis/fixture.js';
import { abundance, tempDir } from './exec.js';

const cwd = tempDir('cli-compare-sweep');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const PRESETS = ['gift', 'two-token', 'peer-bank'];

/** The mean of goods_total over the last 365 rows of a run's metrics.csv (all days >= 90 here). */
function goodsWindowMean(run: string): number {
  const lines = readFileSync(join(cwd, 'sw', run, 'metrics.csv'), 'utf8').trimEnd().split('\n');
  const j = lines[0]!.split(',').indexOf('goods_total');
  const last = lines.slice(-365).map((l) => Number(l.split(',')[j]));
  return last.reduce((a, b) => a + b, 0) / last.length;
}

describe('cli/compare', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    await buildEngineSweep(join(cwd, 'sw'), { presets: PRESETS, seeds: 3, agents: 60, days: 460 });
  }, 600_000);

  it('exits 2 with a did-you-mean on an unknown baseline, and writes nothing', () => {
    const r = abundance(['compare', 'sw', '--baseline', 'gfit'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--baseline: "gfit" is not a preset of this sweep (did you mean "gift"?); expected one of: gift, two-token, peer-bank\n');
    expect(existsSync(join(cwd, 'sw', 'compare.csv'))).toBe(false);
  });

  it('exits 2 on a missing folder, a folder that is not a sweep, and a sweep with an incomplete run', () => {
    const missing = abundance(['compare', 'nowhere'], cwd);
    expect([missing.code, missing.stderr]).toEqual([2, 'nowhere: no such folder\n']);
    const runFolder = abundance(['compare', join('sw', 'runs', 'gift', 'base', 'r000')], cwd);
    expect(runFolder.code).toBe(2);
    expect(runFolder.stderr).toContain('not a sweep folder (no sweep.json; this is a run folder)');
    cpSync(join(cwd, 'sw'), join(cwd, 'partial'), { recursive: true });
    rmSync(join(cwd, 'partial', 'runs', 'peer-bank', 'base', 'r001', 'manifest.json'));
    const partial = abundance(['compare', 'partial'], cwd);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('1 of 9 runs are incomplete (no manifest.json): runs/peer-bank/base/r001');
    expect(existsSync(join(cwd, 'partial', 'compare.csv'))).toBe(false);
  });

  it('writes compare.csv and prints the table: each other preset minus gift, paired by seed', () => {
    const r = abundance(['compare', 'sw', '--baseline', 'gift'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = readFileSync(join(cwd, 'sw', 'compare.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('baseline,other,point,metric,n,mean_diff,sd_diff,ci95_lo,ci95_hi,share_positive,share_negative');
    expect(lines).toHaveLength(1 + 2 * DEFAULT_COMPARE_METRICS.length);
    const row = lines.find((l) => l.startsWith('gift,two-token,base,goods_total,'))!.split(',');
    expect(row[4]).toBe('3');
    const diffs = [0, 1, 2].map((rep) => goodsWindowMean(`runs/two-token/base/r00${rep}`) - goodsWindowMean(`runs/gift/base/r00${rep}`));
    const mean = diffs.reduce((a, b) => a + b, 0) / 3;
    expect(Number(row[5])).toBeCloseTo(mean, Math.max(0, 5 - Math.floor(Math.log10(Math.abs(mean)))));
    expect(Number(row[9]) + Number(row[10])).toBeLessThanOrEqual(1);
    expect(Number(row[7])).toBeLessThanOrEqual(Number(row[5]));
    expect(Number(row[8])).toBeGreaterThanOrEqual(Number(row[5]));
    expect(r.stdout).toContain('Paired differences (other preset - gift)');
    expect(r.stdout).toMatch(/\ntwo-token\s+base\s+goods_total\s+3\s/);
    expect(r.stdout).toContain(`compare.csv: ${join('sw', 'compare.csv')} (${2 * DEFAULT_COMPARE_METRICS.length} rows)`);
  });

  it('--metrics picks metrics and claim statistics', () => {
    const r = abundance(['compare', 'sw', '--baseline', 'two-token', '--metrics', 'cost_index,stat_goods_per_head'], cwd);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(cwd, 'sw', 'compare.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(lines.map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'two-token,gift,base,cost_index,3', 'two-token,gift,base,stat_goods_per_head,3',
      'two-token,peer-bank,base,cost_index,3', 'two-token,peer-bank,base,stat_goods_per_head,3',
    ]);
  });
});
