/**
 * sim/analysis/claims on synthetic sweeps (MODEL.md section 9, v4): the verdict follows the data (it
 * flips when the data flip), the 90 % viable rule decides whether the defaults and each direction's
 * points are judged, tests use viable seeds except those on rho_median, out_max and sales_trend, C5's
 * participation test sits at piMin 0.5, a missing preset or point leaves a claim undecided, and
 * claims.json is written atomically and deterministically.
 *
 * The world: runs of 800 days (W = days 435..799, P = days 90..799, E = days 90..454); each preset's
 * knobs below, with a spread e = -0.01, 0, 0.01 across seeds (replicate mod 3).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsJson, claimsOf, writeClaims, type ClaimResult, type ClaimsResult } from '../../sim/analysis/claims.js';
import type { SweepData } from '../../sim/analysis/sweepData.js';
import { tempDir } from '../cli/exec.js';
import { agentsCsv, pointsOf, scenarioOf, syntheticSweepData, syntheticTable, writeSyntheticSweep, type PointSpec, type SyntheticRun } from './fixture.js';

const root = tempDir('analysis-claims');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ALL = ['gift', 'market', 'two-token', 'peer-bank'];
const C1_PRESETS = ['gift', 'two-token', 'peer-bank'];
const DIRECTIONS = { 'participation.piMin': [0.5, 0.25], 'bank.k': [7, 90], 'credit.lambdaDays': [7, 90], 'production.sigma': [1] };
const BASE_ONLY = {};
const year = (d: number): number => d / 365;

/** Knobs of one run. */
interface Knobs {
  goods: number; // goods released a day
  costLevel: number; // cost_index on day 0
  costFall: number; // its fall, log points a year
  rho: number; // rho_median
  money: number; // money / flow_ema, days
  salesTrend: number; // trend of funded_share, %/year
  priceTrend: number; // trend of the currency price of a good (market), %/year
  markupEarly: number; // price / own cost of funded goods before day 455
  markupLate: number; // from day 455 on
  dropout: number;
  piLate: number; // pi_mean after day 0 (1 on day 0)
}

/** A world where the token economies beat gift, keep up with market, and price near cost. */
function tokensWin(preset: string): Knobs {
  const gift = preset === 'gift';
  const market = preset === 'market';
  return {
    goods: gift ? 50 : 100, costLevel: gift ? 1.2 : 1, costFall: gift ? 0.05 : market ? 0.15 : 0.2,
    rho: 1, money: 31, salesTrend: 0.5, priceTrend: -5,
    markupEarly: market ? 1.3 : 1.2, markupLate: market ? 1.3 : 1.05, dropout: 0.05, piLate: 0.98,
  };
}

type Tweak = (preset: string, point: PointSpec, rep: number, k: Knobs) => Partial<Knobs> | undefined;
interface WorldOpts { presets?: string[]; sensitivity?: Record<string, number[]>; replicates?: number; tweak?: Tweak; agents?: (preset: string, rep: number) => string }

/** One run of the world. */
function runOf(preset: string, point: PointSpec, rep: number, opts: WorldOpts): SyntheticRun {
  const base = tokensWin(preset);
  const k = { ...base, ...opts.tweak?.(preset, point, rep, base) };
  const e = ((rep % 3) - 1) * 0.01;
  const money = preset !== 'gift';
  const markup = (d: number): number => (d < 455 ? k.markupEarly : k.markupLate) + e;
  const table = syntheticTable(800, (d) => ({
    goods_released: k.goods * (1 + e),
    cost_index: (k.costLevel + e) * Math.exp(-(k.costFall + e) * year(d)),
    dropout_share: k.dropout,
    rho_median: k.rho + e,
    pi_mean: d === 0 ? 1 : k.piLate + e / 10,
    output_near_floor: 0.3,
    ...(money ? {
      funded_share: 0.7 * Math.exp(((k.salesTrend + 10 * e) / 100) * year(d)),
      price_level: 1.05,
      price_hours_per_good: 40 * markup(d), campaigns_funded: 8, cost_funded_sum: 320,
      ...(preset === 'market'
        ? { price_mh_cur: Math.exp(((k.priceTrend + 10 * e) / 100) * year(d)) / markup(d) }
        : { money_ch: (k.money + 10 * e) * 10, flow_ema_ch: 10, money_mh: (k.money + 10 * e) * 10, flow_ema_mh: 10 }),
    } : {}),
  }));
  const scenario = scenarioOf(preset, { bank: { k: point.key === 'bank.k' ? point.value : 30 } });
  return { table, scenario, ...(opts.agents === undefined ? {} : { agents: opts.agents(preset, rep) }) };
}

