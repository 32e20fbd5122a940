/**
 * Runs -> Vega-Lite specs, one per chart of CHART_DEFS. Pure (no node imports), so a browser can
 * build the same charts. Every spec is self-contained (inline `values`) and deterministic: the same
 * runs give byte-identical JSON, with no dates or generated ids. In a comparison every run is a
 * colour, and a run keeps its colour across charts even when it is absent from one (gift has no money).
 *
 * Pipeline: for each chart, for each panel, for each run: column -> bin means (aggregate.ts) -> rows;
 * a run whose series is entirely empty is skipped, a panel with no run left is dropped, and a chart
 * with no panel left is omitted rather than drawn blank.
 *
 * Interaction (interaction.ts): each panel is a line layer plus a hover layer whose nearest point shows
 * a tooltip (run, day, value); with two runs or more, clicking a legend entry fades the other runs.
 */
import type { TopLevelSpec } from 'vega-lite';
import { binMeans, binningFor, hasValues, type Binning } from './aggregate.js';
import { CHART_DEFS, type ChartDef, type PanelDef } from './chartDefs.js';
import { hoverLayer, pickOpacity, pickParam, tip, yoursDatasets, yoursLayer } from './interaction.js';
import { columnOf, daysOf, type MetricsTable } from '../io/metricsCsv.js';

/** One run in a report; `label` (the preset name) is its colour in comparisons. */
export interface ReportRun { label: string; table: MetricsTable }

export interface ChartSpec {
  id: string;
  title: string;
  /** One line for under the chart: what to look for, and how the days were aggregated. */
  caption: string;
  spec: TopLevelSpec;
}

/** Tableau 10: the run at position i of the report is always PALETTE[i % 10]. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
  '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

export const FONT = 'DejaVu Sans, Verdana, sans-serif';

/** The look every report chart shares (the sweep charts too). */
export const CHART_CONFIG = {
  font: FONT,
  title: { anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
  axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal' },
  axisY: { labelFlush: true }, // keeps the top label inside the plot, so panel titles line up
  legend: { orient: 'right', labelFontSize: 11, titleFontSize: 11 },
  concat: { spacing: 24 },
} as const;

/** Six significant digits: enough for a chart, and keeps the JSON short and stable. */
export const round6 = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(6)));

interface Row { panel: string; run: string; line?: string; day: number; value: number | null }

const round = round6;

function spanDays(runs: ReportRun[]): number {
  let span = 0;
  for (const run of runs) {
    const days = daysOf(run.table);
    if (days.length > 0) span = Math.max(span, (days[days.length - 1] ?? 0) - (days[0] ?? 0) + 1);
  }
  return span;
}

function seriesRows(run: ReportRun, metric: string, panel: string, binning: Binning, line?: string): Row[] {
  const values = columnOf(run.table, metric);
  if (values === undefined) return [];
  const binned = binMeans(daysOf(run.table), values, binning.days);
  if (!hasValues(binned)) return [];
  return binned.x.map((day, i) => ({
    panel, run: run.label, ...(line === undefined ? {} : { line }), day, value: round(binned.y[i] ?? null),
  }));
}

function panelRows(runs: ReportRun[], p: PanelDef, binning: Binning): Row[] {
  const rows: Row[] = [];
  for (const run of runs) {
    if (p.ref === undefined) rows.push(...seriesRows(run, p.metric, p.metric, binning));
    else {
      const own = seriesRows(run, p.metric, p.metric, binning, 'measured');
      if (own.length === 0) continue; // a reference alone is not worth a panel
      rows.push(...own, ...seriesRows(run, p.ref, p.metric, binning, 'reference'));
    }
  }
  return rows;
}

/** A y scale; a flat series off zero gets +-10 % around its value, else vega draws ticks like "1.100000". */
function yScale(p: PanelDef, rows: Row[]): object {
  const zero = p.zero ?? true;
  if (zero) return { zero };
  const ys = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  if (hi - lo > 1e-9 * Math.abs(hi)) return { zero };
  const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
  return { zero, domain: [round(lo - pad), round(hi + pad)] };
}

