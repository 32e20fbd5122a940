/**
 * evaluateClaims(sweepDir) -> ClaimsResult: the verdicts of MODEL.md section 9 (v4) from a sweep
 * folder, in the shape of claims.json (docs/sweeps.md); writeClaims(sweepDir) also writes claims.json
 * atomically. docs/claims.md gives every formula and choice.
 *
 * First the defaults (the judged grid point, `base`) are judged or not: at least 90 % of the runs of
 * every preset the claims' tests name must be viable (MODEL.md section 13). If they are not, every claim
 * is **not judged**, and the reason names the failed criteria and runs. Otherwise, per claim:
 * 1. **refuted** when a test at the defaults is wholly on the other side (a claim is a conjunction);
 * 2. **undecided** when a preset a test needs has no runs at the defaults;
 * 3. **supported** when every test holds at the defaults and at least 2 of the 3 directions hold
 *    (directions.ts);
 * 4. **undecided** otherwise, saying which tests do not hold or which directions fail.
 * A test with no data does not hold. C5's pi_fall test is at its own point (piMin 0.5), judged by the
 * same 90 % rule: a point outside the viable region makes the test not hold, never refute.
 * The verdict is computed from the intervals of the data; nothing here knows which side a claim "should"
 * land on beyond its predicted side, written in claimDefs.ts as MODEL.md states it.
 */
import { CLAIMS_JSON, claimsJsonText, DEFAULTS_PART, writeClaimsJson, type ClaimResult, type ClaimsResult, type Verdict } from '../io/claimsJson.js';
import { besideRows } from './besideRows.js';
import { CLAIMS, DIRECTIONS, DIRECTIONS_NEEDED, type ClaimDef, type TestDef } from './claimDefs.js';
import { judgePoint, testAt, type ClaimTest, type PointJudgement } from './claimTests.js';
import { evaluateDirection, sensitivityPoint } from './directions.js';
import { loadSweep, type SweepData } from './sweepData.js';
import { STATISTIC_NAMES, STATISTIC_WINDOWS } from './statistics.js';
import { FULL_PERIOD_DAYS, WINDOW_DAYS } from './window.js';

export type { BesideRow, ClaimDirection, ClaimResult, ClaimsResult, ClaimTest, Outcome, Verdict } from '../io/claimsJson.js';

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

/** Every preset a claim's test names: the presets whose runs judge the defaults. */
export const TESTED_PRESETS: readonly string[] = [...new Set(CLAIMS.flatMap((c) => c.tests.flatMap((t) => [...t.presets])))];

/** A test of the defaults: at the judged point, or at its own point (`at`) when it has one. */
interface DefaultsTest { test: ClaimTest | undefined; def: TestDef; point: string; missing: string[]; outside: string[] }

function defaultsTest(data: SweepData, def: TestDef, point: string): DefaultsTest {
  const at = (p: string): DefaultsTest => {
    const t = testAt(data, def, p, DEFAULTS_PART);
    return { test: t.test, def, point: p, missing: t.missing, outside: [] };
  };
  if (def.at === undefined) return at(point);
  const own = sensitivityPoint(data, point, def.at.key, def.at.value);
  if (own === undefined) return { test: undefined, def, point: `${def.at.key}=${def.at.value}`, missing: [], outside: [] };
  return { ...at(own), outside: judgePoint(data, own, def.presets).failures };
}

/** `market, peer-bank at base, participation.piMin=0.5`: the presets without runs, by point, and the own points missing from the sweep. */
function missingText(tests: readonly DefaultsTest[]): string {
  const byPoint = new Map<string, Set<string>>();
  for (const t of tests) {
    if (t.test === undefined) byPoint.set(t.point, byPoint.get(t.point) ?? new Set());
    for (const m of t.missing) byPoint.set(t.point, (byPoint.get(t.point) ?? new Set()).add(m));
  }
  return [...byPoint].map(([point, presets]) => (presets.size === 0 ? point : `${[...presets].join(', ')} at ${point}`)).join(', ');
}

const interval = (t: ClaimTest): string => `mean ${t.mean}, 95 % CI [${t.ci95_lo}, ${t.ci95_hi}], n = ${t.n}`;
const described = (t: ClaimTest): string => `${t.label} (${t.outcome === 'no data' ? `no data, n = ${t.n}` : interval(t)}, predicted ${t.predicted})`;

