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

type Encoding = Record<string, { title?: unknown; scale?: { domain?: unknown[] } }>;
interface Layer { name?: string; params?: { name: string; bind?: unknown }[]; encoding: Encoding }
interface Panel { transform: { filter: { equal: string } }[]; layer: Layer[] }
const panels = (spec: unknown): Panel[] => (spec as { concat: Panel[] }).concat;
/** The encoding of a panel's line layer (the first). */
const lineOf = (p: Panel | undefined): Encoding => p?.layer[0]?.encoding ?? {};
const panelMetrics = (spec: unknown): string[] => panels(spec).map((p) => p.transform[0]?.filter.equal ?? '');
const values = (spec: unknown): { panel: string; run: string; value: number | null }[] =>
  (spec as { data: { values: { panel: string; run: string; value: number | null }[] } }).data.values;

describe('report/charts', () => {
  it('draws the abundance, campaigns, money, efficiency, prices and distribution charts', () => {
    const ids = chartSpecs(runs(60)).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['abundance', 'campaigns', 'money', 'efficiency', 'prices', 'distribution']));
  });

  it('the efficiency chart shows the share of output near the incompressible cost beside the cost index', () => {
    const efficiency = chartSpecs(runs(60)).find((c) => c.id === 'efficiency');
    expect(panelMetrics(efficiency?.spec)).toEqual(expect.arrayContaining(['cost_index', 'output_near_floor']));
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
    const color = lineOf(panels(money?.spec)[0])['color']?.scale as { domain: string[]; range: string[] };
    const abundance = chartSpecs(runs(60)).find((c) => c.id === 'abundance');
    const both = lineOf(panels(abundance?.spec)[0])['color']?.scale as { domain: string[]; range: string[] };
    expect(color.range[0]).toBe(both.range[1]);
  });

  it('the exchange rate panel draws its reference dashed', () => {
    const prices = chartSpecs(runs(60)).find((c) => c.id === 'prices');
    expect(lineOf(panels(prices?.spec)[0])['strokeDash']).toBeDefined();
    expect(values(prices?.spec).some((v) => (v as { line?: string }).line === 'reference')).toBe(true);
  });

  it('specs compile with vega-lite without warnings and every panel has axis titles', () => {
    for (const chart of chartSpecs(runs(60))) {
      expect(compileSpec(chart.spec).warnings, chart.id).toEqual([]);
      expect(chart.caption.length, chart.id).toBeGreaterThan(20);
      for (const p of panels(chart.spec)) {
        expect(lineOf(p)['x']?.title, chart.id).toBe('day');
        expect(typeof lineOf(p)['y']?.title, chart.id).toBe('string');
      }
    }
  });

  it('with two runs or more, the first panel binds a legend selection and every panel fades the runs not picked', () => {
    for (const chart of chartSpecs(runs(60))) {
      const ps = panels(chart.spec);
      const multi = new Set(values(chart.spec).map((v) => v.run)).size >= 2;
      expect(ps[0]?.layer[0]?.params?.[0], chart.id).toEqual(multi ? { name: 'pick', select: { type: 'point', fields: ['run'] }, bind: 'legend' } : undefined);
      for (const p of ps.slice(1)) expect(p.layer[0]?.params, chart.id).toBeUndefined();
      for (const p of ps) expect(lineOf(p)['opacity'] !== undefined, chart.id).toBe(multi);
    }
    const single = chartSpecs([{ label: 'two-token', table: syntheticTable(60, { shift: 1, money: true }) }]);
    for (const chart of single) expect(JSON.stringify(chart.spec)).not.toContain('"pick"');
  });

  it('every panel has a hover layer with a tooltip naming the run, the day and the value', () => {
    for (const chart of chartSpecs(runs(60))) for (const p of panels(chart.spec)) {
      const hover = p.layer[1] as Layer & { encoding: { tooltip: { field: string }[] } };
      expect(hover.name, chart.id).toBe(`hover-${p.transform[0]?.filter.equal}`);
      expect(hover.encoding.tooltip.map((t) => t.field).filter((f) => f !== 'line'), chart.id).toEqual(['run', 'day', 'value']);
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
