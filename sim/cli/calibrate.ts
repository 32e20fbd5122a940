/**
 * `abundance calibrate` (`npm run calibrate`): the calibration of MODEL.md section 6. It searches a grid
 * of `learning.priorYears` x `rnd.zeta` x `rnd.maxGain` (these three and nothing else), runs `market`
 * at each point on seeds 1-10 with 500 agents for 1,095 days, and measures the mean over seeds of the
 * OLS slope of ln cost_index on years over days 90-1094 (the claims' period P). The target is the
 * productivity growth of US software publishers, 15.7 %/year over 1987-2001 (BLS): a slope of -0.146,
 * accepted within [-0.17, -0.11]. The chosen point is the one nearest -0.146 (ties: the first in the
 * table's order); `--write` puts it into sim/scenario/calibrated.ts, the home of the three defaults.
 * It prints the whole table it searched, and never looks at a claim statistic.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../scenario/file.js';
import { writeFileAtomically } from '../io/atomicFile.js';
import { checkMemory } from '../io/memory.js';
import { eachRunMetrics } from '../io/tempRuns.js';
import { CALIBRATION_BAND, CALIBRATION_TARGET, costSlopeOverP } from '../analysis/calibration.js';

export interface CalibrateArgs {
  seeds: number;
  agents: number;
  days: number;
  workers: number;
  priorYears: string;
  zeta: string;
  maxGain: string;
  write: boolean;
}

interface Point { priorYears: number; zeta: number; maxGain: number; slopes: number[] }

export async function calibrateCommand(args: CalibrateArgs): Promise<number> {
  const axis = (text: string): number[] => text.split(',').map(Number);
  const points: Point[] = [];
  for (const priorYears of axis(args.priorYears)) {
    for (const zeta of axis(args.zeta)) {
      for (const maxGain of axis(args.maxGain)) points.push({ priorYears, zeta, maxGain, slopes: [] });
    }
  }
  const seeds = Array.from({ length: args.seeds }, (_, k) => k + 1);
  const jobs = points.flatMap((point) => seeds.map((seed) => ({
    point,
    resolved: loadScenarioFile('market', {
      overrides: { agents: args.agents, days: args.days, seed },
      set: [`learning.priorYears=${point.priorYears}`, `rnd.zeta=${point.zeta}`, `rnd.maxGain=${point.maxGain}`],
    }),
  })));
  checkMemory(jobs.map((j) => j.resolved), args.workers);
  process.stderr.write(`calibrate: ${points.length} points x ${seeds.length} seeds of market, ${args.agents} agents x ${args.days} days, ${args.workers} at a time\n`);
  let done = 0;
  await eachRunMetrics(jobs.map((j) => j.resolved.scenario), args.workers, (table, k) => {
    jobs[k]!.point.slopes.push(costSlopeOverP(table));
    done++;
    if (process.stderr.isTTY) process.stderr.write(`\r  ${done}/${jobs.length} runs`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const rows = points.map((p) => ({ ...p, mean: mean(p.slopes), sd: sd(p.slopes) }));
  const chosen = nearest(rows);
  process.stdout.write(calibrationTable(rows, chosen) + '\n\n');
  if (chosen === undefined || !inBand(chosen.mean)) {
    process.stdout.write(`No point of the grid has a mean slope within [${CALIBRATION_BAND[0]}, ${CALIBRATION_BAND[1]}]: widen the grid (--prior-years, --zeta, --max-gain).\n`);
    return 1;
  }
  process.stdout.write(`Chosen: learning.priorYears ${chosen.priorYears}, rnd.zeta ${chosen.zeta}, rnd.maxGain ${chosen.maxGain}: mean slope ${chosen.mean.toFixed(3)} a year (target ${CALIBRATION_TARGET}).\n`);
  if (args.write) {
    const file = fileURLToPath(new URL('../scenario/calibrated.ts', import.meta.url));
    writeFileAtomically(file, withDefaults(readFileSync(file, 'utf8'), chosen));
    process.stdout.write(`Wrote ${file}; run \`npm run schema\` and update docs/model.md ("Calibration") with this table.\n`);
  }
  return 0;
}

const inBand = (slope: number): boolean => slope >= CALIBRATION_BAND[0] && slope <= CALIBRATION_BAND[1];

/** The point whose mean slope is nearest the target (the first of equals). */
function nearest<T extends { mean: number }>(rows: T[]): T | undefined {
  let best: T | undefined;
  for (const r of rows) {
    if (!Number.isFinite(r.mean)) continue;
    if (best === undefined || Math.abs(r.mean - CALIBRATION_TARGET) < Math.abs(best.mean - CALIBRATION_TARGET)) best = r;
  }
  return best;
}

/** The searched grid as a Markdown table, the chosen row marked. */
export function calibrationTable(rows: { priorYears: number; zeta: number; maxGain: number; slopes: number[]; mean: number; sd: number }[], chosen?: object): string {
  const head = '| learning.priorYears | rnd.zeta | rnd.maxGain | mean slope of ln cost_index, /year | sd over seeds | seeds | in band |';
  const body = rows.map((r) => `| ${r.priorYears} | ${r.zeta} | ${r.maxGain} | ${fmt(r.mean)} | ${fmt(r.sd)} | ${r.slopes.length} | ${inBand(r.mean) ? (r === chosen ? '**chosen**' : 'yes') : 'no'} |`);
  return [head, '|---:|---:|---:|---:|---:|---:|---|', ...body].join('\n');
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '');
const mean = (xs: number[]): number => {
  const f = xs.filter(Number.isFinite);
  return f.length > 0 ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
};
const sd = (xs: number[]): number => {
  const f = xs.filter(Number.isFinite);
  if (f.length < 2) return NaN;
  const m = mean(f);
  return Math.sqrt(f.reduce((a, b) => a + (b - m) ** 2, 0) / (f.length - 1));
};

/** calibrated.ts with the three constants replaced by the chosen point's. */
export function withDefaults(source: string, p: { priorYears: number; zeta: number; maxGain: number }): string {
  const set = (text: string, name: string, value: number): string => {
    const re = new RegExp(`export const ${name} = [^;]+;`);
    if (!re.test(text)) throw new Error(`sim/scenario/calibrated.ts has no "export const ${name} = ...;"`);
    return text.replace(re, `export const ${name} = ${value};`);
  };
  return set(set(set(source, 'PRIOR_YEARS', p.priorYears), 'RND_ZETA', p.zeta), 'RND_MAX_GAIN', p.maxGain);
}