const specOf = (opts: WorldOpts) => ({ presets: opts.presets ?? ALL, points: pointsOf(opts.sensitivity ?? DIRECTIONS), replicates: opts.replicates ?? 3 });
/** The world as a sweep in memory. */
const world = (opts: WorldOpts = {}): SweepData => syntheticSweepData(specOf(opts), (p, pt, r) => runOf(p, pt, r, opts));
const judge = (opts: WorldOpts = {}): ClaimsResult => claimsOf(world(opts));

const claim = (r: ClaimsResult, id: string): ClaimResult => r.claims.find((c) => c.id === id)!;
const test = (c: ClaimResult, label: string, point = 'base') => c.tests.find((t) => t.label === label && t.point === point)!;
/** Non-viable: more than 20 % of producers out (MODEL.md section 13). */
const OUT = { dropout: 0.25 };

describe('analysis/claims', { timeout: 60_000 }, () => {
  let winResult: ClaimsResult;
  beforeAll(() => {
    winResult = judge();
  });

  it('C1 is supported when gift is behind the token economies at the defaults and in every direction', () => {
    const c1 = claim(winResult, 'C1');
    expect(c1.verdict).toBe('supported');
    expect(c1.reason).toBe('all 4 tests hold at base, and 3 of 3 directions hold (2 needed)');
    const t = test(c1, 'gift - two-token: goods per head');
    expect(t).toMatchObject({ statistic: 'stat_goods_per_head', predicted: '< 0', part: 'defaults', runs: 'viable', n: 3, holds: true, outcome: 'holds' });
    expect(t.mean).toBeCloseTo(Math.log(0.5), 5); // ln 50 - ln 100 on every seed
    expect(c1.directions.map((d) => [d.direction, d.points, d.holds])).toEqual([
      ['participation.piMin', ['s-participation.piMin-0.25'], true], // 0.5 is there for C5's test: the scan chose 0.25
      ['quantity of money: bank.k (peer-bank) / credit.lambdaDays (two-token)', ['s-credit.lambdaDays-7', 's-credit.lambdaDays-90', 's-bank.k-7', 's-bank.k-90'], true],
      ['production.sigma', ['s-production.sigma-1'], true],
    ]);
    expect(winResult).toMatchObject({ protocol: 'MODEL.md section 9', point: 'base', defaults: { judged: true, failures: [] } });
  });

  it('the verdict comes from the data: the same sweep with gift ahead refutes C1 and C3', () => {
    const r = judge({ sensitivity: BASE_ONLY, tweak: (p) => (p === 'gift' ? { goods: 200, costLevel: 0.8, costFall: 0.4 } : undefined) });
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('refuted');
    expect(c1.reason).toMatch(/^wholly on the other side at base: gift - two-token: goods per head \(mean 0\.693147, 95 % CI \[/);
    expect(claim(r, 'C3').verdict).toBe('refuted'); // the token economies' cost falls slower than gift's now
    expect(claim(winResult, 'C3').verdict).toBe('supported'); // and faster in the world above
  });

  it('C3 is a non-inferiority test: 0.01 a year slower than market holds, 0.03 slower refutes', () => {
    const slower = (by: number) => judge({ tweak: (p) => (p === 'two-token' ? { costFall: 0.15 - by } : undefined) });
    const near = claim(slower(0.01), 'C3');
    expect(test(near, 'two-token - market: fall rate of cost_index over P (non-inferiority)')).toMatchObject({ predicted: '> -0.015', holds: true });
    expect(near.verdict).toBe('supported');
    const far = claim(slower(0.03), 'C3');
    expect(far.verdict).toBe('refuted');
    expect(far.reason).toMatch(/two-token - market: fall rate of cost_index over P \(non-inferiority\) \(mean -0\.03,/);
  });

  it('defaults with fewer than 90 % viable runs of a preset: every claim is not judged, naming the criteria and the runs', () => {
    const r = judge({ sensitivity: BASE_ONLY, tweak: (p, _pt, rep) => (p === 'two-token' && rep === 1 ? { dropout: 0.3 } : undefined) });
    const failure = 'two-token at base: 2 of 3 runs viable (90 % needed); failed: producers out in 1 (runs/two-token/base/r001)';
    expect(r.defaults).toEqual({ judged: false, failures: [failure] });
    for (const c of r.claims) {
      expect(c.verdict, c.id).toBe('not judged');
      expect(c.reason, c.id).toBe(`the defaults are not judged (fewer than 90 % of a preset's runs viable, MODEL.md sections 9 and 13): ${failure}`);
    }
  });

  it('with 9 of 10 runs viable the defaults are judged; tests skip the failed seed, except those on out_max, rho_median and sales_trend', () => {
    const r = judge({ sensitivity: BASE_ONLY, replicates: 10, tweak: (p, _pt, rep) => (p === 'two-token' && rep === 3 ? OUT : undefined) });
    expect(r.defaults.judged).toBe(true);
    expect(test(claim(r, 'C1'), 'gift - two-token: goods per head').n).toBe(9);
    expect(test(claim(r, 'C1'), 'gift - peer-bank: goods per head').n).toBe(10);
    const out = test(claim(r, 'C5'), 'two-token: largest drop-out share');
    expect(out).toMatchObject({ runs: 'all', n: 10 });
    expect(out.mean).toBeCloseTo((9 * 0.05 + 0.25) / 10, 6); // the failed run counts here
    expect(test(claim(r, 'C5'), 'two-token: rho_median, within 0.1 of 1')).toMatchObject({ runs: 'all', n: 10 });
    expect(test(claim(r, 'C5'), 'two-token: change of the markup since days 90-454')).toMatchObject({ runs: 'viable', n: 9 });
    // 8 of 10 is below 90 %: not judged.
    const r8 = judge({ sensitivity: BASE_ONLY, replicates: 10, tweak: (p, _pt, rep) => (p === 'two-token' && rep >= 8 ? OUT : undefined) });
    expect(r8.defaults.judged).toBe(false);
    expect(r8.defaults.failures[0]).toMatch(/^two-token at base: 8 of 10 runs viable \(90 % needed\); failed: producers out in 2 \(runs\/two-token\/base\/r008, runs\/two-token\/base\/r009\)$/);
  });

  it('a direction with a value outside the viable region does not hold, says so, and two others still support the claim', () => {
    const r = judge({ presets: C1_PRESETS, tweak: (p, pt) => (p === 'two-token' && pt.id === 's-participation.piMin-0.25' ? OUT : undefined) });
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('supported');
    expect(c1.directions[0]).toMatchObject({
      holds: false,
      note: 'outside the viable region: two-token at s-participation.piMin-0.25: 0 of 3 runs viable (90 % needed); failed: producers out in 3 (runs/two-token/s-participation.piMin-0.25/r000, runs/two-token/s-participation.piMin-0.25/r001, runs/two-token/s-participation.piMin-0.25/r002)',
    });
    expect(c1.reason).toBe('all 4 tests hold at base, and 2 of 3 directions hold (2 needed)');
  });

  it('holding at the defaults in only one direction leaves the claim undecided', () => {
    const turn = (pt: PointSpec): boolean => pt.key === 'participation.piMin' || pt.key === 'production.sigma';
    // gift - token goods per head = ln(50/100), ln(100/100), ln(150/100) across seeds there: the interval straddles 0.
    const r = judge({ presets: C1_PRESETS, tweak: (p, pt, rep) => (p === 'gift' && turn(pt) ? { goods: 50 * (1 + (rep % 3)) } : undefined) });
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('undecided');
    expect(c1.reason).toMatch(/^all 4 tests hold at base, and 1 of 3 directions hold \(2 needed\): participation\.piMin: gift - two-token: goods per head straddles at s-participation\.piMin-0\.25/);
  });

  it('says "no runs for" a missing preset or direction instead of failing; a direction takes the values the sweep has', () => {
    const r = judge({ presets: ['gift', 'two-token', 'peer-bank'], sensitivity: { 'participation.piMin': [0.5] } });
    expect(claim(r, 'C3')).toMatchObject({ verdict: 'undecided', reason: 'no runs for market at base' });
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('undecided');
    expect(c1.directions.map((d) => [d.holds, d.note])).toEqual([
      [true, ''], // piMin: 0.5 is the only value in the sweep
      [false, 'no runs for credit.lambdaDays (no sensitivity point in the sweep), bank.k (no sensitivity point in the sweep)'],
      [false, 'no runs for production.sigma=1'],
    ]);
  });

  it('a test with no data does not hold: C2 without agents.csv is undecided', () => {
    const c2 = claim(winResult, 'C2');
    expect(c2.verdict).toBe('undecided');
    expect(c2.reason).toMatch(/two-token: Spearman\(rho, efficiency\) across producers \(no data, n = 0/);
  });

  it('C2 follows the producers in agents.csv: rho rising with efficiency supports it, falling refutes it', () => {
    // 20 producers, middle-quintile rho 1 + a little: within 0.1 of 1.
    const producers = (sign: number, rep: number): string => agentsCsv(799, Array.from({ length: 20 }, (_, i): [number, number, number, string] =>
      [i, 1 + i, 1 + sign * (i - 9.5) * 0.02 + rep * 0.001, 'producer']));
    const small = { presets: ['two-token', 'peer-bank'], sensitivity: { 'participation.piMin': [0.5, 0.25], 'production.sigma': [1] } };
    expect(claim(judge({ ...small, agents: (_, rep) => producers(1, rep) }), 'C2').verdict).toBe('supported');
    expect(claim(judge({ ...small, agents: (_, rep) => producers(-1, rep) }), 'C2').verdict).toBe('refuted');
  });

  it('C4 measures money against each run\'s own k: on target at k = 30, far off at k = 7 and 90', () => {
    const c4 = claim(winResult, 'C4');
    expect(c4.verdict).toBe('supported');
    expect(test(c4, 'peer-bank: abs(ln(money_ch / (k x flow_ema_ch))), below ln 1.2')).toMatchObject({ predicted: '< 0.182322' });
    expect(test(c4, 'peer-bank: abs(ln(money_ch / (k x flow_ema_ch))), below ln 1.2').mean).toBeCloseTo(Math.log(31 / 30), 3);
    expect(c4.directions[1]).toMatchObject({ holds: false, points: ['s-bank.k-7', 's-bank.k-90'] });
    expect(c4.directions[1]!.note).toMatch(/peer-bank: abs\(ln\(money_ch \/ \(k x flow_ema_ch\)\)\), below ln 1\.2 contrary at s-bank\.k-7/);
  });

  it('C4 on sales: a funded share drifting 5 %/year under the Peer Bank refutes C4', () => {
    const c4 = claim(judge({ sensitivity: BASE_ONLY, tweak: (p) => (p === 'peer-bank' ? { salesTrend: 5 } : undefined) }), 'C4');
    expect(c4.verdict).toBe('refuted');
    expect(test(c4, 'peer-bank: trend of funded_share, %/year')).toMatchObject({ predicted: 'within [-2, 2]', outcome: 'contrary' });
  });

  it('C5\'s participation test is at piMin 0.5: a fall of 0.1 there refutes C5, whatever happens at piMin 1', () => {
    const label = 'two-token at piMin 0.5: fall of pi_mean';
    const c5 = claim(winResult, 'C5');
    expect(c5.verdict).toBe('supported');
    expect(test(c5, label, 's-participation.piMin-0.5')).toMatchObject({ part: 'defaults', predicted: '<= 0.05', holds: true });
    expect(c5.tests.some((t) => t.label === label && t.point !== 's-participation.piMin-0.5')).toBe(false); // moves with no direction
    const fall = claim(judge({ tweak: (p, pt) => (p === 'two-token' && pt.id === 's-participation.piMin-0.5' ? { piLate: 0.9 } : undefined) }), 'C5');
    expect(fall.verdict).toBe('refuted');
    expect(fall.reason).toMatch(/two-token at piMin 0\.5: fall of pi_mean \(mean 0\.1,/);
  });

  it('C5 without a piMin 0.5 point, or with that point outside the viable region, is undecided', () => {
    const none = claim(judge({ sensitivity: { 'production.sigma': [1] } }), 'C5');
    expect(none).toMatchObject({ verdict: 'undecided', reason: 'no runs for participation.piMin=0.5' });
    const outside = claim(judge({ tweak: (p, pt) => (p === 'peer-bank' && pt.id === 's-participation.piMin-0.5' ? OUT : undefined) }), 'C5');
    expect(outside.verdict).toBe('undecided');
    expect(outside.reason).toMatch(/^outside the viable region: peer-bank at s-participation\.piMin-0\.5: 0 of 3 runs viable/);
  });

  it('C5 on price: a markup above market\'s, or one that grows, is refuted', () => {
    const dear = claim(judge({ sensitivity: BASE_ONLY, tweak: (p) => (p === 'peer-bank' ? { markupEarly: 1.2, markupLate: 1.5 } : undefined) }), 'C5');
    expect(dear.verdict).toBe('refuted');
    expect(dear.reason).toContain('peer-bank - market: markup (mean');
    expect(dear.reason).toContain('peer-bank: change of the markup since days 90-454 (mean');
  });

  it('shows beside the tests, per preset: the price index, the token price of an hour, the price trend and output near the floor', () => {
    const rows = winResult.beside;
    const row = (name: string, preset: string) => rows.find((b) => b.name === name && b.preset === preset);
    expect(row('price_level', 'peer-bank')).toMatchObject({ n: 3, mean: 1.05 });
    expect(row('hour_price', 'two-token')).toMatchObject({ n: 3, mean: 1 });
    expect(row('hour_price', 'gift')).toBeUndefined();
    expect(row('output_near_floor', 'gift')).toMatchObject({ n: 3, mean: 0.3 });
    expect(row('price_hours_trend', 'market')!.mean).toBeCloseTo(0, 6); // 40 x 1.3: flat
    const horizon = winResult.notes.find((n) => n.startsWith('horizon: '))!;
    expect(horizon).toMatch(/^horizon: the statistics over W \(goods_per_head, money_gap_ch, .*, pi_fall\) describe the last year of runs of 800 days and depend on the run's length: goods per head converge/);
    expect(horizon).toMatch(/those over the fixed P \(cost_mean_log, cost_fall_rate\) do not$/);
    // 4 presets x 8 points x 3 seeds, all of 800 days:
    expect(winResult.notes).toContain('96 of 96 runs are shorter than 1095 days: their P (cost_mean_log, cost_fall_rate) is days 90 to their last day, not 90-1094, and does not compare with longer runs');
  });

  it('writes claims.json atomically from a sweep folder, the same bytes each time', async () => {
    const dir = join(root, 'win');
    const opts: WorldOpts = { presets: C1_PRESETS, sensitivity: { 'participation.piMin': [0.5] } };
    writeSyntheticSweep(dir, specOf(opts), (p, pt, r) => runOf(p, pt, r, opts));
    const first = await writeClaims(dir);
    const text = readFileSync(join(dir, 'claims.json'), 'utf8');
    expect(text).toBe(claimsJson(first));
    expect(first).toEqual(claimsOf(world(opts))); // the folder and the data in memory agree
    await writeClaims(dir);
    expect(readFileSync(join(dir, 'claims.json'), 'utf8')).toBe(text);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(JSON.parse(text).claims.map((c: ClaimResult) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
  });
});
