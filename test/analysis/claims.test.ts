/**
 * sim/analysis/claims on synthetic sweeps: the verdict follows the data (it flips when the data flip),
 * a run that fails viability stops a verdict, missing presets or directions leave a claim undecided,
 * and claims.json is written atomically and deterministically.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsJson, evaluateClaims, writeClaims, type ClaimResult, type ClaimsResult } from '../../sim/analysis/claims.js';
import { tempDir } from '../cli/exec.js';
import { agentsCsv, pointsOf, scenarioOf, syntheticTable, writeSyntheticSweep, type PointSpec } from './fixture.js';

const root = tempDir('analysis-claims');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ALL = ['gift', 'market', 'two-token', 'peer-bank'];
const C1_PRESETS = ['gift', 'two-token', 'peer-bank'];
const DIRECTIONS = { 'participation.piMin': [0.5, 0.25], 'bank.k': [7, 90], 'credit.lambdaDays': [7, 90], 'production.sigma': [1] };
const BASE_ONLY = {};
const year = (d: number): number => d / 365;

/** Knobs of one run: rates per year and levels; `rep` adds a little spread across seeds. */
interface Knobs { growth: number; copies: number; costFall: number; priceTrend: number; hoursTrend: number; rho: number; money: number; dropout: number }

/** A world where the token economies do better than gift on every C1 statistic. */
function tokensWin(preset: string): Knobs {
  const gift = preset === 'gift';
  return {
    growth: gift ? 0.1 : 0.3, copies: gift ? 1 : 2, costFall: gift ? 0.05 : preset === 'market' ? 0.1 : 0.2,
    priceTrend: preset === 'market' ? -5 : 0.5, hoursTrend: -10, rho: 1.1, money: 31, dropout: 0.05,
  };
}

type Tweak = (preset: string, point: PointSpec, rep: number, k: Knobs) => Partial<Knobs> | undefined;

function sweep(name: string, opts: { presets?: string[]; sensitivity?: Record<string, number[]>; tweak?: Tweak; agents?: (preset: string, rep: number) => string } = {}): string {
  const dir = join(root, name);
  const presets = opts.presets ?? ALL;
  writeSyntheticSweep(dir, { presets, points: pointsOf(opts.sensitivity ?? DIRECTIONS), replicates: 3 }, (preset, point, rep) => {
    const base = tokensWin(preset);
    const k = { ...base, ...opts.tweak?.(preset, point, rep, base) };
    const e = (rep - 1) * 0.01; // spread across seeds
    const money = preset !== 'gift';
    const table = syntheticTable(460, (d) => ({
      goods_total: 100 * Math.exp((k.growth + e) * year(d)),
      copies_per_capita: k.copies + e,
      cost_index: Math.exp(-(k.costFall + e) * year(d)),
      dropout_share: k.dropout,
      rho_median: k.rho + e,
      ...(money ? {
        price_level: 1.05 * Math.exp(((k.priceTrend + 10 * e) / 100) * year(d)),
        price_hours_per_good: 40 * Math.exp(((k.hoursTrend + 10 * e) / 100) * year(d)),
        money_ch: (k.money + 10 * e) * 10, flow_ema_ch: 10, money_mh: (k.money + 10 * e) * 10, flow_ema_mh: 10,
      } : {}),
    }));
    const scenario = scenarioOf(preset, { bank: { k: point.key === 'bank.k' ? point.value : 30 } });
    return { table, scenario, ...(opts.agents === undefined ? {} : { agents: opts.agents(preset, rep) }) };
  });
  return dir;
}

const claim = (r: ClaimsResult, id: string): ClaimResult => r.claims.find((c) => c.id === id)!;

