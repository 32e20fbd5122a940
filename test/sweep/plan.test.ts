import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { expandPoints, planSweep, scenarioOf, type SweepPlan } from '../../sim/sweep/plan.js';
import { replicateSeed } from '../../sim/sweep/seeds.js';
import { buildSpec, type SweptKey } from '../../sim/sweep/spec.js';

const plan = (yaml: string, set: string[] = [], replicates?: number): SweepPlan =>
  planSweep(buildSpec(parse(yaml), 'f.yaml', 'f'), (fields, opts) => resolveScenario(fields, 'f.yaml', opts), set, replicates);
const keyOf = (key: string, values: unknown[]): SweptKey => ({ key, values: values.map((value, i) => ({ value, at: `${key}[${i}]` })) });
const errorLines = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).message.split('\n');
  }
  throw new Error('expected a ScenarioError');
};

describe('sweep/plan: points', () => {
  it('is one point "base" when nothing is swept', () => {
    expect(expandPoints([], [])).toEqual([{ id: 'base', params: {}, kind: 'grid' }]);
  });

  it('takes the Cartesian product in key order as written, the last key fastest', () => {
    const points = expandPoints([keyOf('bank.k', [7, 90]), keyOf('demurrage.rate', [0, 0.05, 0.1])], []);
    expect(points.map((p) => p.id)).toEqual(['p000', 'p001', 'p002', 'p003', 'p004', 'p005']);
    expect(points.map((p) => p.params)).toEqual([
      { 'bank.k': 7, 'demurrage.rate': 0 }, { 'bank.k': 7, 'demurrage.rate': 0.05 }, { 'bank.k': 7, 'demurrage.rate': 0.1 },
      { 'bank.k': 90, 'demurrage.rate': 0 }, { 'bank.k': 90, 'demurrage.rate': 0.05 }, { 'bank.k': 90, 'demurrage.rate': 0.1 },
    ]);
    expect(points.every((p) => Object.keys(p.params).join() === 'bank.k,demurrage.rate')).toBe(true);
  });

  it('varies each sensitivity key one at a time around every grid point', () => {
    expect(expandPoints([], [keyOf('participation.piMin', [0.5, 0.25]), keyOf('bank.k', [7])])).toEqual([
      { id: 'base', params: {}, kind: 'grid' },
      { id: 's-participation.piMin-0.5', params: { 'participation.piMin': 0.5 }, kind: 'sensitivity', key: 'participation.piMin', value: 0.5, of: 'base' },
      { id: 's-participation.piMin-0.25', params: { 'participation.piMin': 0.25 }, kind: 'sensitivity', key: 'participation.piMin', value: 0.25, of: 'base' },
      { id: 's-bank.k-7', params: { 'bank.k': 7 }, kind: 'sensitivity', key: 'bank.k', value: 7, of: 'base' },
    ]);
    const withGrid = expandPoints([keyOf('demurrage.rate', [0, 0.1])], [keyOf('bank.k', [7])]);
    expect(withGrid.map((p) => p.id)).toEqual(['p000', 'p000-s-bank.k-7', 'p001', 'p001-s-bank.k-7']);
    expect(withGrid[3]).toMatchObject({ params: { 'demurrage.rate': 0.1, 'bank.k': 7 }, of: 'p001' });
  });
});

describe('sweep/plan: runs and seeds', () => {
  const p = plan('compare: [gift, peer-bank]\nseeds: 3\nseed: 9\nagents: 40\nsweep: { bank.k: [7, 90] }\nsensitivity: { production.sigma: [1] }\n');

  it('lists preset x point x replicate in that order, in folders runs/<preset>/<point>/r<NNN>', () => {
    expect(p.presets).toEqual(['gift', 'peer-bank']);
    expect(p.sweptKeys).toEqual(['bank.k', 'production.sigma']);
    expect(p.runs).toHaveLength(2 * 4 * 3);
    expect(p.runs.slice(0, 4).map((r) => r.run)).toEqual(['runs/gift/p000/r000', 'runs/gift/p000/r001', 'runs/gift/p000/r002', 'runs/gift/p000-s-production.sigma-1/r000']);
    expect(p.runs.at(-1)).toMatchObject({ run: 'runs/peer-bank/p001-s-production.sigma-1/r002', preset: 'peer-bank', replicate: 2, params: { 'bank.k': 90, 'production.sigma': 1 } });
  });

  it('gives replicate r the seed replicateSeed(base, r) in every preset and point', () => {
    const expected = [0, 1, 2].map((r) => replicateSeed(9, r));
    for (const run of p.runs) expect(run.seed).toBe(expected[run.replicate]);
    const other = plan('extends: market\nseeds: 3\nseed: 9\nsweep: { pricing.mu0: [0.1, 0.2, 0.3] }\n');
    expect(other.runs.map((r) => r.seed)).toEqual([...expected, ...expected, ...expected]);
  });

  it('resolves each run with its preset, the fixed fields, its swept values and its seed', () => {
    const run = p.runs.find((r) => r.run === 'runs/peer-bank/p001-s-production.sigma-1/r001')!;
    const s = scenarioOf(p, run);
    expect(s).toMatchObject({ agents: 40, seed: replicateSeed(9, 1), bank: { k: 90 }, production: { sigma: 1 }, institutions: { money: 'peer-bank' } });
    expect(scenarioOf(p, p.runs[0]!)).toMatchObject({ bank: { k: 7 }, production: { sigma: 0.5 }, institutions: { money: 'none' } });
    expect(plan('seeds: 2\n', [], 5).runs).toHaveLength(5);
  });

  it('applies --set to every run, but not to a swept key nor the seed', () => {
    const q = plan('compare: [gift]\nseeds: 1\nsweep: { bank.k: [7] }\n', ['agents=25']);
    expect(scenarioOf(q, q.runs[0]!).agents).toBe(25);
    expect(errorLines(() => plan('sweep: { bank.k: [7] }\n', ['bank.k=3', 'seed=4']))).toEqual([
      '--set bank.k=3: bank.k is swept by f.yaml; a flag would replace every swept value',
      "--set seed=4: the seed of each run comes from the sweep's base seed and the replicate; change seed in f.yaml",
    ]);
  });
});

describe('sweep/plan: every run resolved before any runs', () => {
  it('reports a fixed field once, not once per preset and point', () => {
    expect(errorLines(() => plan('compare: [gift, market]\nagnets: 5\n'))).toEqual([
      expect.stringMatching(/^f.yaml: agnets: unknown key; did you mean "agents"\?/),
    ]);
    expect(errorLines(() => plan('compare: [gift, market]\nbank: { k: -3 }\nsweep: { agents: [10, 20] }\n'))).toEqual([
      'f.yaml: bank.k: expected a number > 0 and <= 3650, got -3',
    ]);
  });

  it('names the point and preset of a value that only fails with the rest of its scenario', () => {
    const lines = errorLines(() => plan('extends: two-token\nsweep: { genres.liked: [3, 12] }\n'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^f.yaml, override genres.liked=12: genres.liked: expected at most genres.count \(10\), got 12 \(sweep point p001 \(genres.liked=12\) of two-token\)$/);
  });

  it('refuses a plan larger than the limits', () => {
    expect(errorLines(() => plan('sweep:\n  agents: { arange: [1, 10000, 1] }\n  days: { arange: [1, 10000, 1] }\n'))[0]).toMatch(/^f.yaml: sweep: 99980001 grid points/);
  });
});
