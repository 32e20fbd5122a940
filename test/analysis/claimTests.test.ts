/**
 * sim/analysis/claimTests: the 90 % viable rule of a point, and which seeds a test uses, on sweeps
 * built in memory (plan and digests) with hand-made runs.
 */
import { describe, expect, it } from 'vitest';
import type { TestDef } from '../../sim/analysis/claimDefs.js';
import { isViableShare, judgePoint, testAt } from '../../sim/analysis/claimTests.js';
import { pointsOf, syntheticSweepData, syntheticTable } from './fixture.js';

/** two-token and gift, 10 seeds at base; the listed replicates of two-token fail viability (25 % of producers out). */
function sweep(failing: readonly number[]) {
  return syntheticSweepData({ presets: ['gift', 'two-token'], points: pointsOf(), replicates: 10 }, (preset, _pt, rep) => ({
    // rho_median = 1 + rep / 10, goods released 10 + rep (two-token) and 10 (gift).
    table: syntheticTable(400, () => ({
      rho_median: 1 + rep / 10,
      goods_released: preset === 'gift' ? 10 : 10 + rep,
      dropout_share: preset === 'two-token' && failing.includes(rep) ? 0.25 : 0.05,
    })),
  }));
}

const rhoTest: TestDef = { label: 'rho', statistic: 'stat_rho_median', presets: ['two-token'], predicted: { op: '>', bound: 0 } };
const goodsTest: TestDef = { label: 'goods', statistic: 'stat_goods_per_head', presets: ['two-token', 'gift'], predicted: { op: '>', bound: 0 } };

describe('analysis/claimTests', () => {
  it('at least 90 % viable, counted in integers', () => {
    expect(isViableShare(27, 30)).toBe(true);
    expect(isViableShare(26, 30)).toBe(false);
    expect(isViableShare(9, 10)).toBe(true);
    expect(isViableShare(2, 3)).toBe(false);
    expect(isViableShare(3, 3)).toBe(true);
  });

  it('a point is judged when each preset has at least 90 % viable runs, and names what failed where not', () => {
    expect(judgePoint(sweep([4]), 'base', ['gift', 'two-token'])).toEqual({ point: 'base', judged: true, failures: [] });
    const two = judgePoint(sweep([4, 7]), 'base', ['gift', 'two-token', 'market']); // market has no runs: missing data, not a failure
    expect(two).toEqual({ point: 'base', judged: false,
      failures: ['two-token at base: 8 of 10 runs viable (90 % needed); failed: producers out in 2 (runs/two-token/base/r004, runs/two-token/base/r007)'] });
    expect(judgePoint(sweep([4, 7]), 'base', ['gift']).judged).toBe(true); // only the presets named count
  });

  it('a paired test uses only the seeds where both runs are viable; a test on rho_median uses every run', () => {
    const data = sweep([4]);
    const goods = testAt(data, goodsTest, 'base', 'defaults');
    expect(goods.test).toMatchObject({ runs: 'viable', n: 9, part: 'defaults' });
    // ln(10 + r) - ln 10 over r = 0..9 without 4.
    const want = [0, 1, 2, 3, 5, 6, 7, 8, 9].reduce((s, r) => s + Math.log((10 + r) / 10), 0) / 9;
    expect(goods.test.mean).toBeCloseTo(want, 5);
    const rho = testAt(data, rhoTest, 'base', 'defaults');
    expect(rho.test).toMatchObject({ runs: 'all', n: 10 });
    expect(rho.test.mean).toBeCloseTo(1.45, 5); // 1 + mean(0..9) / 10
  });

  it('a preset without runs is missing, and the test has no data', () => {
    const t = testAt(sweep([]), { ...goodsTest, presets: ['two-token', 'market'] }, 'base', 'defaults');
    expect(t.missing).toEqual(['market']);
    expect(t.test).toMatchObject({ n: 0, outcome: 'no data', holds: false });
  });
});
