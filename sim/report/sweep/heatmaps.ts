/**
 * Heatmaps of a two-parameter grid: when the grid sweeps exactly two keys, one chart per
 * HEATMAP_METRICS entry, a panel per preset, the first key on x and the second on y (values in grid
 * order), each cell coloured by the end-of-run mean across replicates (runs.csv window means) and
 * labelled with it. One colour scale spans every preset, so a colour means the same number in each
 * panel. Hovering a cell shows its point, mean, 95 % interval and n.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, round6, type ChartSpec } from '../charts.js';
import { tip } from '../interaction.js';
import { SweepCells } from './cells.js';
import { endMetric, HEATMAP_METRICS } from './metrics.js';
import { chartId } from './params.js';
import { gridKeys, type SweepValue } from './plan.js';
import type { SweepData } from './read.js';

interface Row { preset: string; point: string; x: SweepValue; y: SweepValue; mean: number; lo: number | null; hi: number | null; n: number }

function heatmap(data: SweepData, cells: SweepCells, metric: string, kx: string, ky: string): ChartSpec | undefined {
  const grid = data.plan.points.filter((p) => p.kind === 'grid');
  const rows: Row[] = [];
  for (const preset of data.plan.presets) for (const p of grid) {
    const x = p.params[kx];
    const y = p.params[ky];
    const s = cells.stat(preset, p.id, metric);
    if (x === undefined || y === undefined || s.n === 0) continue;
    rows.push({ preset, point: p.id, x, y, mean: round6(s.mean) ?? 0, lo: round6(s.lo), hi: round6(s.hi), n: s.n });
  }
  if (rows.length === 0) return undefined;
  const xs = [...new Set(grid.map((p) => p.params[kx]))];
  const ys = [...new Set(grid.map((p) => p.params[ky]))];
  const means = rows.map((r) => r.mean);
  const mid = (Math.min(...means) + Math.max(...means)) / 2;
  const m = endMetric(metric);
  const enc = {
    x: { field: 'x', type: 'ordinal', title: kx, sort: xs, axis: { labelAngle: 0 } },
    y: { field: 'y', type: 'ordinal', title: ky, sort: [...ys].reverse() },
  };
  const tooltip = [tip('preset', 'preset'), tip('point', 'point'), tip('x', kx), tip('y', ky), tip('mean', `mean (${m.unit})`, 'quantitative'),
    tip('lo', '95 % CI low', 'quantitative'), tip('hi', '95 % CI high', 'quantitative'), tip('n', 'replicates', 'quantitative')];
  const presets = data.plan.presets.filter((p) => rows.some((r) => r.preset === p));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${m.label} by ${kx} and ${ky}`, subtitle: 'End-of-run mean across replicates in each grid cell; one colour scale for every preset.', fontSize: 16 },
    data: { values: rows },
    columns: Math.min(3, presets.length),
    concat: presets.map((preset) => ({
      title: { text: preset, fontSize: 12, fontWeight: 'bold' },
      width: Math.max(120, 48 * xs.length),
      // tall enough for the rotated y title (vega: 0.8 em a character at 11 px), or it lifts the panel title
      height: Math.max(28 * ys.length, Math.ceil(ky.length * 0.8 * 11) + 10),
      transform: [{ filter: { field: 'preset', equal: preset } }],
      layer: [
        { mark: { type: 'rect' }, encoding: { ...enc, color: { field: 'mean', type: 'quantitative', title: m.unit, scale: { scheme: 'viridis' } }, tooltip } },
        { mark: { type: 'text', fontSize: 10 }, encoding: { ...enc, text: { field: 'mean', type: 'quantitative', format: '.3~g' },
          color: { condition: { test: `datum.mean >= ${mid}`, value: 'black' }, value: 'white' }, tooltip } },
      ],
    })),
    resolve: { scale: { color: 'shared' } },
    config: CHART_CONFIG,
  } as TopLevelSpec;
  const caption = `Each cell: the mean over the replicates of each run's ${m.label} (its mean over its last 365 days, runs.csv) at that grid point, in ${m.unit}; the same colour is the same value in every panel.`;
  return { id: chartId('heatmap', metric), title: `${m.label} by ${kx} and ${ky}`, caption, spec };
}

/** The heatmaps of a sweep whose grid has exactly two keys; none otherwise. */
export function heatmapCharts(data: SweepData, cells = new SweepCells(data.runs)): ChartSpec[] {
  const keys = gridKeys(data.plan);
  if (keys.length !== 2) return [];
  const [kx, ky] = keys as [string, string];
  return HEATMAP_METRICS.flatMap((metric) => heatmap(data, cells, metric, kx, ky) ?? []);
}
