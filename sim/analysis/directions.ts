/**
 * A claim in one sensitivity direction of MODEL.md section 9. The direction *holds* when
 * - every value MODEL.md names for it has a sensitivity point of the judged grid point in the sweep
 *   (sweep.json: kind "sensitivity", the direction's key, that value, `of` the judged point), and runs
 *   there for every preset the claim's tests need;
 * - every run behind those tests at those points passes viability (MODEL.md section 13); and
 * - every test of the claim that the direction moves holds (interval wholly on the predicted side) at
 *   every one of those points.
 * A test moves with a direction when one of its presets has a key for it: bank.k only moves peer-bank,
 * credit.lambdaDays only two-token, so a test on `market` alone (C4) is not judged in that direction.
 * Other values of the key in the sweep (e.g. piMin 0.75) are not part of the direction and are ignored.
 */
import type { DirectionDef, TestDef } from './claimDefs.js';
import { testAt, viabilityFailures, type ClaimTest } from './claimTests.js';
import type { SweepData, SweptDigest } from './sweepData.js';
import type { ClaimDirection } from '../io/claimsJson.js';

/** A direction as claims.json writes it. */
export type { ClaimDirection };

/** The sensitivity point of `of` with this key and value, if the sweep has one. */
export function sensitivityPoint(data: SweepData, of: string, key: string, value: number): string | undefined {
  const p = data.plan.points.find((q) => q.kind === 'sensitivity' && q.of === of && q.key === key && Math.abs(Number(q.value) - value) <= 1e-9 * Math.max(1, Math.abs(value)));
  return p?.id;
}

export function evaluateDirection(data: SweepData, dir: DirectionDef, tests: readonly TestDef[], of: string): { direction: ClaimDirection; tests: ClaimTest[] } {
  const points = new Set<string>();
  const missing: string[] = [];
  const plan: { def: TestDef; point: string }[] = [];
  for (const def of tests) {
    const keys = [...new Set(def.presets.map(dir.keyFor).filter((k): k is string => k !== undefined))];
    for (const key of keys) {
      for (const value of dir.values) {
        const point = sensitivityPoint(data, of, key, value);
        if (point === undefined) missing.push(`${key}=${value}`);
        else {
          points.add(point);
          plan.push({ def, point });
        }
      }
    }
  }
  const done = (holds: boolean, note: string, judged: ClaimTest[] = []): { direction: ClaimDirection; tests: ClaimTest[] } =>
    ({ direction: { direction: dir.name, points: [...points], holds, note }, tests: judged });
  if (plan.length === 0 && missing.length === 0) return done(false, 'no test of this claim moves in this direction');
  if (missing.length > 0) return done(false, `no runs for ${[...new Set(missing)].join(', ')}`);
  const results = plan.map(({ def, point }) => testAt(data, def, point));
  const absent = [...new Set(results.flatMap((r) => r.missing.map((p) => `${p} at ${r.test.point}`)))];
  if (absent.length > 0) return done(false, `no runs for ${absent.join(', ')}`, results.map((r) => r.test));
  const failures = viabilityFailures(results.flatMap((r): SweptDigest[] => r.behind));
  if (failures.length > 0) return done(false, `not judged: viability fails: ${failures.join('; ')}`, results.map((r) => r.test));
  const off = results.filter((r) => !r.test.holds).map((r) => `${r.test.label} ${r.test.outcome} at ${r.test.point}`);
  return done(off.length === 0, off.length === 0 ? '' : off.join('; '), results.map((r) => r.test));
}
