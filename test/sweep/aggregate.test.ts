import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../sim/metrics/columns.js';
import { groupsOf, SWEEP_METRICS } from '../../sim/sweep/aggregate.js';

const run = (preset: string, point: string, replicate: number) => ({ run: `runs/${preset}/${point}/r00${replicate}`, preset, point, replicate, seed: 1, params: {} });

describe('sweep/aggregate', () => {
  it('groups the replicates of each (preset, point), in plan order', () => {
    const runs = [run('gift', 'base', 0), run('gift', 'base', 1), run('gift', 's-x-1', 0), run('market', 'base', 0)];
    expect([...groupsOf(runs)].map((g) => g.map((r) => r.run))).toEqual([
      ['runs/gift/base/r000', 'runs/gift/base/r001'], ['runs/gift/s-x-1/r000'], ['runs/market/base/r000'],
    ]);
    expect([...groupsOf([])]).toEqual([]);
  });

  it('summarises every metrics.csv column but day, in its order', () => {
    expect(SWEEP_METRICS).toEqual(COLUMNS.map((c) => c.name).slice(1));
    expect(SWEEP_METRICS.slice(0, 3)).toEqual(['producers_active', 'dropout_share', 'pi_mean']);
  });
});
