/**
 * The report of a sweep, as a document read top-down: a table of contents; the answer (the runs counted
 * and each claim's verdict with its one-line reason, or for a sampled sweep the factors that decide
 * each metric); the "try it" panel; the charts (fans over time, small multiples per swept key, heatmaps
 * of a two-key grid, the Sobol' or Morris indices of a sampled sweep); then the detail: the claims'
 * tests and the numbers behind each verdict (not for a sampled sweep), viability per cell, the
 * end-of-run statistics at the reference point, the files and the provenance. Every number is read
 * from the folder; nothing here judges a claim.
 */
import { claimsAnswer, claimsBlocks, type ClaimsResult } from '../claims.js';
import { heading, keyValues, list, paragraph, table, toc, type Block, type ReportDoc } from '../document.js';
import { formatStat } from '../stats.js';
import { SweepCells } from './cells.js';
import { fanCharts } from './fans.js';
import { heatmapCharts } from './heatmaps.js';
import { END_METRICS } from './metrics.js';
import { paramCharts } from './params.js';
import { sweepProvenance } from './provenance.js';
import { sensitivityAnswer, sensitivityBlocks } from './sensitivity.js';
import type { SweepData } from './read.js';
import type { TryitStart } from '../tryit/data.js';

const charts = (list: ReturnType<typeof fanCharts>): Block[] => list.map((chart): Block => ({ kind: 'chart', chart }));

function summary(data: SweepData, cells: SweepCells): string[] {
  const { plan } = data;
  const viable = data.runs.filter((r) => r.viable === true).length;
  const lines = [
    `${plan.presets.length} preset${plan.presets.length === 1 ? '' : 's'} x ${plan.points.length} point${plan.points.length === 1 ? '' : 's'} x ${plan.replicates} replicates = ${plan.runs.length} runs; ${data.runs.length} in runs.csv, ${viable} viable (MODEL.md section 13).`,
  ];
  if (plan.presets.length > 1) {
    const goods = plan.presets.map((p) => `${p} ${formatStat(cells.stat(p, data.refPoint, 'goods_total').mean)}`).join(', ');
    lines.push(`Goods released, cumulative (each run's mean over its last year), averaged across replicates at point ${data.refPoint}: ${goods}.`);
  }
  return lines;
}

function viabilityBlocks(data: SweepData, cells: SweepCells): Block[] {
  const rows: string[][] = [];
  for (const point of data.plan.points) for (const preset of data.plan.presets) {
    const v = cells.viability(preset, point.id);
    if (v.runs === 0) continue;
    const failed = [...v.failed].map(([name, n]) => `${name} (${n})`).join(', ');
    rows.push([point.id, preset, `${v.viable} / ${v.runs}`, failed === '' ? '—' : failed]);
  }
  return [
    heading('Viability'),
    paragraph('Runs meeting every criterion of MODEL.md section 13, per point and preset, and the criteria that failed (how many runs).'),
    table(['point', 'preset', 'viable runs', 'failed criteria'], rows, 2),
  ];
}

function statsBlocks(data: SweepData, cells: SweepCells): Block[] {
  const presets = data.plan.presets;
  const cell = (preset: string, metric: string): string => {
    const s = cells.stat(preset, data.refPoint, metric);
    if (s.n === 0) return '—';
    return s.n < 2 ? formatStat(s.mean) : `${formatStat(s.mean)} [${formatStat(s.lo)}, ${formatStat(s.hi)}]`;
  };
  const rows = END_METRICS.filter((m) => data.runMetrics.includes(m.metric)).map((m) => [m.label, m.unit, ...presets.map((p) => cell(p, m.metric))]);
  return [
    heading('End-of-run statistics'),
    paragraph(`At point ${data.refPoint}: the mean across replicates of each run's window mean (its last 365 days, W of MODEL.md section 9, runs.csv), with the 95 % t-interval; "—" where undefined.`),
    table(['metric', 'unit', ...presets], rows, 2),
  ];
}

/** The "try it" panel starts from the first run of each preset at the reference point (its manifest's scenario). */
function tryitStart(data: SweepData): TryitStart {
  const scenarios = data.plan.presets.flatMap((preset) => {
    const run = data.plan.runs.find((r) => r.preset === preset && r.point === data.refPoint && data.runManifests.has(r.run));
    const manifest = run === undefined ? undefined : data.runManifests.get(run.run);
    return run === undefined || manifest === undefined ? [] : [{ label: `${preset} at ${run.point}, seed ${run.seed}`, scenario: manifest.scenario }];
  });
  return { scenarios };
}

export function sweepDoc(data: SweepData, claims?: ClaimsResult): ReportDoc {
  const cells = new SweepCells(data.runs);
  const { plan } = data;
  const fans = fanCharts(data);
  const params = paramCharts(data, cells);
  const heatmaps = heatmapCharts(data, cells);
  const blocks: Block[] = [
    toc(),
    heading('Answer'),
    ...(data.sensitivity === undefined ? claimsAnswer(claims) : sensitivityAnswer(data.sensitivity)),
    list(summary(data, cells)),
    heading('Try it'),
    { kind: 'tryit' },
  ];
  if (fans.length > 0) blocks.push(heading('Over time, across replicates'), ...charts(fans));
  if (params.length > 0) blocks.push(heading('Per swept parameter'), ...charts(params));
  if (heatmaps.length > 0) blocks.push(heading('Two-parameter grid'), ...charts(heatmaps));
  if (data.sensitivity !== undefined) blocks.push(...sensitivityBlocks(data.sensitivity));
  blocks.push(...(data.sensitivity === undefined ? claimsBlocks(claims) : []), ...viabilityBlocks(data, cells), ...statsBlocks(data, cells));
  const files = ['sweep.json', 'runs.csv', 'summary.csv', ...data.extraFiles, ...(data.manifest === undefined ? [] : ['manifest.json'])];
  blocks.push(heading('Files'), { kind: 'links', links: files.map((f) => ({ label: f, href: f })) });
  blocks.push(heading('Provenance'), keyValues(sweepProvenance(data)));
  return {
    title: `Sweep: ${plan.name}`,
    subtitle: `${plan.presets.join(', ')}; ${plan.replicates} replicates from base seed ${plan.baseSeed}; swept: ${plan.sweptKeys.length > 0 ? plan.sweptKeys.join(', ') : 'nothing'}`,
    blocks,
    tryit: tryitStart(data),
  };
}
