/**
 * sim/analysis/compare on synthetic sweeps whose window means are set by hand, so every difference,
 * interval and share is known.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, compareCsv, COMPARE_HEADER, DEFAULT_COMPARE_METRICS } from '../../sim/analysis/compare.js';
import { AnalysisError } from '../../sim/analysis/errors.js';
import { tempDir } from '../cli/exec.js';
import { pointsOf, syntheticTable, writeSyntheticSweep, type PointSpec } from './fixture.js';

const root = tempDir('analysis-compare');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** goods_total per preset and replicate (constant over days, so the window mean is the value). */
const GOODS: Record<string, number[]> = { gift: [1000, 1010, 1020], 'two-token': [1002, 1012, 1022], 'peer-bank': [1001, 1010.5, 1022] };
/** rho_median: two-token is 0.1 above gift at base and 0.1 below at the sensitivity point. */
const rho = (preset: string, point: PointSpec, rep: number): number =>
  1 + rep / 10 + (preset === 'two-token' ? (point.id === 'base' ? 0.1 : -0.1) : 0);

function sweep(name: string, presets = ['gift', 'two-token', 'peer-bank'], skip?: (p: string, pt: string, r: number) => boolean): string {
  const dir = join(root, name);
  writeSyntheticSweep(dir, { presets, points: pointsOf({ 'bank.k': [7] }), replicates: 3 }, (preset, point, rep) =>
    (skip?.(preset, point.id, rep) ? undefined : { table: syntheticTable(460, () => ({ goods_total: GOODS[preset]![rep]!, rho_median: rho(preset, point, rep) })) }));
  return dir;
}

const errorOf = async (f: () => Promise<unknown>): Promise<AnalysisError> => {
  try {
    await f();
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error('no error');
};

describe('analysis/compare', () => {
  const dir = sweep('presets');

  it('pairs every other preset with the baseline by replicate, at every point, for every key metric', async () => {
    const c = await compare(dir, { baseline: 'gift' });
    expect(c.mode).toBe('presets');
    expect(c.rows).toHaveLength(2 * 2 * DEFAULT_COMPARE_METRICS.length);
    const row = (other: string, point: string, metric: string) => c.rows.find((r) => r.other === other && r.point === point && r.metric === metric)!;
    // two-token - gift = 2, 2, 2: no spread, a degenerate interval at 2, positive in every seed.
    expect(row('two-token', 'base', 'goods_total')).toMatchObject({ n: 3, mean: 2, sd: 0, lo: 2, hi: 2, sharePositive: 1, shareNegative: 0 });
    // peer-bank - gift = 1, 0.5, 2: mean 7/6, sd sqrt(7/12), t(0.975, 2) = 4.302652730.
    const pb = row('peer-bank', 'base', 'goods_total');
    const half = (4.302652729911275 * Math.sqrt(7 / 12)) / Math.sqrt(3);
    expect(pb.mean).toBeCloseTo(7 / 6, 10);
    expect(pb.lo).toBeCloseTo(7 / 6 - half, 8);
    expect(pb.hi).toBeCloseTo(7 / 6 + half, 8);
    // The sign of rho_median's difference flips between the points.
    expect(row('two-token', 'base', 'rho_median').mean).toBeCloseTo(0.1, 12);
    expect(row('two-token', 's-bank.k-7', 'rho_median').mean).toBeCloseTo(-0.1, 12);
    expect(row('two-token', 's-bank.k-7', 'rho_median').shareNegative).toBe(1);
    // Money is empty in these runs: the row is kept with n = 0.
    expect(row('two-token', 'base', 'money_ch')).toMatchObject({ n: 0 });
  });

  it('writes compare.csv atomically in the format of docs/sweeps.md', async () => {
    const c = await compare(dir, { baseline: 'gift', metrics: ['goods_total', 'money_ch'] });
    const text = readFileSync(join(dir, 'compare.csv'), 'utf8');
    expect(text).toBe(compareCsv(c.rows));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(COMPARE_HEADER.join(','));
    expect(lines[1]).toBe('gift,two-token,base,goods_total,3,2,0,2,2,1,0');
    expect(lines[2]).toBe('gift,two-token,base,money_ch,0,,,,,,');
    expect(lines).toHaveLength(1 + 2 * 2 * 2);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('compares claim statistics too, and defaults the baseline to gift', async () => {
    const c = await compare(dir, { metrics: ['stat_rho_median'] });
    expect(c.baseline).toBe('gift');
    expect(c.rows.find((r) => r.other === 'two-token' && r.point === 'base')!.mean).toBeCloseTo(0.1, 12);
  });

  it('in a single-preset sweep compares points with a baseline point', async () => {
    const one = sweep('single', ['two-token']);
    const c = await compare(one, { metrics: ['rho_median'] });
    expect(c.mode).toBe('points');
    expect(c.rows).toEqual([expect.objectContaining({ baseline: 'base', other: 's-bank.k-7', point: 's-bank.k-7', metric: 'rho_median', n: 3 })]);
    expect(c.rows[0]!.mean).toBeCloseTo(-0.2, 12);
    expect((await errorOf(() => compare(one, { baseline: 'two-token' }))).message).toMatch(/"two-token" is not a point of this sweep \(the only preset/);
    expect((await errorOf(() => compare(one, { baseline: 'bsae' }))).message).toMatch(/did you mean "base"\?.*expected one of: base, s-bank.k-7/);
  });

  it('rejects an unknown baseline or metric with a did-you-mean, and writes nothing', async () => {
    const fresh = sweep('errors');
    expect((await errorOf(() => compare(fresh, { baseline: 'gfit' }))).message).toBe('--baseline: "gfit" is not a preset of this sweep (did you mean "gift"?); expected one of: gift, two-token, peer-bank');
    expect((await errorOf(() => compare(fresh, { baseline: 's-bank.k-7' }))).message).toMatch(/a point id: in a sweep of several presets the baseline is a preset/);
    expect((await errorOf(() => compare(fresh, { metrics: ['goods_totl'] }))).message).toMatch(/--metrics: "goods_totl" is not a metrics.csv column or claim statistic \(did you mean "goods_total"\?\)/);
    expect(existsSync(join(fresh, 'compare.csv'))).toBe(false);
  });

  it('refuses incomplete runs and runs of one replicate with different seeds', async () => {
    const partial = sweep('partial', undefined, (p, pt, r) => p === 'peer-bank' && pt === 'base' && r === 2);
    expect((await errorOf(() => compare(partial))).message).toMatch(/1 of 18 runs are incomplete \(no manifest.json\): runs\/peer-bank\/base\/r002/);
    const mixed = sweep('mixed');
    const plan = JSON.parse(readFileSync(join(mixed, 'sweep.json'), 'utf8')) as { runs: { seed: number }[] };
    plan.runs[4]!.seed = 99;
    writeFileSync(join(mixed, 'sweep.json'), JSON.stringify(plan));
    expect((await errorOf(() => compare(mixed))).message).toMatch(/replicate 1 has seed 2 in runs\/gift\/base\/r001 but 99 in runs\/gift\/s-bank.k-7\/r001/);
    expect(existsSync(join(partial, 'compare.csv')) || existsSync(join(mixed, 'compare.csv'))).toBe(false);
  });
});
