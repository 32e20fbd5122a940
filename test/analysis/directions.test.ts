/**
 * sim/analysis/directions: which tests move with a direction, and which values a direction takes (those
 * MODEL.md fixes, else those the sweep file has), on a plan built in memory.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS, DIRECTIONS } from '../../sim/analysis/claimDefs.js';
import { evaluateDirection, movesWith, sensitivityPoint, sweptValues } from '../../sim/analysis/directions.js';
import { pointsOf, syntheticSweepData, syntheticTable } from './fixture.js';

const [piMin, money, sigma] = DIRECTIONS as [typeof DIRECTIONS[0], typeof DIRECTIONS[0], typeof DIRECTIONS[0]];
const data = syntheticSweepData({ presets: ['peer-bank'], points: pointsOf({ 'participation.piMin': [0.75, 0.5], 'bank.k': [15, 60] }), replicates: 1 },
  () => ({ table: syntheticTable(10) }));
const tests = (id: string) => CLAIMS.find((c) => c.id === id)!.tests;

describe('analysis/directions', () => {
  it('takes the values of its key that the sweep has, in sweep order, unless MODEL.md fixes them', () => {
    expect(sweptValues(data, 'base', 'participation.piMin')).toEqual([0.75, 0.5]);
    expect(sweptValues(data, 'base', 'bank.k')).toEqual([15, 60]);
    expect(sweptValues(data, 'base', 'credit.lambdaDays')).toEqual([]);
    expect(piMin.values).toBeUndefined();
    expect(money.values).toBeUndefined();
    expect(sigma.values).toEqual([1]);
    expect(sensitivityPoint(data, 'base', 'bank.k', 60)).toBe('s-bank.k-60');
    expect(sensitivityPoint(data, 'base', 'bank.k', 90)).toBeUndefined();
  });

  it('money moves the token presets\' tests only; C5\'s pi_fall at piMin 0.5 moves with no direction', () => {
    const c4 = tests('C4');
    expect(c4.filter((t) => movesWith(t, money)).map((t) => t.presets[0])).toEqual(['peer-bank', 'peer-bank', 'peer-bank']);
    expect(c4.filter((t) => movesWith(t, piMin))).toHaveLength(4);
    const piFall = tests('C5').filter((t) => t.statistic === 'stat_pi_fall');
    expect(piFall).toHaveLength(2);
    for (const dir of DIRECTIONS) expect(piFall.some((t) => movesWith(t, dir)), dir.name).toBe(false);
  });

  it('the piMin direction is the value the scan chose: 0.5, always swept for C5, counts only when it is the only one', () => {
    const sweep = (values: number[]) => syntheticSweepData({ presets: ['two-token', 'peer-bank', 'gift'], points: pointsOf({ 'participation.piMin': values }), replicates: 1 },
      () => ({ table: syntheticTable(10) }));
    expect(piMin.besides).toBe(0.5);
    expect(evaluateDirection(sweep([0.5, 0.25]), piMin, tests('C2'), 'base').direction.points).toEqual(['s-participation.piMin-0.25']);
    expect(evaluateDirection(sweep([0.75, 0.5]), piMin, tests('C2'), 'base').direction.points).toEqual(['s-participation.piMin-0.75']);
    expect(evaluateDirection(sweep([0.5]), piMin, tests('C2'), 'base').direction.points).toEqual(['s-participation.piMin-0.5']);
  });
});
