/**
 * sim/sweep/sample.ts through the sweep file: the `sample:` key read, checked (file, field path,
 * did-you-mean), expanded to points with stable ids and their role in the design, integer fields
 * rounded, discrete factors mapped, and refused beside sweep or sensitivity.
 */
import { describe, expect, it } from 'vitest';
import { sweepSpecReader } from '../helpers/sweepSpec.js';
import { factorValue, samplePoints } from '../../sim/sweep/sample.js';

const { spec, lines } = sweepSpecReader('my.yaml', 'my');

describe('sweep/sample: the sample: key of a sweep file', () => {
  it('reads a sobol design: ranges, discrete factors, a scale per key; N (2D + 2) points with stable ids and roles', () => {
    const s = spec('sample:\n  method: sobol\n  n: 8\n  params:\n    bank.k: [10, 60]\n    pricing.mu0: [0.01, 0.3]\n    bank.rule: { values: [target, peak] }\n  scale: { pricing.mu0: log-uniform }\n');
    expect(s.sample?.factors).toEqual([
      { key: 'bank.k', kind: 'range', lo: 10, hi: 60, scale: 'uniform', integer: false },
      { key: 'pricing.mu0', kind: 'range', lo: 0.01, hi: 0.3, scale: 'log-uniform', integer: false },
      { key: 'bank.rule', kind: 'values', values: ['target', 'peak'] },
    ]);
    const points = samplePoints(s.sample!, 1);
    expect(points).toHaveLength(8 * (2 * 3 + 2));
    expect(points[0]).toEqual({ id: 'sobol-00001', params: { 'bank.k': 35, 'pricing.mu0': 0.0547723, 'bank.rule': 'peak' }, unit: [0.5, 0.5, 0.5], design: { method: 'sobol', matrix: 'A', row: 0 } });
    expect(points[2]!.design).toEqual({ method: 'sobol', matrix: 'AB', row: 0, param: 'pricing.mu0' });
    expect(points[7]!.design).toEqual({ method: 'sobol', matrix: 'B', row: 0 });
    expect(points.at(-1)!.id).toBe('sobol-00064');
  });

  it('rounds integer fields (the design the model sees is the rounded one) and maps a unit coordinate to a listed value', () => {
    const s = spec('sample:\n  method: sobol\n  n: 2\n  params:\n    consumption.attention: [1, 6]\n    calibration: { values: [source, 2009, 2020s] }\n');
    const [att, cal] = s.sample!.factors;
    expect(factorValue(att!, 0.55)).toBe(4); // 1 + 0.55 x 5 = 3.75
    expect([0, 0.33, 0.34, 0.99, 1].map((u) => factorValue(cal!, u))).toEqual(['source', 'source', '2009', '2020s', '2020s']);
  });

  it('gives a morris design r (D + 1) points, morris-t01-s00 ..., each step naming the factor moved', () => {
    const s = spec('seed: 3\nsample:\n  method: morris\n  n: 2\n  levels: 4\n  params:\n    bank.k: [10, 60]\n    pricing.mu0: [0.01, 0.3]\n');
    const points = samplePoints(s.sample!, 3);
    expect(points.map((p) => p.id)).toEqual(['morris-t01-s00', 'morris-t01-s01', 'morris-t01-s02', 'morris-t02-s00', 'morris-t02-s01', 'morris-t02-s02']);
    expect(points[1]!.design).toMatchObject({ method: 'morris', trajectory: 0, step: 1 });
    expect(['bank.k', 'pricing.mu0']).toContain((points[1]!.design as { param: string }).param);
  });

  it('reports every problem at its field path, with a did-you-mean, before anything runs', () => {
    expect(lines([
      'sample:',
      '  method: sobool',
      '  n: 1',
      '  levls: 4',
      '  params:',
      '    bank.kk: [1, 2]',
      '    bank.k: [-1, 30]',
      '    pricing.mu0: [0.3, 0.1]',
      '    demand.freeRide: [0, 2]',
      '    bank.rule: { values: [target, nope] }',
      '    consumption.attention: [1.2, 1.4]',
      '  scale: { bank.k: log-uniforn, pricing.mu: uniform }',
    ].join('\n'))).toEqual([
      'my.yaml: sample.levls: unknown key; did you mean "levels"? Keys of sample: method, n, levels, params, scale.',
      'my.yaml: sample.method: expected one of sobol, morris, got "sobool"; did you mean "sobol"?',
      'my.yaml: sample.n: expected an integer from 2 to 100000 (sobol: the base sample N, a power of 2 is best; morris: the trajectories r), got 1',
      'my.yaml: sample.scale.bank.k: expected one of uniform, log-uniform, got "log-uniforn"; did you mean "log-uniform"?',
      'my.yaml: sample.scale.pricing.mu: not a factor of sample.params; did you mean "pricing.mu0"?',
      'my.yaml: sample.params.bank.kk: unknown scenario key; did you mean "bank.k"? (the keys of docs/scenarios.md, dotted, e.g. bank.k)',
      'my.yaml: sample.params.bank.k[0]: expected a number > 0 and <= 3650, got -1',
      'my.yaml: sample.params.pricing.mu0: expected lo < hi, got [0.3, 0.1]',
      'my.yaml: sample.params.demand.freeRide[1]: expected a number from 0 to 1, got 2',
      'my.yaml: sample.params.bank.rule.values[1]: expected one of target, peak, capacity, got "nope"',
      'my.yaml: sample.params.consumption.attention: consumption.attention takes whole numbers: [1.2, 1.4] holds fewer than two',
    ]);
  });

  it('refuses sample beside sweep, and a sampled key that is also fixed', () => {
    expect(lines('sweep:\n  bank.k: [7]\nsample:\n  method: sobol\n  n: 4\n  params:\n    pricing.mu0: [0.01, 0.2]\n')).toEqual([
      'my.yaml: sample: a sample design is its own set of points; give sample, or sweep, not both (run them as two sweep files)',
    ]);
    expect(lines('bank.k: 20\nsample:\n  method: sobol\n  n: 4\n  params:\n    bank.k: [10, 60]\n')).toEqual([
      'my.yaml: bank.k: bank.k is fixed here and also swept; keep one of the two',
    ]);
  });
  it('maps an integer field onto its whole numbers within [lo, hi], each an equal share on the uniform scale', () => {
    const f = { key: 'consumption.attention', kind: 'range', lo: 1.4, hi: 4.6, scale: 'uniform', integer: true } as const;
    expect([0, 0.3, 0.34, 0.66, 0.67, 0.99, 1].map((u) => factorValue(f, u))).toEqual([2, 2, 3, 3, 4, 4, 4]);
    const log = { ...f, lo: 1, hi: 100, scale: 'log-uniform' } as const;
    expect([0, 0.5, 1].map((u) => factorValue(log, u))).toEqual([1, 10, 100]);
    expect(factorValue({ ...f, lo: 1.4, hi: 4.6, scale: 'log-uniform' }, 0)).toBe(2);
  });
});
