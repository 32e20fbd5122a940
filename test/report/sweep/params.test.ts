/**
 * sim/report/sweep/params: the small multiples per swept key, checked against runs.csv of the fixture:
 * each point is the mean across replicates, the other keys are held at the reference point, and a
 * point at the default sits at the value its runs' manifests used.
 */
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../../sim/report/render.js';
import { paramCharts } from '../../../sim/report/sweep/params.js';
import { valueAt } from '../../../sim/scenario/fields.js';
import { readSweepFolder } from '../../../sim/report/sweep/read.js';
import { cellValues, freshFixtures, meanOf, valuesOf } from './helpers.js';

const fresh = freshFixtures();

const PRESETS = ['gift', 'two-token', 'peer-bank'];
const grid2 = fresh({ presets: PRESETS, grid: { 'bank.k': [7, 30, 90], 'demurrage.rate': [0, 0.06] }, replicates: 3, days: 40, everyDays: 5 });
const sens = fresh({ presets: PRESETS, sensitivity: { 'participation.piMin': [0.5, 0.25] }, defaults: { 'participation.piMin': 1 }, replicates: 3, days: 40 });

describe('report/sweep/params', () => {
  it('holds the other grid key at the reference point and averages runs.csv over replicates', async () => {
    const data = await readSweepFolder(grid2);
    const chart = paramCharts(data).find((c) => c.id === 'param-bank.k');
    const rows = valuesOf(chart?.spec).filter((r) => r['panel'] === 'goods_total' && r['preset'] === 'peer-bank');
    // p000, p002, p004 have demurrage.rate 0 (the reference p000's value); bank.k 7, 30, 90
    expect(rows.map((r) => [r['point'], r['x']])).toEqual([['p000', 7], ['p002', 30], ['p004', 90]]);
    expect(rows[1]?.['mean']).toBeCloseTo(meanOf(cellValues(grid2, 'peer-bank', 'p002', 'goods_total')), 4);
    expect(rows[1]?.['n']).toBe(3);
  });

  it('places a point that leaves the key at its default at the value its runs used', async () => {
    const data = await readSweepFolder(sens);
    const chart = paramCharts(data).find((c) => c.id === 'param-participation.piMin');
    const xs = valuesOf(chart?.spec).filter((r) => r['panel'] === 'cost_index' && r['preset'] === 'gift').map((r) => [r['point'], r['x']]);
    expect(xs).toEqual([['base', 1], ['s-participation.piMin-0.5', 0.5], ['s-participation.piMin-0.25', 0.25]]);
  });

  it('looks a dotted key up in a nested scenario, or as a key of its own', () => {
    expect(valueAt({ bank: { k: 30 } }, 'bank.k')).toBe(30);
    expect(valueAt({ agents: 150 }, 'agents')).toBe(150);
    expect(valueAt({ bank: {} }, 'bank.k')).toBeUndefined();
  });

  it('a sweep with nothing swept has no small multiples', async () => {
    const dir = fresh({ presets: ['gift'], replicates: 2, days: 20 });
    expect(paramCharts(await readSweepFolder(dir))).toEqual([]);
  });

  it('its charts compile without a vega-lite warning and name their axes', async () => {
    const data = await readSweepFolder(grid2);
    for (const chart of paramCharts(data)) {
      expect(compileSpec(chart.spec).warnings, chart.id).toEqual([]);
      expect(JSON.stringify(chart.spec), chart.id).toMatch(/"x":\{"field":"[a-z]+","type":"[a-z]+","title":"[^"]+"/);
    }
  });
});
