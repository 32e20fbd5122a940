/**
 * compare(sweepDir, { baseline, metrics }) -> compare.csv: paired differences `other - baseline` of the
 * runs' window means across replicates (docs/sweeps.md), with the 95 % t interval and the shares of
 * seeds with each sign.
 *
 * Two modes, chosen by what the baseline names:
 * - presets: in a sweep of several presets, `baseline` is a preset (default `gift` if listed, else the
 *   first); each other preset is compared with it at every point, both at that point.
 * - points: in a single-preset sweep, `baseline` is a point id (default `base` if listed, else the
 *   first); each other point is compared with it. `other` and `point` then both hold the other point.
 * Metrics are metrics.csv columns (window means) or claim statistics (`stat_...`). A row with no pair
 * of finite values is kept with n = 0 and empty cells, so every requested row is there.
 */
import { COMPARE_CSV } from '../io/outputPath.js';
import { join } from 'node:path';
import { csvText, num6 } from '../io/csv.js';
import { writeFileAtomically } from '../io/atomicFile.js';
import { AnalysisError, didYouMean, listChoices } from './errors.js';

import { pairedDifferences, summarise, type DifferenceSummary } from './paired.js';
import { STATISTIC_NAMES } from './statistics.js';
import { loadSweep, valuesAt, type SweepData } from './sweepData.js';

export const DEFAULT_COMPARE_METRICS: readonly string[] = [
  'goods_total', 'copies_per_capita', 'cost_index', 'funded_share', 'rho_median', 'pi_mean', 'dropout_share',
  'price_level', 'price_hours_per_good', 'gini_income', 'gini_wealth', 'money_ch', 'money_mh', 'money_cur',
];


export const COMPARE_HEADER = ['baseline', 'other', 'point', 'metric', 'n', 'mean_diff', 'sd_diff', 'ci95_lo', 'ci95_hi', 'share_positive', 'share_negative'] as const;

export interface CompareOptions {
  /** A preset (sweeps of several presets) or a point id (single-preset sweeps). */
  baseline?: string | undefined;
  /** Metric columns or claim statistics; default DEFAULT_COMPARE_METRICS. */
  metrics?: readonly string[] | undefined;
}

export interface CompareRow extends DifferenceSummary {
  baseline: string;
  other: string;
  point: string;
  metric: string;
}

export interface Comparison {
  mode: 'presets' | 'points';
  baseline: string;
  metrics: string[];
  rows: CompareRow[];
  /** Runs that fail a viability criterion of MODEL.md section 13 (compare reports them, claims act on them). */
  nonViable: { run: string; failed: string[] }[];
}

/** Which baseline and mode the options name; AnalysisError with a did-you-mean when it names nothing. */
export function resolveBaseline(data: SweepData, baseline: string | undefined): { mode: 'presets' | 'points'; baseline: string } {
  const { presets, points } = data.plan;
  const pointIds = points.map((p) => p.id);
  if (presets.length > 1) {
    const chosen = baseline ?? (presets.includes('gift') ? 'gift' : presets[0]!);
    if (presets.includes(chosen)) return { mode: 'presets', baseline: chosen };
    const hint = pointIds.includes(chosen) ? ' (a point id: in a sweep of several presets the baseline is a preset)' : didYouMean(chosen, presets);
    throw new AnalysisError(`--baseline: "${chosen}" is not a preset of this sweep${hint}; expected one of: ${presets.join(', ')}`);
  }
  const chosen = baseline ?? (pointIds.includes('base') ? 'base' : pointIds[0]!);
  if (pointIds.includes(chosen)) return { mode: 'points', baseline: chosen };
  const hint = presets.includes(chosen) ? ` (the only preset: in a single-preset sweep the baseline is a point)` : didYouMean(chosen, pointIds);
  throw new AnalysisError(`--baseline: "${chosen}" is not a point of this sweep${hint}; expected one of: ${listChoices(pointIds)}`);
}

/** The metric names, checked against the runs' columns and the claim statistics. */
export function resolveMetrics(data: SweepData, metrics: readonly string[] | undefined): string[] {
  const chosen = [...(metrics ?? DEFAULT_COMPARE_METRICS)];
  if (chosen.length === 0) throw new AnalysisError('--metrics: name at least one metric');
  const known = [...Object.keys(data.digests[0]?.windowMeans ?? {}), ...STATISTIC_NAMES];
  const unknown = chosen.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    const lines = unknown.map((m) => `--metrics: "${m}" is not a metrics.csv column or claim statistic${didYouMean(m, known)}`);
    throw new AnalysisError(lines.join('\n'));
  }
  return chosen;
}

/** The comparison of a loaded sweep (pure once loaded). */
export function compareSweep(data: SweepData, opts: CompareOptions = {}): Comparison {
  const { mode, baseline } = resolveBaseline(data, opts.baseline);
  const metrics = resolveMetrics(data, opts.metrics);
  const rows: CompareRow[] = [];
  const { presets, points } = data.plan;
  if (mode === 'presets') {
    for (const other of presets.filter((p) => p !== baseline)) {
      for (const { id } of points) {
        for (const metric of metrics) {
          const s = summarise(pairedDifferences(valuesAt(data, baseline, id, metric), valuesAt(data, other, id, metric)));
          rows.push({ baseline, other, point: id, metric, ...s });
        }
      }
    }
  } else {
    const preset = presets[0]!;
    for (const { id } of points.filter((p) => p.id !== baseline)) {
      for (const metric of metrics) {
        const s = summarise(pairedDifferences(valuesAt(data, preset, baseline, metric), valuesAt(data, preset, id, metric)));
        rows.push({ baseline, other: id, point: id, metric, ...s });
      }
    }
  }
  const nonViable = data.digests.filter((d) => d.viabilityFailed.length > 0).map((d) => ({ run: d.run.run, failed: d.viabilityFailed }));
  return { mode, baseline, metrics, rows, nonViable };
}

/** compare.csv's text: the header, then one line per row. */
export function compareCsv(rows: readonly CompareRow[]): string {
  const lines = [COMPARE_HEADER.join(',')];
  for (const r of rows) {
    lines.push([...[r.baseline, r.other, r.point, r.metric].map(csvText), String(r.n), ...[r.mean, r.sd, r.lo, r.hi, r.sharePositive, r.shareNegative].map(num6)].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Load the sweep folder, compare, and write `<sweepDir>/compare.csv` atomically. */
export async function compare(sweepDir: string, opts: CompareOptions = {}): Promise<Comparison & { file: string }> {
  const comparison = compareSweep(await loadSweep(sweepDir), opts);
  const file = join(sweepDir, COMPARE_CSV);
  writeFileAtomically(file, compareCsv(comparison.rows));
  return { ...comparison, file };
}