/** One claim at `point`, whose defaults are judged: its tests, its directions and the verdict they give. */
export function evaluateClaim(data: SweepData, claim: ClaimDef, point: string): ClaimResult {
  const atBase = claim.tests.map((def) => defaultsTest(data, def, point));
  const directions = DIRECTIONS.map((dir) => evaluateDirection(data, dir, claim.tests, point));
  const tests = [...atBase.flatMap((t) => (t.test === undefined ? [] : [t.test])), ...directions.flatMap((d) => d.tests)];
  const result = (verdict: Verdict, reason: string): ClaimResult =>
    ({ id: claim.id, title: claim.title, verdict, reason, tests, directions: directions.map((d) => d.direction) });

  const judged = atBase.filter((t) => t.outside.length === 0);
  const contrary = judged.flatMap((t) => (t.test?.outcome === 'contrary' ? [t.test] : []));
  if (contrary.length > 0) return result('refuted', `wholly on the other side at ${point}: ${contrary.map(described).join('; ')}`);
  const missing = missingText(atBase);
  if (missing !== '') return result('undecided', `no runs for ${missing}`);
  const outside = [...new Set(atBase.flatMap((t) => t.outside))];
  const open = judged.flatMap((t) => (t.test !== undefined && !t.test.holds ? [t.test] : []));
  if (outside.length > 0 || open.length > 0) {
    const parts = [
      ...(open.length > 0 ? [`at ${point}, ${open.length} of ${atBase.length} tests are not wholly on the predicted side: ${open.map(described).join('; ')}`] : []),
      ...(outside.length > 0 ? [`outside the viable region: ${outside.join('; ')}`] : []),
    ];
    return result('undecided', parts.join('; '));
  }
  const held = directions.filter((d) => d.direction.holds);
  const summary = `all ${atBase.length} tests hold at ${point}, and ${held.length} of ${directions.length} directions hold (${DIRECTIONS_NEEDED} needed)`;
  if (held.length >= DIRECTIONS_NEEDED) return result('supported', summary);
  const why = directions.filter((d) => !d.direction.holds).map((d) => `${d.direction.direction}: ${d.direction.note}`);
  return result('undecided', `${summary}: ${why.join('; ')}`);
}

/** The windows as applied, and the notes on short runs and on the horizon. */
function windowNotes(data: SweepData): { window: string; notes: string[] } {
  const lengths = [...new Set(data.digests.map((d) => d.lastDay + 1))].sort((a, b) => a - b);
  const shortW = data.digests.filter((d) => d.shortWindow).length;
  const shortP = data.digests.filter((d) => d.shortPeriod).length;
  const notes: string[] = [];
  if (shortW > 0) notes.push(`${shortW} of ${data.digests.length} runs are shorter than ${WINDOW_DAYS} days: their W is the whole run`);
  if (shortP > 0) notes.push(`${shortP} of ${data.digests.length} runs are shorter than ${FULL_PERIOD_DAYS} days: their P (${STATISTIC_NAMES.filter((s) => STATISTIC_WINDOWS[s] === 'P').map((s) => s.replace(/^stat_/, '')).join(', ')}) is days 90 to their last day, not 90-1094, and does not compare with longer runs`);
  const over = (test: (w: string) => boolean): string => STATISTIC_NAMES.filter((s) => test(STATISTIC_WINDOWS[s])).map((s) => s.replace(/^stat_/, '')).join(', ');
  notes.push(`horizon: the statistics over W (${over((w) => w.includes('W'))}) describe the last year of runs of ${lengths.join(', ')} days and depend on the run's length: goods per head converge as every economy approaches the incompressible cost; those over the fixed P (${over((w) => w === 'P')}) do not`);
  return { window: 'W: the last 365 days of each run; P: days 90-1094; E: days 90-454 (markup_change); out_max: days >= 90', notes };
}

/** The claims of a loaded sweep. */
export function claimsOf(data: SweepData, opts: ClaimsOptions = {}): ClaimsResult {
  const point = judgedPoint(data, opts.point);
  const { window, notes } = windowNotes(data);
  const base = { protocol: 'MODEL.md section 9', sweep: data.plan.name, point: point ?? '', window, notes };
  if (point === undefined) {
    const grid = data.plan.points.filter((p) => p.kind === 'grid').map((p) => p.id).join(', ');
    const reason = `no runs at the defaults: no grid point "${opts.point ?? 'base'}" (grid points: ${grid})`;
    return { ...base, defaults: { judged: false, failures: [reason] }, beside: [],
      claims: CLAIMS.map((c): ClaimResult => ({ id: c.id, title: c.title, verdict: 'not judged', reason, tests: [], directions: [] })) };
  }
  const defaults: PointJudgement = judgePoint(data, point, TESTED_PRESETS);
  const claims = CLAIMS.map((c): ClaimResult => {
    if (defaults.judged) return evaluateClaim(data, c, point);
    const tests = c.tests.flatMap((def) => defaultsTest(data, def, point).test ?? []);
    return { id: c.id, title: c.title, verdict: 'not judged', reason: `the defaults are not judged (fewer than 90 % of a preset's runs viable, MODEL.md sections 9 and 13): ${defaults.failures.join('; ')}`, tests, directions: [] };
  });
  return { ...base, defaults: { judged: defaults.judged, failures: defaults.failures }, claims, beside: besideRows(data, point) };
}

/** Read a sweep folder and judge the claims (AnalysisError for a folder that is not a complete sweep). */
export async function evaluateClaims(sweepDir: string, opts: ClaimsOptions = {}): Promise<ClaimsResult> {
  return claimsOf(await loadSweep(sweepDir), opts); // its runs' CSVs, or their Parquet under --run-files none
}

export const claimsJson = claimsJsonText;

/** Judge the claims and write `<sweepDir>/claims.json` atomically; resolves to the result. */
export async function writeClaims(sweepDir: string, opts: ClaimsOptions = {}): Promise<ClaimsResult> {
  const result = await evaluateClaims(sweepDir, opts);
  writeClaimsJson(sweepDir, result);
  return result;
}
