/**
 * The "Sensitivity" section of a sweep report, when the sweep's points are a `sample:` design
 * (docs/sensitivity.md): for each metric with indices, a bar chart of S1 and ST per factor with their
 * bootstrap 95 % intervals as error bars (sobol), or a mu*-sigma scatter of the factors (Morris), a
 * panel per preset, then the metric against its most decisive factors, a dot per design point; and a
 * table of the factors that decide each metric. The numbers are the rows of sensitivity.csv and the
 * means per point, both computed by sim/analysis/sensitivity.ts (the one home of the indices): nothing
 * is estimated here.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, PALETTE, round6, type ChartSpec } from '../charts.js';
import { tip } from '../interaction.js';
import { heading, paragraph, table, type Block } from '../document.js';
import { formatStat } from '../stats.js';
import { rankKey, topFactors, TOP_FACTORS, type SensitivityRow } from '../../sensitivity/study.js';
import { chartId } from './params.js';

export interface SensitivitySection {
  method: 'sobol' | 'morris';
  params: readonly string[];
  rows: readonly SensitivityRow[];
  /** The design's points (sweep.json order) and, per `preset\tmetric`, the mean over seeds at each of
   * them (NaN where the point lacks a value or a run): sim/analysis/sensitivity.ts designMeans. A point
   * the indices leave out for its row's sake (another point of the row lacks one) is still drawn. */
  points?: readonly { id: string; params: Readonly<Record<string, unknown>> }[];
  means?: ReadonlyMap<string, readonly number[]>;
  /** The factors the design drew log-uniformly (sweep.json `sample.logUniform`): a log axis in the scatter. */
  logUniform?: readonly string[];
}

const byMetric = (rows: readonly SensitivityRow[]): Map<string, SensitivityRow[]> => {
  const out = new Map<string, SensitivityRow[]>();
  for (const r of rows) if (r.method !== 'sobol-s2') out.set(r.metric, [...(out.get(r.metric) ?? []), r]);
  return out;
};

const hasValue = (r: SensitivityRow): boolean => Number.isFinite(r.ST.value) || Number.isFinite(r.muStar.value);

function sobolChart(metric: string, rows: readonly SensitivityRow[], presets: string[]): ChartSpec {
  const values = rows.flatMap((r) => (['S1', 'ST'] as const).map((index) => ({
    preset: r.preset, param: r.param, index, value: round6(r[index].value), lo: round6(r[index].lo), hi: round6(r[index].hi),
  }))).filter((v) => v.value !== null);
  // The axis spans [0, 1] and the data, but never beyond [-0.5, 1.5]: a small N can give intervals of
  // +-1000 that would flatten every bar; what lies beyond is drawn at the edge (the tooltip has it).
  const ends = values.flatMap((v) => [v.value, v.lo, v.hi]).filter((x): x is number => x !== null);
  const domain = [Math.max(-0.5, Math.min(0, ...ends)), Math.min(1.5, Math.max(1, ...ends))];
  // Factors by ST of the first preset, largest on top.
  const order = rows.filter((r) => r.preset === presets[0]).sort((a, b) => (b.ST.value || 0) - (a.ST.value || 0)).map((r) => r.param);
  const enc = {
    y: { field: 'param', type: 'nominal', title: null, sort: order },
    yOffset: { field: 'index', type: 'nominal', sort: ['S1', 'ST'] },
    color: { field: 'index', type: 'nominal', title: 'index', scale: { domain: ['S1', 'ST'], range: [PALETTE[0], PALETTE[1]] } },
  };
  const tooltip = [tip('preset', 'preset'), tip('param', 'factor'), tip('index', 'index'), tip('value', 'estimate', 'quantitative'), tip('lo', '95 % low', 'quantitative'), tip('hi', '95 % high', 'quantitative')];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Sobol' indices of ${metric}`, subtitle: ['S1: the share of variance a factor explains alone; ST: with its interactions.', 'Bars: estimates; lines: bootstrap 95 % intervals.'], fontSize: 16 },
    data: { values },
    columns: Math.min(2, presets.length),
    concat: presets.map((preset) => ({
      title: { text: preset, fontSize: 12, fontWeight: 'bold' },
      width: 320,
      height: { step: 12 },
      transform: [{ filter: { field: 'preset', equal: preset } }],
      layer: [
        { mark: { type: 'bar', clip: true }, encoding: { ...enc, x: { field: 'value', type: 'quantitative', title: 'index (share of variance)', scale: { domain, clamp: true } }, tooltip } },
        { mark: { type: 'rule', color: '#333', clip: true }, encoding: { y: enc.y, yOffset: enc.yOffset, x: { field: 'lo', type: 'quantitative', scale: { domain, clamp: true } }, x2: { field: 'hi' }, tooltip } },
      ],
    })),
    config: CHART_CONFIG,
  } as TopLevelSpec;
  return { id: chartId('sensitivity', metric), title: `Sobol' indices of ${metric}`, caption: `First-order (S1) and total-order (ST) Sobol' indices of ${metric} (the mean over seeds at each design point) for each factor, with bootstrap 95 % intervals (the axis stops at -0.5 and 1.5; the tooltip gives values beyond); a factor whose ST is near 0 does not matter over its range, and ST well above S1 means it acts through interactions.`, spec };
}

