/**
 * Small multiples per swept parameter: for each key of `sweptKeys`, one chart with a panel per key
 * metric (END_METRICS), the key's value on x and, per preset, the end-of-run mean across replicates
 * (runs.csv window means) with its 95 % interval as an error bar.
 *
 * Only the key varies along x: the points drawn are those whose every other swept key equals the
 * reference point's (its "slice"), so a two-key grid gives one line per key, not a scribble. A point
 * that leaves the key at its default is placed at the default value, read from the resolved scenario in
 * one of its runs' manifest.json ("default" if no manifest has it). A key with fewer than two values in
 * the slice gets no chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, PALETTE, round6, type ChartSpec } from '../charts.js';
import { hoverLayer, pickOpacity, pickParam, tip } from '../interaction.js';
import { valueAt } from '../../scenario/fields.js';
import { SweepCells } from './cells.js';
import { END_METRICS } from './metrics.js';
import type { SweepPlan, SweepPoint, SweepValue } from './plan.js';
import type { SweepData } from './read.js';

type X = SweepValue | 'default';
interface Row { panel: string; preset: string; point: string; x: X; mean: number | null; lo: number | null; hi: number | null; n: number }

/** A file- and id-safe form of a chart name: `param-bank.k`. */
export const chartId = (prefix: string, key: string): string => `${prefix}-${key.replace(/[^A-Za-z0-9._-]+/g, '_')}`;

/** The points that differ from `ref` in `key` alone (ref included), in plan order. */
export function sliceOf(plan: SweepPlan, ref: SweepPoint, key: string): SweepPoint[] {
  return plan.points.filter((p) => plan.sweptKeys.every((k) => k === key || p.params[k] === ref.params[k]));
}

/** Where a preset's runs at `point` sit on the key's axis. */
function xOf(data: SweepData, preset: string, point: SweepPoint, key: string): X {
  const set = point.params[key];
  if (set !== undefined) return set;
  for (const r of data.plan.runs) {
    if (r.preset !== preset || r.point !== point.id) continue;
    const m = data.runManifests.get(r.run);
    const v = m === undefined ? undefined : valueAt(m.scenario, key);
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  }
  return 'default';
}

function paramChart(data: SweepData, cells: SweepCells, key: string, ref: SweepPoint): ChartSpec | undefined {
  const slice = sliceOf(data.plan, ref, key);
  const rows: Row[] = [];
  for (const preset of data.plan.presets) for (const point of slice) {
    const x = xOf(data, preset, point, key);
    for (const m of END_METRICS) {
      const s = cells.stat(preset, point.id, m.metric);
      if (s.n > 0) rows.push({ panel: m.metric, preset, point: point.id, x, mean: round6(s.mean), lo: round6(s.lo), hi: round6(s.hi), n: s.n });
    }
  }
  const xs = [...new Set(rows.map((r) => r.x))];
  if (xs.length < 2) return undefined;
  const numeric = xs.every((v) => typeof v === 'number');
  if (numeric) (xs as number[]).sort((a, b) => a - b);
  const x = numeric
    ? { field: 'x', type: 'quantitative', title: key, scale: { zero: false, nice: false, padding: 12 } }
    : { field: 'x', type: 'ordinal', title: key, sort: xs };
  const present = data.plan.presets.map((p, i) => ({ p, i })).filter(({ p }) => rows.some((r) => r.preset === p));
  const multi = present.length >= 2;
  const color = { field: 'preset', type: 'nominal', title: 'preset', sort: present.map((v) => v.p),
    scale: { domain: present.map((v) => v.p), range: present.map((v) => PALETTE[v.i % PALETTE.length]) } };
  const panels = END_METRICS.filter((m) => rows.some((r) => r.panel === m.metric));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Sweeping ${key}`, subtitle: `End-of-run means across replicates with 95 % intervals; every other swept key as at point ${ref.id}.`, fontSize: 16 },
    data: { values: rows },
    columns: Math.min(4, panels.length),
    concat: panels.map((m, i) => {
      const y = { field: 'mean', type: 'quantitative', title: m.unit, scale: { zero: false } };
      const opacity = multi ? pickOpacity(1, 0.15) : { value: 1 };
      return {
        title: { text: m.label, fontSize: 12, fontWeight: 'bold' },
        width: 200,
        height: 180, // fits a 20-character y title (0.8 em a character) without shifting the panel title
        transform: [{ filter: { field: 'panel', equal: m.metric } }],
        layer: [
          // the legend selection is declared in the first layer: vega-lite binds the legend only there
          { ...(multi && i === 0 ? { params: [pickParam('preset')] } : {}), mark: { type: 'rule' },
            encoding: { x, y: { field: 'lo', type: 'quantitative', title: m.unit }, y2: { field: 'hi' }, color, opacity } },
          { mark: { type: 'line', point: { filled: true, size: 30 } }, encoding: { x, y, color, opacity } },
          hoverLayer(m.metric, x, y, color, [tip('preset', 'preset'), tip('x', key, numeric ? 'quantitative' : 'nominal'), tip('point', 'point'),
            tip('mean', `mean (${m.unit})`, 'quantitative'), tip('lo', '95 % CI low', 'quantitative'), tip('hi', '95 % CI high', 'quantitative'), tip('n', 'replicates', 'quantitative')]),
        ],
      };
    }),
    config: CHART_CONFIG,
  } as TopLevelSpec;
  const caption = `How the end-of-run statistics move with ${key} (runs.csv: each run's mean over its last 365 days; points: the mean across replicates; bars: the 95 % t-interval). Other swept keys are held as at point ${ref.id}.`;
  return { id: chartId('param', key), title: `Sweeping ${key}`, caption, spec };
}

/**
 * One small-multiples chart per swept key with at least two values in its slice, in `sweptKeys` order.
 * None for a sample design: its points move every factor at once, so a slice is one point and its one
 * neighbour (A and AB_i, or a Morris step); the Sensitivity section's scatter plots show it instead.
 */
export function paramCharts(data: SweepData, cells = new SweepCells(data.runs)): ChartSpec[] {
  if (data.plan.sample !== undefined) return [];
  const ref = data.plan.points.find((p) => p.id === data.refPoint);
  if (ref === undefined) return [];
  return data.plan.sweptKeys.flatMap((key) => paramChart(data, cells, key, ref) ?? []);
}
