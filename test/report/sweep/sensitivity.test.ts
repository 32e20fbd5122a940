/**
 * sim/report/sweep/sensitivity: the Sensitivity section's scatter plots, on a hand-made section. The
 * factors are those with the largest indices of the first preset that has indices of the metric; a
 * factor of values (a rule) is a category on its axis; a factor the design drew log-uniformly (sweep.json
 * `sample.logUniform`) has a log axis, the others a linear one; coinciding points share one dot.
 */
import { describe, expect, it } from 'vitest';
import { sensitivityBlocks, type SensitivitySection } from '../../../sim/report/sweep/sensitivity.js';
import type { SensitivityRow } from '../../../sim/sensitivity/study.js';
import type { ChartSpec } from '../../../sim/report/charts.js';

const NONE = { value: NaN, lo: NaN, hi: NaN };
const row = (preset: string, param: string, st: number): SensitivityRow => ({
  preset, metric: 'm', method: 'sobol', param, S1: NONE, ST: { value: st, lo: NaN, hi: NaN }, S2: NONE, muStar: NONE, mu: NaN, sigma: NaN, seedNoiseShare: NaN, nPoints: 4, nSeeds: 2,
});
const points = [
  { id: 'p1', params: { 'bank.k': 10, 'bank.rule': 'target', 'pricing.mu0': 0.01, 'demand.freeRide': 0.1 } },
  { id: 'p2', params: { 'bank.k': 20, 'bank.rule': 'capacity', 'pricing.mu0': 0.1, 'demand.freeRide': 0.1 } },
  { id: 'p3', params: { 'bank.k': 20, 'bank.rule': 'capacity', 'pricing.mu0': 0.1, 'demand.freeRide': 0.2 } },
  { id: 'p4', params: { 'bank.k': 40, 'bank.rule': 'target', 'pricing.mu0': 0.3, 'demand.freeRide': 0.3 } },
];
const section = (rows: SensitivityRow[], means: [string, number[]][]): SensitivitySection => ({
  method: 'sobol', params: ['bank.k', 'bank.rule', 'pricing.mu0', 'demand.freeRide'], rows, points, means: new Map(means), logUniform: ['pricing.mu0'],
});
const scatter = (s: SensitivitySection): ChartSpec | undefined =>
  sensitivityBlocks(s).flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])).find((c) => c.id === 'scatter-m');

describe('report/sweep/sensitivity scatter', () => {
  it('draws the top factors of the first preset with indices: a rule as a category, a log-uniform range on a log axis', () => {
    // market has no index of m (an S1-only statistic would be the other way round): peer-bank ranks.
    const rows = [
      ...['bank.k', 'bank.rule', 'pricing.mu0', 'demand.freeRide'].map((p) => row('market', p, NaN)),
      row('peer-bank', 'bank.k', 0.1), row('peer-bank', 'bank.rule', 0.6), row('peer-bank', 'pricing.mu0', 0.3), row('peer-bank', 'demand.freeRide', 0.05),
    ];
    const chart = scatter(section(rows, [['market\tm', [NaN, NaN, NaN, NaN]], ['peer-bank\tm', [1, 2, 2, NaN]]]));
    expect(chart).toBeDefined();
    const spec = chart!.spec as unknown as { concat: { title: { text: string }; encoding: { x: { type: string; scale?: { type: string } } } }[]; data: { values: { factor: string; point: string; x: unknown; y: number }[] } };
    expect(spec.concat.map((c) => c.title.text)).toEqual(['bank.rule', 'pricing.mu0', 'bank.k']);
    expect(spec.concat.map((c) => [c.encoding.x.type, c.encoding.x.scale?.type])).toEqual([['nominal', undefined], ['quantitative', 'log'], ['quantitative', 'linear']]);
    // p4 has no mean (NaN): not drawn; p2 and p3 coincide on every one of these axes: one dot, named p2.
    const dots = spec.data.values;
    expect(dots.filter((d) => d.factor === 'bank.rule').map((d) => [d.point, d.x, d.y])).toEqual([['p1', 'target', 1], ['p2', 'capacity', 2]]);
    expect(dots.filter((d) => d.factor === 'pricing.mu0').map((d) => [d.point, d.x, d.y])).toEqual([['p1', 0.01, 1], ['p2', 0.1, 2]]);
    expect(chart!.caption).toContain('for peer-bank');
  });

  it('draws no scatter when no preset has indices of the metric, or the means are not given', () => {
    const none = ['bank.k', 'bank.rule'].map((p) => row('peer-bank', p, NaN));
    expect(scatter(section(none, [['peer-bank\tm', [1, 2, 3, 4]]]))).toBeUndefined();
    const some = [row('peer-bank', 'bank.k', 0.5)];
    expect(scatter({ ...section(some, []), means: undefined })).toBeUndefined();
  });
});
