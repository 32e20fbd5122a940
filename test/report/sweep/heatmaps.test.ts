/**
 * sim/report/sweep/heatmaps: a two-key grid gets one heatmap per metric, each cell the mean across
 * replicates of runs.csv, on one colour scale for every preset; other sweeps get none.
 */
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../../sim/report/render.js';
import { heatmapCharts } from '../../../sim/report/sweep/heatmaps.js';
import { HEATMAP_METRICS } from '../../../sim/report/sweep/metrics.js';
import { readSweepFolder } from '../../../sim/report/sweep/read.js';
import { cellValues, freshFixtures, meanOf, valuesOf } from './helpers.js';

const fresh = freshFixtures();

const PRESETS = ['gift', 'two-token', 'peer-bank'];
const grid2 = fresh({ presets: PRESETS, grid: { 'bank.k': [7, 30, 90], 'demurrage.rate': [0, 0.06] }, replicates: 3, days: 40, everyDays: 5 });
const sens = fresh({ presets: PRESETS, sensitivity: { 'participation.piMin': [0.5, 0.25] }, defaults: { 'participation.piMin': 1 }, replicates: 3, days: 40 });

describe('report/sweep/heatmaps', () => {
  it('a two-key grid gets a heatmap per metric, each cell the mean of its replicates', async () => {
    const charts = heatmapCharts(await readSweepFolder(grid2));
    expect(charts.map((c) => c.id)).toEqual(HEATMAP_METRICS.map((m) => `heatmap-${m}`));
    const cell = valuesOf(charts[0]?.spec).find((r) => r['preset'] === 'gift' && r['x'] === 30 && r['y'] === 0.06);
    expect(cell?.['point']).toBe('p003');
    expect(cell?.['mean']).toBeCloseTo(meanOf(cellValues(grid2, 'gift', 'p003', 'goods_total')), 4);
    expect((charts[0]?.spec as { resolve: unknown }).resolve).toEqual({ scale: { color: 'shared' } });
  });

  it('a one-key sweep gets no heatmap', async () => {
    expect(heatmapCharts(await readSweepFolder(sens))).toEqual([]);
  });

  it('its charts compile without a vega-lite warning and name their axes', async () => {
    const data = await readSweepFolder(grid2);
    for (const chart of heatmapCharts(data)) {
      expect(compileSpec(chart.spec).warnings, chart.id).toEqual([]);
      expect(JSON.stringify(chart.spec), chart.id).toMatch(/"x":\{"field":"[a-z]+","type":"[a-z]+","title":"[^"]+"/);
    }
  });
});
