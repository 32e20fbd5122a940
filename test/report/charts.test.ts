import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../sim/metrics/columns.js';
import { CHART_DEFS, Y_TITLE_MAX } from '../../sim/report/chartDefs.js';
import { chartSpecs, type ReportRun } from '../../sim/report/charts.js';
import { compileSpec } from '../../sim/report/render.js';
import { syntheticTable } from './synthetic.js';

const runs = (days: number): ReportRun[] => [
  { label: 'gift', table: syntheticTable(days, { shift: 0, money: false }) },
  { label: 'two-token', table: syntheticTable(days, { shift: 1, money: true }) },
];

interface Panel { transform: { filter: { equal: string } }[]; encoding: Record<string, { title?: unknown; scale?: { domain?: unknown[] } }> }
const panels = (spec: unknown): Panel[] => (spec as { concat: Panel[] }).concat;
const panelMetrics = (spec: unknown): string[] => panels(spec).map((p) => p.transform[0]?.filter.equal ?? '');
const values = (spec: unknown): { panel: string; run: string; value: number | null }[] =>
  (spec as { data: { values: { panel: string; run: string; value: number | null }[] } }).data.values;

describe('report/charts', () => {
  it('draws the abundance, campaigns, money, efficiency, prices and distribution charts', () => {
    const ids = chartSpecs(runs(60)).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['abundance', 'campaigns', 'money', 'efficiency', 'prices', 'distribution']));
  });

  it('a chart is omitted when all its series are empty', () => {
    const gift = chartSpecs([{ label: 'gift', table: syntheticTable(60, { shift: 0, money: false }) }]);
    expect(gift.map((c) => c.id)).not.toContain('money');
    expect(gift.map((c) => c.id)).not.toContain('prices');
  });

  it('an empty series is skipped and an empty panel dropped, but the run keeps its colour', () => {
    const money = chartSpecs(runs(60)).find((c) => c.id === 'money');
    expect(panelMetrics(money?.spec)).toEqual(['money_ch', 'money_mh', 'credit_ch', 'flow_ch']);
    expect(new Set(values(money?.spec).map((v) => v.run))).toEqual(new Set(['two-token']));
    const color = panels(money?.spec)[0]?.encoding['color']?.scale as { domain: string[]; range: string[] };
    const abundance = chartSpecs(runs(60)).find((c) => c.id === 'abundance');
    const both = panels(abundance?.spec)[0]?.encoding['color']?.scale as { domain: string[]; range: string[] };
    expect(color.range[0]).toBe(both.range[1]);
  });

  it('the exchange rate panel draws its reference dashed', () => {
    const prices = chartSpecs(runs(60)).find((c) => c.id === 'prices');
    expect(panels(prices?.spec)[0]?.encoding['strokeDash']).toBeDefined();
    expect(values(prices?.spec).some((v) => (v as { line?: string }).line === 'reference')).toBe(true);
  });

  it('specs compile with vega-lite without warnings and every panel has axis titles', () => {
    for (const chart of chartSpecs(runs(60))) {
      expect(compileSpec(chart.spec).warnings, chart.id).toEqual([]);
      expect(chart.caption.length, chart.id).toBeGreaterThan(20);
      for (const p of panels(chart.spec)) {
        expect(p.encoding['x']?.title, chart.id).toBe('day');
        expect(typeof p.encoding['y']?.title, chart.id).toBe('string');
      }
    }
  });

  it('a ten-year run is drawn in 30-day means and the caption says so', () => {
    const charts = chartSpecs(runs(3650));
    const abundance = charts.find((c) => c.id === 'abundance');
    expect(abundance?.caption).toMatch(/30-day means/);
    const released = values(abundance?.spec).filter((v) => v.panel === 'goods_released' && v.run === 'gift');
    expect(released.length).toBe(Math.ceil(3650 / 30));
    expect(chartSpecs(runs(60))[0]?.caption).toMatch(/Weekly means/);
  });

  it('the same runs give byte-identical specs', () => {
    const a = chartSpecs(runs(120)).map((c) => JSON.stringify(c.spec));
    const b = chartSpecs(runs(120)).map((c) => JSON.stringify(c.spec));
    expect(a).toEqual(b);
  });
});

describe('report/chartDefs', () => {
  it('y axis titles are short enough not to overhang their panel', () => {
    for (const def of CHART_DEFS) for (const p of def.panels) expect(p.yTitle.length, p.metric).toBeLessThanOrEqual(Y_TITLE_MAX);
  });

  it('every panel draws a column of metrics.csv', () => {
    const names = new Set(COLUMNS.map((c) => c.name));
    for (const def of CHART_DEFS) for (const p of def.panels) {
      expect(names.has(p.metric), p.metric).toBe(true);
      if (p.ref !== undefined) expect(names.has(p.ref), p.ref).toBe(true);
    }
  });
});
