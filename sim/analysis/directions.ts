/**
 * A claim in one sensitivity direction of MODEL.md section 9. A test *moves* with a direction when one
 * of its presets has a key for it (bank.k moves only peer-bank, credit.lambdaDays only two-token, so a
 * test on `market` alone is not judged in the direction of money), and it has no point of its own
 * (C5's pi_fall at piMin 0.5). The direction's values are those MODEL.md fixes (sigma 1), or else every
 * value of the key at a sensitivity point of the judged point in the sweep (the viability scan's choice,
 * written into the sweep file). The direction *holds* when
 * - each key it needs has its values in the sweep, with runs of every preset its tests name;
 * - each of those points is judged (90 % of the runs of each preset viable); a point that is not is
 *   outside the viable region, and the direction does not hold; and
 * - every test it moves holds at every one of those points (a test with no data does not hold).
 */
import type { DirectionDef, TestDef } from './claimDefs.js';
import { judgePoint, testAt, type ClaimTest } from './claimTests.js';
import type { SweepData } from './sweepData.js';
import type { ClaimDirection } from '../io/claimsJson.js';

/** A direction as claims.json writes it. */
export type { ClaimDirection };

const sameValue = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The sensitivity point of `of` with this key and value, if the sweep has one. */
export function sensitivityPoint(data: SweepData, of: string, key: string, value: number): string | undefined {
  return data.plan.points.find((q) => q.kind === 'sensitivity' && q.of === of && q.key === key && sameValue(Number(q.value), value))?.id;
}

/** The values of `key` at the sensitivity points of `of`, in sweep order. */
export function sweptValues(data: SweepData, of: string, key: string): number[] {
  return data.plan.points.filter((q) => q.kind === 'sensitivity' && q.of === of && q.key === key).map((q) => Number(q.value)).filter(Number.isFinite);
}

/** Does the test move with the direction: a key for one of its presets, and no point of its own. */
export function movesWith(def: TestDef, dir: DirectionDef): boolean {
  return def.at === undefined && def.presets.some((p) => dir.keyFor(p) !== undefined);
}

export function evaluateDirection(data: SweepData, dir: DirectionDef, tests: readonly TestDef[], of: string): { direction: ClaimDirection; tests: ClaimTest[] } {
  const points: string[] = [];
  const missing: string[] = [];
  const plan: { def: TestDef; point: string }[] = [];
  const moved = tests.filter((def) => movesWith(def, dir));
  for (const def of moved) {
    const keys = [...new Set(def.presets.map(dir.keyFor).filter((k): k is string => k !== undefined))];
    for (const key of keys) {
      let values = dir.values ?? sweptValues(data, of, key);
      if (dir.besides !== undefined && values.length > 1) values = values.filter((v) => v !== dir.besides);
      if (values.length === 0) missing.push(`${key} (no sensitivity point in the sweep)`);
      for (const value of values) {
        const point = sensitivityPoint(data, of, key, value);
        if (point === undefined) missing.push(`${key}=${value}`);
        else {
          if (!points.includes(point)) points.push(point);
          plan.push({ def, point });
        }
      }
    }
  }
  const done = (holds: boolean, note: string, judged: ClaimTest[] = []): { direction: ClaimDirection; tests: ClaimTest[] } =>
    ({ direction: { direction: dir.name, points, holds, note }, tests: judged });
  if (moved.length === 0) return done(false, 'no test of this claim moves in this direction');
  if (missing.length > 0) return done(false, `no runs for ${[...new Set(missing)].join(', ')}`);
  const results = plan.map(({ def, point }) => testAt(data, def, point, dir.name));
  const absent = [...new Set(results.flatMap((r) => r.missing.map((p) => `${p} at ${r.test.point}`)))];
  if (absent.length > 0) return done(false, `no runs for ${absent.join(', ')}`, results.map((r) => r.test));
  const outside = points.flatMap((point) => judgePoint(data, point, plan.filter((x) => x.point === point).flatMap((x) => x.def.presets)).failures);
  if (outside.length > 0) return done(false, `outside the viable region: ${outside.join('; ')}`, results.map((r) => r.test));
  const off = results.filter((r) => !r.test.holds).map((r) => `${r.test.label} ${r.test.outcome} at ${r.test.point}`);
  return done(off.length === 0, off.join('; '), results.map((r) => r.test));
}