function morrisChart(metric: string, rows: readonly SensitivityRow[], presets: string[]): ChartSpec {
  const values = rows.filter((r) => Number.isFinite(r.muStar.value)).map((r) => ({ preset: r.preset, param: r.param, muStar: round6(r.muStar.value), sigma: round6(r.sigma), lo: round6(r.muStar.lo), hi: round6(r.muStar.hi) }));
  const enc = { x: { field: 'muStar', type: 'quantitative', title: 'mu* (mean |elementary effect|)' }, y: { field: 'sigma', type: 'quantitative', title: 'sigma (sd of the effects)' } };
  const tooltip = [tip('preset', 'preset'), tip('param', 'factor'), tip('muStar', 'mu*', 'quantitative'), tip('lo', 'mu* 95 % low', 'quantitative'), tip('hi', 'mu* 95 % high', 'quantitative'), tip('sigma', 'sigma', 'quantitative')];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Morris screening of ${metric}`, subtitle: 'Right: a factor that matters; up: one that acts non-linearly or through interactions.', fontSize: 16 },
    data: { values },
    columns: Math.min(2, presets.length),
    concat: presets.map((preset) => ({
      title: { text: preset, fontSize: 12, fontWeight: 'bold' },
      width: 320,
      height: 240,
      transform: [{ filter: { field: 'preset', equal: preset } }],
      layer: [
        { mark: { type: 'rule', color: '#999' }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y: enc.y, tooltip } },
        { mark: { type: 'point', filled: true, size: 60, color: PALETTE[0] }, encoding: { ...enc, tooltip } },
        { mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 }, encoding: { ...enc, text: { field: 'param' } } },
      ],
    })),
    config: CHART_CONFIG,
  } as TopLevelSpec;
  return { id: chartId('morris', metric), title: `Morris screening of ${metric}`, caption: `Each factor's mu* (the mean absolute elementary effect of moving it by Delta on its unit interval, Campolongo et al. 2007) against sigma (their standard deviation, Morris 1991) for ${metric}; the lines are mu*'s bootstrap 95 % intervals.`, spec };
}

function topTable(section: SensitivitySection): Block {
  const rows: string[][] = [];
  for (const [metric, group] of byMetric(section.rows)) for (const preset of new Set(group.map((r) => r.preset))) {
    const mine = group.filter((r) => r.preset === preset);
    const top = topFactors(mine);
    const first = mine[0]!;
    rows.push([
      metric, preset,
      top.length === 0 ? 'no indices (no variance, or no values)' : top.map((r) => `${r.param} ${formatStat(rankKey(r))}${section.method === 'sobol' ? ` (S1 ${formatStat(r.S1.value)})` : ''}`).join('; '),
      Number.isFinite(first.seedNoiseShare) ? first.seedNoiseShare.toFixed(2) : '—',
      String(first.nPoints),
    ]);
  }
  const what = section.method === 'sobol' ? 'ST (S1)' : 'mu*';
  return table(['metric', 'preset', `decided by: the top ${TOP_FACTORS} factors by ${what}`, 'seed noise share', 'points'], rows, 3);
}

/**
 * The scatter of a metric against its most decisive factors: each design point's mean over seeds (what
 * the indices are computed on) against the factor's value there, a panel per factor, a colour per
 * preset. The first look of a global sensitivity analysis (Saltelli et al., Global Sensitivity
 * Analysis: The Primer, 2008, section 1.2.3): a factor that matters shows a shape, one that does not a
 * flat cloud; the spread at fixed x is the other factors and the seeds.
 */
function scatterChart(metric: string, rows: readonly SensitivityRow[], presets: string[], section: SensitivitySection): ChartSpec | undefined {
  const points = section.points;
  const means = section.means;
  if (points === undefined || means === undefined) return undefined;
  // Ranked for the first preset that has indices of the metric (an S1-only statistic has none for S2, S3).
  const ranked = presets.map((p) => topFactors(rows.filter((r) => r.preset === p))).find((r) => r.length > 0);
  if (ranked === undefined) return undefined;
  const by = ranked[0]!.preset;
  const factors = ranked.map((r) => r.param);
  const values = presets.flatMap((preset) => {
    const y = means.get(`${preset}\t${metric}`);
    if (y === undefined) return [];
    // A dot per distinct (x, y): the AB_j of a row share A's value of every other factor, and a factor
    // that moves nothing leaves the mean where it was, so many points coincide (the first one is named).
    const seen = new Set<string>();
    return factors.flatMap((factor) => points.flatMap((p, i) => {
      const x = p.params[factor];
      const v = y[i];
      if (x === undefined || v === undefined || !Number.isFinite(v)) return [];
      const dot = { preset, point: p.id, factor, x: typeof x === 'number' ? round6(x) : String(x), y: round6(v) };
      const key = `${factor}\t${dot.x}\t${dot.y}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [dot];
    }));
  });
  if (values.length === 0) return undefined;
  const multi = presets.length >= 2;
  const color = multi
    ? { field: 'preset', type: 'nominal', title: 'preset', sort: presets, scale: { domain: presets, range: presets.map((_, i) => PALETTE[i % PALETTE.length]) } }
    : { value: PALETTE[0] };
  const tooltip = [tip('preset', 'preset'), tip('point', 'point'), tip('x', 'factor value'), tip('y', `${metric}, mean over seeds`, 'quantitative')];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${metric} against its top factors`, subtitle: `Each dot: a design point's mean over seeds; factors ranked by ${section.method === 'sobol' ? 'ST' : 'mu*'} for ${by}.`, fontSize: 16 },
    data: { values },
    columns: factors.length,
    concat: factors.map((factor) => {
      // A factor of values ({values: [...]}: a rule, a flag) is a category; a range is a number, on a log axis when drawn log-uniformly.
      const numeric = values.every((v) => v.factor !== factor || typeof v.x === 'number');
      const log = numeric && (section.logUniform ?? []).includes(factor);
      const x = numeric
        ? { field: 'x', type: 'quantitative', title: log ? `${factor} (log axis)` : factor, scale: { type: log ? 'log' : 'linear', zero: false, nice: false } }
        : { field: 'x', type: 'nominal', title: factor, sort: 'ascending' };
      return {
        title: { text: factor, fontSize: 12, fontWeight: 'bold' },
        width: 220,
        height: 180,
        transform: [{ filter: { field: 'factor', equal: factor } }],
        // aria off: a label per dot (hundreds of them) would double the SVG and tell a screen reader nothing the caption does not.
        mark: { type: 'point', filled: true, size: 16, opacity: 0.55, aria: false },
        encoding: { x, y: { field: 'y', type: 'quantitative', title: metric, scale: { zero: false } }, color, tooltip },
      };
    }),
    config: CHART_CONFIG,
  } as TopLevelSpec;
  return { id: chartId('scatter', metric), title: `${metric} against its top factors`, caption: `${metric} at each design point (the mean over its seeds, the number the indices are computed on) against the value of each of its ${factors.length} most decisive factors (by ${section.method === 'sobol' ? 'ST' : 'mu*'}, for ${by}). A factor that decides the metric shows a trend or a shape; the spread at a given value is the other factors and the seeds (Saltelli et al. 2008, the Primer, 1.2.3).`, spec };
}

