/**
 * One test of a claim at one point of a sweep: the per-seed values of its statistic (one preset) or
 * their paired differences (`a - b`), the 95 % t interval, and its outcome against the predicted side.
 * Also the runs behind it, so the claim can refuse to judge runs that fail viability, and the presets
 * that have no runs there at all.
 */
import type { TestDef } from './claimDefs.js';
import { pairedDifferences, summarise } from './paired.js';
import { judge, predictedText } from './predicted.js';
import type { ClaimTest } from '../io/claimsJson.js';
import { runsAt, valuesAt, type SweepData, type SweptDigest } from './sweepData.js';

export type { ClaimTest };

export interface TestAt {
  test: ClaimTest;
  /** The runs of the test's presets at the point. */
  behind: SweptDigest[];
  /** Presets of the test with no runs at the point. */
  missing: string[];
}

/** A JSON number: 6 significant digits, null for NaN or infinity. */
export function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : null;
}

export function testAt(data: SweepData, def: TestDef, point: string): TestAt {
  const [a, b] = def.presets;
  const values = b === undefined
    ? [...valuesAt(data, a, point, def.statistic).entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1])
    : pairedDifferences(valuesAt(data, b, point, def.statistic), valuesAt(data, a, point, def.statistic));
  const s = summarise(values);
  const outcome = judge(s.lo, s.hi, def.predicted);
  const behind = def.presets.flatMap((p) => [...runsAt(data, p, point).values()]);
  const missing = def.presets.filter((p) => runsAt(data, p, point).size === 0);
  return {
    test: {
      label: def.label, statistic: def.statistic, predicted: predictedText(def.predicted), point, presets: [...def.presets],
      n: s.n, mean: jsonNumber(s.mean), ci95_lo: jsonNumber(s.lo), ci95_hi: jsonNumber(s.hi), holds: outcome === 'holds', outcome,
    },
    behind,
    missing,
  };
}

/**
 * The viability failures among `runs` (each run counted once), one phrase per preset, point and
 * criterion: `producers out in 2 of 3 runs of two-token at base`. Empty when every run is viable.
 */
export function viabilityFailures(runs: readonly SweptDigest[]): string[] {
  const unique = [...new Map(runs.map((r) => [r.run.run, r])).values()];
  const groups = new Map<string, { total: number; failed: Map<string, number> }>();
  for (const r of unique) {
    const key = `${r.run.preset} at ${r.run.point}`;
    const g = groups.get(key) ?? { total: 0, failed: new Map<string, number>() };
    g.total++;
    for (const c of r.viabilityFailed) g.failed.set(c, (g.failed.get(c) ?? 0) + 1);
    groups.set(key, g);
  }
  const out: string[] = [];
  for (const [key, g] of groups) for (const [c, n] of g.failed) out.push(`${c} in ${n} of ${g.total} runs of ${key}`);
  return out;
}
