/**
 * `abundance compare <sweepdir> [--baseline <preset | point>] [--metrics a,b]`: paired differences
 * across seeds (sim/analysis/compare.ts), written to <sweepdir>/compare.csv atomically and printed as a
 * table. A folder that is not a complete sweep, an unknown baseline or metric: AnalysisError, exit 2,
 * nothing written.
 */
import { compare, type CompareRow } from '../analysis/compare.js';
import { formatStat } from '../report/stats.js';

export interface CompareArgs {
  sweepdir: string;
  baseline?: string | undefined;
  metrics?: string | undefined;
}

export async function compareCommand(args: CompareArgs): Promise<number> {
  const metrics = args.metrics?.split(',').map((m) => m.trim()).filter((m) => m !== '');
  const result = await compare(args.sweepdir, { baseline: args.baseline, metrics });
  const shown = result.rows.filter((r) => r.n > 0);
  const what = result.mode === 'presets' ? 'other preset' : 'other point';
  const lines = [
    `Paired differences (${what} - ${result.baseline}) of each run's mean over its last 365 days (W),`,
    'by replicate (same seed); 95 % t interval over seeds; "+ / -": share of seeds where the difference is positive / negative.',
    '',
    ...table(shown, result.mode),
  ];
  if (shown.length < result.rows.length) lines.push('', `${result.rows.length - shown.length} rows without a pair of values (e.g. money in gift) are left out here; compare.csv has them with n = 0.`);
  if (result.nonViable.length > 0) {
    const n = result.nonViable.length;
    lines.push('', `Note: ${n} ${n === 1 ? 'run fails' : 'runs fail'} a viability criterion of MODEL.md section 13 (claims are not judged on them): ${result.nonViable.slice(0, 3).map((r) => `${r.run} (${r.failed.join(', ')})`).join('; ')}${result.nonViable.length > 3 ? '; ...' : ''}`);
  }
  lines.push('', `compare.csv: ${result.file} (${result.rows.length} rows)`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** Aligned text columns. */
function table(rows: readonly CompareRow[], mode: 'presets' | 'points'): string[] {
  const head = mode === 'presets' ? ['other', 'point', 'metric', 'n', 'mean diff', '95 % CI', '+ / -'] : ['point', 'metric', 'n', 'mean diff', '95 % CI', '+ / -'];
  const cells = rows.map((r) => [
    ...(mode === 'presets' ? [r.other, r.point] : [r.point]),
    r.metric,
    String(r.n),
    formatStat(r.mean),
    r.n >= 2 ? `[${formatStat(r.lo)}, ${formatStat(r.hi)}]` : '—',
    `${r.sharePositive.toFixed(2)} / ${r.shareNegative.toFixed(2)}`,
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...cells.map((c) => (c[j] ?? '').length)));
  const line = (c: string[]): string => c.map((x, j) => x.padEnd(widths[j] ?? 0)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}
