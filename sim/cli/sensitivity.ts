/**
 * `abundance sensitivity <sweepdir> [--metrics a,b] [--second-order] [--bootstrap N] [--out F]`: the
 * global sensitivity of a sampled sweep (sim/analysis/sensitivity.ts), written to sensitivity.csv and
 * printed as a table: per preset and metric, the factors by total-order index (or mu*), largest first,
 * and the seed-noise share. A folder without a sample design, an unknown metric, a file at --out that is
 * not a sensitivity.csv: AnalysisError, exit 2, nothing written.
 */
import { sensitivity } from '../analysis/sensitivity.js';
import { formatStat } from '../report/stats.js';
import { rankFactors, TOP_FACTORS, type SensitivityRow } from '../sensitivity/study.js';

export interface SensitivityArgs {
  sweepdir: string;
  metrics?: string | undefined;
  secondOrder?: boolean | undefined;
  bootstrap?: number | undefined;
  out?: string | undefined;
}

export async function sensitivityCommand(args: SensitivityArgs): Promise<number> {
  const metrics = args.metrics?.split(',').map((m) => m.trim()).filter((m) => m !== '');
  const result = sensitivity(args.sweepdir, { metrics, secondOrder: args.secondOrder, bootstrap: args.bootstrap, out: args.out });
  const lines = [
    result.method === 'sobol'
      ? `Sobol' indices of the mean over seeds (S1 first order, ST total${args.bootstrap === 0 ? '; no intervals: --bootstrap 0' : '; 95 % bootstrap intervals'}), top ${TOP_FACTORS} factors by ST:`
      : `Morris screening of the mean over seeds (mu* = mean |elementary effect| on the unit interval), top ${TOP_FACTORS} factors by mu*:`,
    '',
    ...table(result.rows.filter((r) => r.method !== 'sobol-s2'), result.method),
    '',
    `sensitivity.csv: ${result.file} (${result.rows.length} rows; factors: ${result.params.join(', ')})`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** A value and its interval; the value alone where there is no interval (`--bootstrap 0`, or too few rows to resample). */
const interval = (v: number, lo: number, hi: number): string =>
  !Number.isFinite(v) ? '—' : Number.isFinite(lo) && Number.isFinite(hi) ? `${formatStat(v)} [${formatStat(lo)}, ${formatStat(hi)}]` : formatStat(v);

function table(rows: readonly SensitivityRow[], method: 'sobol' | 'morris'): string[] {
  const groups = new Map<string, SensitivityRow[]>();
  for (const r of rows) groups.set(`${r.preset}\u0000${r.metric}`, [...(groups.get(`${r.preset}\u0000${r.metric}`) ?? []), r]);
  const head = method === 'sobol' ? ['preset', 'metric', 'factor', 'ST', 'S1', 'seed noise', 'points'] : ['preset', 'metric', 'factor', 'mu*', 'sigma', 'seed noise', 'points'];
  const cells: string[][] = [];
  for (const group of groups.values()) {
    rankFactors(group).slice(0, TOP_FACTORS).forEach((r, i) => cells.push([
      i === 0 ? r.preset : '', i === 0 ? r.metric : '', r.param,
      method === 'sobol' ? interval(r.ST.value, r.ST.lo, r.ST.hi) : interval(r.muStar.value, r.muStar.lo, r.muStar.hi),
      method === 'sobol' ? interval(r.S1.value, r.S1.lo, r.S1.hi) : formatStat(r.sigma),
      i === 0 && Number.isFinite(r.seedNoiseShare) ? r.seedNoiseShare.toFixed(2) : '',
      i === 0 ? String(r.nPoints) : '',
    ]));
  }
  const widths = head.map((h, j) => Math.max(h.length, ...cells.map((c) => (c[j] ?? '').length)));
  const line = (c: string[]): string => c.map((x, j) => x.padEnd(widths[j] ?? 0)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}