describe('analysis/claims', () => {
  let win: string; // every preset, every direction, token economies ahead
  let winResult: ClaimsResult;
  beforeAll(async () => {
    win = sweep('win');
    winResult = await evaluateClaims(win);
  });

  it('C1 is supported when gift is behind the token economies at the defaults and in every direction', async () => {
    const r = winResult;
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('supported');
    expect(c1.reason).toBe('all 6 tests hold at base, and 3 of 3 directions hold (2 needed)');
    const t = c1.tests.find((x) => x.label === 'gift - two-token: goods_total growth' && x.point === 'base')!;
    expect(t).toMatchObject({ statistic: 'stat_goods_growth', predicted: '< 0', n: 3, holds: true, outcome: 'holds' });
    expect(t.mean).toBeCloseTo(-0.2, 5);
    expect(c1.directions.map((d) => [d.direction, d.points, d.holds])).toEqual([
      ['participation.piMin', ['s-participation.piMin-0.5', 's-participation.piMin-0.25'], true],
      ['bank.k (peer-bank) / credit.lambdaDays (two-token)', ['s-credit.lambdaDays-7', 's-credit.lambdaDays-90', 's-bank.k-7', 's-bank.k-90'], true],
      ['production.sigma', ['s-production.sigma-1'], true],
    ]);
    expect(r).toMatchObject({ protocol: 'MODEL.md section 9', point: 'base', notes: [] });
  });

  it('the verdict comes from the data: the same sweep with gift ahead refutes C1', async () => {
    const r = await evaluateClaims(sweep('flip', { sensitivity: BASE_ONLY, tweak: (p) => (p === 'gift' ? { growth: 0.5, copies: 3, costFall: 0.4 } : undefined) }));
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('refuted');
    expect(c1.reason).toMatch(/^wholly on the other side at base: gift - two-token: goods_total growth \(mean 0\.2, 95 % CI \[/);
    expect(claim(r, 'C3').verdict).toBe('refuted'); // token economies' cost falls slower than gift's now
  });

  it('does not judge a claim when a run behind it fails viability, and names the criterion and the count', async () => {
    const r = await evaluateClaims(sweep('dropout', { sensitivity: BASE_ONLY, tweak: (p, pt, rep) => (p === 'two-token' && pt.id === 'base' && rep === 1 ? { dropout: 0.3 } : undefined) }));
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('not judged');
    expect(c1.reason).toBe('runs fail viability (MODEL.md section 13): producers out in 1 of 3 runs of two-token at base');
    expect(claim(r, 'C4').verdict).not.toBe('not judged'); // C4 has no test on two-token
  });

  it('a direction whose runs fail viability does not hold, but two others still support the claim', async () => {
    const r = await evaluateClaims(sweep('dir-dropout', { presets: C1_PRESETS, tweak: (p, pt) => (p === 'two-token' && pt.id === 's-participation.piMin-0.25' ? { dropout: 0.25 } : undefined) }));
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('supported');
    expect(c1.directions[0]).toMatchObject({ holds: false, note: 'not judged: viability fails: producers out in 3 of 3 runs of two-token at s-participation.piMin-0.25' });
  });

  it('holding at the defaults in only one direction leaves the claim undecided', async () => {
    const turn = (pt: PointSpec): boolean => pt.key === 'participation.piMin' || pt.key === 'production.sigma';
    // gift - token growth = -0.1, 0, 0.1 across seeds at those points: the interval straddles 0.
    const r = await evaluateClaims(sweep('one-direction', { presets: C1_PRESETS, tweak: (p, pt, rep) => (p === 'gift' && turn(pt) ? { growth: 0.3 + (rep - 1) * 0.1 } : undefined) }));
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('undecided');
    expect(c1.reason).toMatch(/^all 6 tests hold at base, and 1 of 3 directions hold \(2 needed\): participation\.piMin: gift - two-token: goods_total growth straddles at s-participation\.piMin-0\.5/);
  });

  it('says "no runs for" a missing preset or direction instead of failing', async () => {
    const r = await evaluateClaims(sweep('no-market', { presets: ['gift', 'two-token', 'peer-bank'], sensitivity: { 'participation.piMin': [0.5] } }));
    expect(claim(r, 'C3')).toMatchObject({ verdict: 'undecided', reason: 'no runs for market at base' });
    const c1 = claim(r, 'C1');
    expect(c1.verdict).toBe('undecided');
    expect(c1.directions.map((d) => d.note)).toEqual([
      'no runs for participation.piMin=0.25',
      'no runs for credit.lambdaDays=7, credit.lambdaDays=90, bank.k=7, bank.k=90',
      'no runs for production.sigma=1',
    ]);
  });

  it('C2 follows the producers in agents.csv: rho rising with efficiency supports it, falling refutes it', async () => {
    // 20 producers, middle-quintile rho 1.05 + a little: within 0.1 of 1 + mu0.
    const producers = (sign: number, rep: number): string => agentsCsv(459, Array.from({ length: 20 }, (_, i): [number, number, number, string] =>
      [i, 1 + i, 1.05 + sign * (i - 9.5) * 0.02 + rep * 0.001, 'producer']));
    const small = { presets: ['two-token', 'peer-bank'], sensitivity: { 'participation.piMin': [0.5, 0.25], 'production.sigma': [1] } };
    const up = await evaluateClaims(sweep('c2-up', { ...small, agents: (_, rep) => producers(1, rep) }));
    expect(claim(up, 'C2').verdict).toBe('supported');
    const down = await evaluateClaims(sweep('c2-down', { ...small, agents: (_, rep) => producers(-1, rep) }));
    expect(claim(down, 'C2').verdict).toBe('refuted');
    const none = winResult; // no agents.csv
    expect(claim(none, 'C2').reason).toMatch(/no interval, n = 0/);
  });

  it('C4 measures money against each run\'s own k: on target at k = 30, far off at k = 7 and 90', async () => {
    const c4 = claim(winResult, 'C4');
    expect(c4.verdict).toBe('supported');
    expect(c4.directions[1]).toMatchObject({ holds: false, points: ['s-bank.k-7', 's-bank.k-90'] });
    expect(c4.directions[1]!.note).toMatch(/peer-bank: mean abs\(money \/ flow_ema - k\) \/ k contrary at s-bank.k-7/);
  });

  it('writes claims.json atomically, the same bytes each time', async () => {
    const dir = win;
    const first = await writeClaims(dir);
    const text = readFileSync(join(dir, 'claims.json'), 'utf8');
    expect(text).toBe(claimsJson(first));
    await writeClaims(dir);
    expect(readFileSync(join(dir, 'claims.json'), 'utf8')).toBe(text);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(JSON.parse(text).claims.map((c: ClaimResult) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
  });
});
