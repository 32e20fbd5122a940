/**
 * One test of a claim at one point of a sweep, and whether a point is judged at all (MODEL.md section 9).
 *
 * A point is *judged* when at least 90 % of the runs of each preset its tests name are viable (MODEL.md
 * section 13); a preset without runs there is not a viability failure but missing data. A test at a
 * judged point uses the seeds where every run it pairs is viable (one run for a single-preset test, two
 * for `a - b`), except the tests on the statistics of ALL_RUNS_STATISTICS, which use every run. It then
 * takes the per-seed values (or paired differences), the 95 % t interval and its outcome.
 */
import { ALL_RUNS_STATISTICS, VIABLE_SHARE_NEEDED, type TestDef } from './claimDefs.js';
import { summarise } from './paired.js';
import { judge, predictedText } from './predicted.js';
import type { ClaimTest } from '../io/claimsJson.js';
import { digestValue } from './runDigest.js';
import { runsAt, type SweepData, type SweptDigest } from './sweepData.js';

export type { ClaimTest };

export interface TestAt {
  test: ClaimTest;
  /** Presets of the test with no runs at the point. */
  missing: string[];
}

/** A JSON number: 6 significant digits, null for NaN or infinity. */
export function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : null;
}

/** True when the test uses every run, viable or not. */
export const usesAllRuns = (def: TestDef): boolean => ALL_RUNS_STATISTICS.has(def.statistic);

/** The test at `point`, run for `part` (`defaults` or a direction's name): values by seed (only seeds whose paired runs are all viable, unless it uses all runs), interval, outcome. */
export function testAt(data: SweepData, def: TestDef, point: string, part: string): TestAt {
  const all = usesAllRuns(def);
  const byPreset = def.presets.map((p) => runsAt(data, p, point));
  const reps = [...(byPreset[0]?.keys() ?? [])].filter((r) => byPreset.every((m) => m.has(r))).sort((x, y) => x - y);
  const values: number[] = [];
  for (const r of reps) {
    const runs = byPreset.map((m) => m.get(r)!);
    if (!all && runs.some((d) => d.viabilityFailed.length > 0)) continue;
    const [a, b] = runs.map((d) => digestValue(d, def.statistic));
    const v = b === undefined ? a! : a! - b;
    if (Number.isFinite(v)) values.push(v);
  }
  const s = summarise(values);
  const outcome = judge(s.lo, s.hi, def.predicted);
  return {
    test: {
      label: def.label, statistic: def.statistic, predicted: predictedText(def.predicted), point, part, presets: [...def.presets], runs: all ? 'all' : 'viable',
      n: s.n, mean: jsonNumber(s.mean), ci95_lo: jsonNumber(s.lo), ci95_hi: jsonNumber(s.hi), holds: outcome === 'holds', outcome,
    },
    missing: def.presets.filter((p) => runsAt(data, p, point).size === 0),
  };
}

export interface PointJudgement {
  point: string;
  judged: boolean;
  /** One phrase per preset below 90 % viable: its share, the failed criteria with counts, and the runs. */
  failures: string[];
}

/** Whether `point` is judged for tests naming `presets` (MODEL.md section 9's 90 % rule, per preset). */
export function judgePoint(data: SweepData, point: string, presets: readonly string[]): PointJudgement {
  const failures: string[] = [];
  for (const preset of [...new Set(presets)]) {
    const runs = [...runsAt(data, preset, point).values()].sort((a, b) => a.run.replicate - b.run.replicate);
    if (runs.length === 0) continue;
    const failed = runs.filter((r) => r.viabilityFailed.length > 0);
    if (isViableShare(runs.length - failed.length, runs.length)) continue;
    failures.push(`${preset} at ${point}: ${runs.length - failed.length} of ${runs.length} runs viable (90 % needed); ${criteriaText(failed)}`);
  }
  return { point, judged: failures.length === 0, failures };
}

/** At least 90 % viable, counted in integers (27 of 30 passes; 0.9 x 30 is not trusted to be exactly 27). */
export function isViableShare(viable: number, runs: number): boolean {
  return viable * 100 >= Math.round(VIABLE_SHARE_NEEDED * 100) * runs;
}

/** `producers out in 2, funded share in 1 (runs r000, r002)`: the criteria failed, with counts, and the runs that failed them. */
function criteriaText(failed: readonly SweptDigest[]): string {
  const counts = new Map<string, number>();
  for (const r of failed) for (const c of r.viabilityFailed) counts.set(c, (counts.get(c) ?? 0) + 1);
  const criteria = [...counts].map(([c, n]) => `${c} in ${n}`).join(', ');
  const names = failed.map((r) => r.run.run);
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, ... (${names.length} in all)` : '');
  return `failed: ${criteria} (${shown})`;
}
