/**
 * sim/report/sweep/fans: the fan charts of a sweep report, checked against summary.csv of the fixture:
 * each row is a bin mean of the daily statistics, no bin falls between two rows of the file, and a
 * preset without a metric (gift has no money) is left out of that chart, keeping its colours.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../../sim/report/render.js';
import { fanCharts } from '../../../sim/report/sweep/fans.js';
import { readSweepFolder } from '../../../sim/report/sweep/read.js';
import { csvObjects, freshFixtures, meanOf, valuesOf } from './helpers.js';

const fresh = freshFixtures();

const PRESETS = ['gift', 'two-token', 'peer-bank'];
const grid2 = fresh({ presets: PRESETS, grid: { 'bank.k': [7, 30, 90], 'demurrage.rate': [0, 0.06] }, replicates: 3, days: 40, everyDays: 5 });

describe('report/sweep/fans', () => {
  it('draws the mean and interval of summary.csv per preset, binned no finer than the day stride', async () => {
    const data = await readSweepFolder(grid2);
    const charts = fanCharts(data);
    expect(charts.map((c) => c.id)).toEqual(['fan-abundance', 'fan-money', 'fan-efficiency', 'fan-prices', 'fan-inequality']);
    const rows = valuesOf(charts[0]?.spec).filter((r) => r['panel'] === 'goods_total' && r['preset'] === 'two-token');
    // summary.csv has a row every 5 days; bins are 7 days wide, except that none may fall between two rows
    const summary = csvObjects(join(grid2, 'summary.csv')).filter((r) => r['point'] === 'p000' && r['metric'] === 'goods_total' && r['preset'] === 'two-token');
    expect(rows.every((r) => r['mean'] !== null)).toBe(true);
    const first = rows[0]!;
    const inBin = summary.filter((r) => Number(r['day']) >= (first['day'] as number) && Number(r['day']) < (rows[1]!['day'] as number));
    expect(first['mean']).toBeCloseTo(meanOf(inBin.map((r) => Number(r['mean']))), 4);
    expect(first['lo']).toBeCloseTo(meanOf(inBin.map((r) => Number(r['ci95_lo']))), 4);
    expect(first['n']).toBe(3);
    expect(charts[0]?.caption).toMatch(/at point p000/);
  });

  it('gift has no money: the money chart leaves it out and keeps the colours of the others', async () => {
    const money = fanCharts(await readSweepFolder(grid2)).find((c) => c.id === 'fan-money');
    expect(new Set(valuesOf(money?.spec).map((r) => r['preset']))).toEqual(new Set(['two-token', 'peer-bank']));
    expect(JSON.stringify(money?.spec)).toContain('"domain":["two-token","peer-bank"],"range":["#f28e2b","#e15759"]');
  });

  it('its charts compile without a vega-lite warning and name their axes', async () => {
    const data = await readSweepFolder(grid2);
    for (const chart of fanCharts(data)) {
      expect(compileSpec(chart.spec).warnings, chart.id).toEqual([]);
      expect(JSON.stringify(chart.spec), chart.id).toMatch(/"x":\{"field":"[a-z]+","type":"[a-z]+","title":"[^"]+"/);
    }
  });
});