/** The section's blocks; none when no metric has indices. */
export function sensitivityBlocks(section: SensitivitySection): Block[] {
  const groups = [...byMetric(section.rows)].filter(([, g]) => g.some(hasValue));
  const charts = groups.flatMap(([metric, group]) => {
    const presets = [...new Set(group.map((r) => r.preset))];
    const scatter = scatterChart(metric, group, presets, section);
    return [section.method === 'sobol' ? sobolChart(metric, group, presets) : morrisChart(metric, group, presets), ...(scatter === undefined ? [] : [scatter])];
  });
  return [
    heading('Sensitivity'),
    paragraph(section.method === 'sobol'
      ? `Which of the ${section.params.length} factors of the sample design (${section.params.join(', ')}) decide each metric: Sobol' indices of the mean over seeds at each point (Saltelli et al. 2010 for S1, Jansen 1999 for ST), from sensitivity.csv (docs/sensitivity.md); the answer above ranks them. Seed noise share: the mean variance across seeds within a point over the variance of all runs.`
      : `Which of the ${section.params.length} factors of the Morris design (${section.params.join(', ')}) matter for each metric: mu* and sigma of the elementary effects of the mean over seeds, from sensitivity.csv (docs/sensitivity.md); the answer above ranks them.`),
    ...charts.map((chart): Block => ({ kind: 'chart', chart })),
  ];
}

/**
 * The answer of a sampled sweep: the factors that decide each metric. The claims protocol needs the
 * defaults as a base point and its directions around it, which a sample design does not have, so a
 * sampled sweep's report judges no claim.
 */
export function sensitivityAnswer(section: SensitivitySection): Block[] {
  return [
    paragraph(`A ${section.method === 'sobol' ? "Sobol'" : 'Morris'} sample design: its answer is which factors decide each metric (the claims are judged on the claims protocol's sweeps, with the defaults as a base point, not on a sample design).`),
    topTable(section),
  ];
}
