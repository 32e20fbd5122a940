/**
 * Fan charts of a sweep: for each FAN_DEFS chart, one panel per metric, and in each panel every preset
 * a colour, drawn as its mean across replicates (line) inside its 95 % t-interval (band), day by day, at
 * the reference point (sweep.json `base`, else the first grid point). The statistics come from
 * summary.csv and are averaged into weekly or 30-day bins as in the run report (never finer than the
 * file's day stride, or every other bin would be a gap). Clicking a preset in the legend fades the
 * others; hovering shows the mean, the interval and n of the nearest day.
 */
import type { TopLevelSpec } from 'vega-lite';
import { binMeans, binningFor } from '../aggregate.js';
import { CHART_CONFIG, PALETTE, round6, type ChartSpec } from '../charts.js';
import { hoverLayer, pickOpacity, pickParam, tip, yoursDatasets, yoursLayer } from '../interaction.js';
import { FAN_DEFS, panelOf, type FanDef } from './metrics.js';
import type { FanRow, SweepData } from './read.js';

interface Row { panel: string; preset: string; day: number; mean: number | null; lo: number | null; hi: number | null; n: number | null }

/** [min, max] of many numbers (no spread: summary.csv can hold more rows than a call takes arguments). */
function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
  return [lo, hi];
}

/** The smallest gap between consecutive days: summary.csv's `aggregate.everyDays`. */
function strideOf(rows: readonly FanRow[]): number {
  const days = [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b);
  let stride = Infinity;
  for (let i = 1; i < days.length; i++) stride = Math.min(stride, (days[i] ?? 0) - (days[i - 1] ?? 0));
  return Number.isFinite(stride) ? stride : 1;
}

function seriesRows(rows: readonly FanRow[], panel: string, preset: string, binDays: number): Row[] {
  const sorted = rows.filter((r) => r.metric === panel && r.preset === preset).sort((a, b) => a.day - b.day);
  if (!sorted.some((r) => Number.isFinite(r.mean))) return [];
  const days = sorted.map((r) => r.day);
  const bin = (f: (r: FanRow) => number) => binMeans(days, sorted.map(f), binDays);
  const [mean, lo, hi, n] = [bin((r) => r.mean), bin((r) => r.lo), bin((r) => r.hi), bin((r) => r.n)];
  return mean.x.map((day, i) => ({
    panel, preset, day, mean: round6(mean.y[i] ?? null), lo: round6(lo.y[i] ?? null), hi: round6(hi.y[i] ?? null),
    n: n.y[i] == null ? null : Math.round(n.y[i] ?? 0),
  }));
}

function panelSpec(metric: string, color: object, xDomain: [number, number], pick: 'declare' | 'use' | 'none'): object {
  const p = panelOf(metric);
  const scale = { zero: p.zero ?? true };
  const x = { field: 'day', type: 'quantitative', title: 'day', scale: { domain: xDomain, nice: false } };
  const y = { field: 'mean', type: 'quantitative', title: p.yTitle, scale };
  const fade = (on: number, off: number): object => (pick === 'none' ? { value: on } : pickOpacity(on, off));
  return {
    title: { text: p.title, fontSize: 12, fontWeight: 'bold' },
    width: 300,
    height: 200,
    transform: [{ filter: { field: 'panel', equal: metric } }],
    layer: [
      // the legend selection is declared in the panel's first layer: vega-lite binds the legend only there
      { ...(pick === 'declare' ? { params: [pickParam('preset')] } : {}), mark: { type: 'area' },
        encoding: { x, y: { field: 'lo', type: 'quantitative', title: p.yTitle, scale }, y2: { field: 'hi' }, color, opacity: fade(0.22, 0.03) } },
      { mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y, color, opacity: fade(1, 0.15) } },
      hoverLayer(metric, x, y, color, [tip('preset', 'preset'), tip('day', 'day (bin start)', 'quantitative'), tip('mean', `mean (${p.yTitle})`, 'quantitative'),
        tip('lo', '95 % CI low', 'quantitative'), tip('hi', '95 % CI high', 'quantitative'), tip('n', 'replicates', 'quantitative')]),
      yoursLayer(metric, x, p.yTitle, scale),
    ],
  };
}

function fanChart(def: FanDef, data: SweepData, binDays: number, binLabel: string): ChartSpec | undefined {
  const presets = data.plan.presets;
  const rows: Row[] = [];
  const panels: string[] = [];
  for (const metric of def.metrics) {
    const own = presets.flatMap((preset) => seriesRows(data.fan, metric, preset, binDays));
    if (own.length > 0) { panels.push(metric); rows.push(...own); }
  }
  if (panels.length === 0) return undefined;
  const present = presets.map((p, i) => ({ p, i })).filter(({ p }) => rows.some((r) => r.preset === p));
  const color = { field: 'preset', type: 'nominal', title: 'preset', sort: present.map((x) => x.p),
    scale: { domain: present.map((x) => x.p), range: present.map((x) => PALETTE[x.i % PALETTE.length]) } };
  const xDomain = extent(rows.map((r) => r.day));
  const note = `${binLabel} means of the daily mean and 95 % interval across replicates, at point ${data.refPoint}.`;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: def.title, subtitle: note, fontSize: 16 },
    data: { values: rows },
    datasets: yoursDatasets(),
    columns: Math.min(3, panels.length),
    concat: panels.map((m, i) => panelSpec(m, color, xDomain, present.length < 2 ? 'none' : i === 0 ? 'declare' : 'use')),
    config: CHART_CONFIG,
  } as TopLevelSpec;
  const caption = `${def.look} Line: the mean across the replicates of each preset; band: its 95 % t-interval (summary.csv). ${note}`;
  return { id: def.id, title: def.title, caption, spec };
}

/** The fan charts of a sweep, in FAN_DEFS order, leaving out those with nothing to draw. */
export function fanCharts(data: SweepData): ChartSpec[] {
  if (data.fan.length === 0) return [];
  const [first, last] = extent(data.fan.map((r) => r.day));
  const binning = binningFor(last - first + 1);
  const binDays = Math.max(binning.days, strideOf(data.fan));
  const binLabel = binDays === 7 ? 'Weekly' : `${binDays}-day`;
  return FAN_DEFS.flatMap((def) => fanChart(def, data, binDays, binLabel) ?? []);
}