function panelSpec(p: PanelDef, rows: Row[], xDomain: [number, number], color: object, pick: 'declare' | 'use' | 'none'): object {
  const dashed = rows.some((r) => r.line === 'reference');
  const x = { field: 'day', type: 'quantitative', title: 'day', scale: { domain: xDomain, nice: false } };
  const scale = yScale(p, rows);
  const y = { field: 'value', type: 'quantitative', title: p.yTitle, scale };
  const line = {
    ...(pick === 'declare' ? { params: [pickParam('run')] } : {}),
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x, y, color,
      ...(dashed ? { strokeDash: { field: 'line', type: 'nominal', title: 'line',
        scale: { domain: ['measured', 'reference'], range: [[1, 0], [5, 3]] } } } : {}),
      ...(pick === 'none' ? {} : { opacity: pickOpacity(1, 0.15) }),
    },
  };
  const tooltip = [tip('run', 'run'), ...(dashed ? [tip('line', 'line')] : []), tip('day', 'day (bin start)', 'quantitative'), tip('value', p.yTitle, 'quantitative')];
  return {
    title: { text: p.title, fontSize: 12, fontWeight: 'bold' },
    width: 300,
    height: 200,
    transform: [{ filter: { field: 'panel', equal: p.metric } }],
    layer: [line, hoverLayer(p.metric, x, y, color, tooltip), yoursLayer(p.metric, x, p.yTitle, scale)],
  };
}

function columnsFor(def: ChartDef, panels: PanelDef[]): number {
  if (def.columns !== 'currency') return Math.min(def.columns, panels.length);
  return new Set(panels.map((p) => p.metric.slice(p.metric.lastIndexOf('_') + 1))).size;
}

function chartSpec(def: ChartDef, runs: ReportRun[], binning: Binning): ChartSpec | undefined {
  const kept: { p: PanelDef; rows: Row[] }[] = [];
  for (const p of def.panels) {
    const rows = panelRows(runs, p, binning);
    if (rows.length > 0) kept.push({ p, rows });
  }
  if (kept.length === 0) return undefined;
  const all = kept.flatMap((k) => k.rows);
  const xs = all.map((r) => r.day);
  const xDomain: [number, number] = [Math.min(...xs), Math.max(...xs)];
  const present = runs.map((r, i) => ({ label: r.label, i })).filter((r) => all.some((row) => row.run === r.label));
  const color = { field: 'run', type: 'nominal', title: 'run', sort: present.map((r) => r.label),
    scale: { domain: present.map((r) => r.label), range: present.map((r) => PALETTE[r.i % PALETTE.length]) } };
  const note = `${binning.label === 'weekly' ? 'Weekly' : '30-day'} means of daily values; a gap is a ${binning.label === 'weekly' ? 'week' : '30-day period'} with no value.`;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: def.title, subtitle: note, fontSize: 16 },
    data: { values: all },
    datasets: yoursDatasets(),
    columns: columnsFor(def, kept.map((k) => k.p)),
    concat: kept.map((k, i) => panelSpec(k.p, k.rows, xDomain, color, present.length < 2 ? 'none' : i === 0 ? 'declare' : 'use')),
    config: CHART_CONFIG,
  } as TopLevelSpec;
  return { id: def.id, title: def.title, caption: `${def.look} ${note}`, spec };
}

/** The charts for these runs, in CHART_DEFS order, omitting charts with nothing to draw. */
export function chartSpecs(runs: ReportRun[]): ChartSpec[] {
  const labels = new Set(runs.map((r) => r.label));
  if (labels.size !== runs.length) throw new Error('chartSpecs: run labels must be distinct');
  const binning = binningFor(spanDays(runs));
  const out: ChartSpec[] = [];
  for (const def of CHART_DEFS) {
    const chart = chartSpec(def, runs, binning);
    if (chart !== undefined) out.push(chart);
  }
  return out;
}
