/**
 * evaluateClaims(sweepDir) -> ClaimsResult: the verdicts of MODEL.md section 9 from a sweep folder, in
 * the shape of claims.json (docs/sweeps.md); writeClaims(sweepDir) also writes claims.json atomically.
 * docs/claims.md gives every formula and choice.
 *
 * Per claim, at the judged grid point (`base`, the defaults) and in order:
 * 1. **not judged** when any run behind the claim's tests there fails a viability criterion of MODEL.md
 *    section 13; the reason names each failed criterion and how many runs of which preset failed it.
 * 2. **refuted** when any test's interval lies wholly on the other side (the claim is a conjunction:
 *    one test wholly contrary refutes it).
 * 3. **undecided** when a preset a test needs has no runs there ("no runs for market at base").
 * 4. **supported** when every test holds there and in at least 2 of the 3 directions (directions.ts).
 * 5. **undecided** otherwise, saying which tests straddle or which directions fail.
 * The verdict is computed from the intervals of the data; nothing here knows which side a claim "should"
 * land on beyond its predicted side, written in claimDefs.ts as MODEL.md states it.
 */
import { CLAIMS_JSON, claimsJsonText, writeClaimsJson, type ClaimResult, type ClaimsResult, type Verdict } from '../io/claimsJson.js';
import { CLAIMS, DIRECTIONS, DIRECTIONS_NEEDED, type ClaimDef } from './claimDefs.js';
import { testAt, viabilityFailures, type ClaimTest } from './claimTests.js';
import { evaluateDirection } from './directions.js';
import { loadSweep, type SweepData } from './sweepData.js';
import { FULL_RUN_DAYS } from './window.js';

export type { ClaimDirection, ClaimResult, ClaimsResult, ClaimTest, Outcome, Verdict } from '../io/claimsJson.js';

export interface ClaimsOptions {
  /** The grid point that stands for the defaults (default `base`, or the only grid point). */
  point?: string;
}

export const CLAIMS_FILE = CLAIMS_JSON;

/** The grid point to judge: the option, else `base`, else the sweep's only grid point; undefined if none fits. */
function judgedPoint(data: SweepData, wanted: string | undefined): string | undefined {
  const grid = data.plan.points.filter((p) => p.kind === 'grid').map((p) => p.id);
  if (wanted !== undefined) return grid.includes(wanted) ? wanted : undefined;
  if (grid.includes('base')) return 'base';
  return grid.length === 1 ? grid[0] : undefined;
}

/** One claim at `point`: its tests, its directions and the verdict they give. */
export function evaluateClaim(data: SweepData, claim: ClaimDef, point: string): ClaimResult {
  const atBase = claim.tests.map((def) => testAt(data, def, point));
  const directions = DIRECTIONS.map((dir) => evaluateDirection(data, dir, claim.tests, point));
  const tests = [...atBase.map((t) => t.test), ...directions.flatMap((d) => d.tests)];
  const result = (verdict: Verdict, reason: string): ClaimResult =>
    ({ id: claim.id, title: claim.title, verdict, reason, tests, directions: directions.map((d) => d.direction) });

  const failures = viabilityFailures(atBase.flatMap((t) => t.behind));
  if (failures.length > 0) return result('not judged', `runs fail viability (MODEL.md section 13): ${failures.join('; ')}`);
  const contrary = atBase.filter((t) => t.test.outcome === 'contrary').map((t) => t.test);
  if (contrary.length > 0) {
    return result('refuted', `wholly on the other side at ${point}: ${contrary.map((t) => `${t.label} (${interval(t)}, predicted ${t.predicted})`).join('; ')}`);
  }
  const missing = [...new Set(atBase.flatMap((t) => t.missing))];
  if (missing.length > 0) return result('undecided', `no runs for ${missing.join(', ')} at ${point}`);
  const open = atBase.filter((t) => !t.test.holds).map((t) => t.test);
  if (open.length > 0) {
    return result('undecided', `at ${point}, ${open.length} of ${atBase.length} tests are not wholly on the predicted side: ${open.map((t) => `${t.label} (${t.outcome === 'no data' ? `no interval, n = ${t.n}` : interval(t)}, predicted ${t.predicted})`).join('; ')}`);
  }
  const held = directions.filter((d) => d.direction.holds);
  const summary = `all ${atBase.length} tests hold at ${point}, and ${held.length} of ${directions.length} directions hold (${DIRECTIONS_NEEDED} needed)`;
  if (held.length >= DIRECTIONS_NEEDED) return result('supported', summary);
  const why = directions.filter((d) => !d.direction.holds).map((d) => `${d.direction.direction}: ${d.direction.note}`);
  return result('undecided', `${summary}: ${why.join('; ')}`);
}

function interval(t: ClaimTest): string {
  return `mean ${t.mean}, 95 % CI [${t.ci95_lo}, ${t.ci95_hi}], n = ${t.n}`;
}

/** The claims of a loaded sweep. */
export function claimsOf(data: SweepData, opts: ClaimsOptions = {}): ClaimsResult {
  const point = judgedPoint(data, opts.point);
  const short = data.digests.filter((d) => d.shortWindow).length;
  const window = short === 0
    ? 'mean over the last 365 days of each run, after a 90-day burn-in'
    : `days >= 90 of each run: ${short} of ${data.digests.length} runs are shorter than ${FULL_RUN_DAYS} days, so their statistics use days >= 90 instead of the last 365 days`;
  const notes = short > 0 ? [`statistics over days >= 90 (not the last 365 days) in ${short} runs shorter than ${FULL_RUN_DAYS} days`] : [];
  const claims = CLAIMS.map((c): ClaimResult => {
    if (point === undefined) {
      const grid = data.plan.points.filter((p) => p.kind === 'grid').map((p) => p.id).join(', ');
      return { id: c.id, title: c.title, verdict: 'undecided', reason: `no runs at the defaults: no grid point "${opts.point ?? 'base'}" (grid points: ${grid})`, tests: [], directions: [] };
    }
    const r = evaluateClaim(data, c, point);
    return short > 0 ? { ...r, reason: `${r.reason} (short runs: statistics over days >= 90)` } : r;
  });
  return { protocol: 'MODEL.md section 9', sweep: data.plan.name, point: point ?? '', window, notes, claims };
}

/** Read a sweep folder and judge the claims (AnalysisError for a folder that is not a complete sweep). */
export async function evaluateClaims(sweepDir: string, opts: ClaimsOptions = {}): Promise<ClaimsResult> {
  return claimsOf(loadSweep(sweepDir), opts);
}

export const claimsJson = claimsJsonText;

/** Judge the claims and write `<sweepDir>/claims.json` atomically; resolves to the result. */
export async function writeClaims(sweepDir: string, opts: ClaimsOptions = {}): Promise<ClaimsResult> {
  const result = await evaluateClaims(sweepDir, opts);
  writeClaimsJson(sweepDir, result);
  return result;
}
