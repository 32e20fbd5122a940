import { describe, expect, it } from 'vitest';
import { lastSnapshotProducers, middleQuintile, middleQuintileRho, rhoEfficiencySpearman } from '../../sim/analysis/producers.js';
import { agentsCsv } from './fixture.js';

describe('analysis/producers', () => {
  it('takes the last snapshot only, producers and re-entered agents only, and only those with a rho', () => {
    const text = agentsCsv(364, [[0, 1, 9, 'producer']]) + agentsCsv(729, [
      [0, 1, 1.1, 'producer'], [1, 2, 1.2, 're-entered'], [2, 3, 5, 'dropped-pc'], [3, 4, 5, 'dropped-default'], [4, 5, NaN, 'producer'],
    ]).split('\n').slice(1).join('\n');
    expect(lastSnapshotProducers(text)).toEqual([
      { agent: 0, rho: 1.1, efficiency: 1 },
      { agent: 1, rho: 1.2, efficiency: 2 },
    ]);
  });

  it('Spearman is 1 for any increasing relation and -1 for a decreasing one', () => {
    const ps = [1, 2, 3, 4, 5, 6].map((e) => ({ agent: e, efficiency: e, rho: Math.exp(e) }));
    expect(rhoEfficiencySpearman(ps)).toBeCloseTo(1, 12);
    expect(rhoEfficiencySpearman(ps.map((p) => ({ ...p, rho: -p.rho })))).toBeCloseTo(-1, 12);
    expect(rhoEfficiencySpearman(ps.slice(0, 2))).toBeNaN();
  });

  it('the middle quintile of 10 producers is the 5th and 6th most efficient, and its rho is their median', () => {
    const ps = [9, 3, 7, 1, 5, 10, 2, 8, 4, 6].map((e) => ({ agent: e, efficiency: e, rho: e / 10 }));
    expect(middleQuintile(ps).map((p) => p.efficiency)).toEqual([5, 6]);
    expect(middleQuintileRho(ps)).toBeCloseTo(0.55, 12);
    expect(middleQuintileRho([])).toBeNaN();
  });
});
