/**
 * Sweep folders for the report tests, written by hand in the formats of docs/sweeps.md (the sweep runner
 * lives on another branch): sweep.json, manifest.json, runs.csv, summary.csv, one manifest.json per run
 * (with a resolved scenario holding the defaults), and optionally claims.json.
 *
 * The numbers are smooth formulas of the preset, the point's values and the replicate, so charts have
 * something to draw; tests compute what they expect from the written files, never from these formulas.
 * The same options write byte-identical folders.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { END_METRICS, FAN_METRICS } from '../../../sim/report/sweep/metrics.js';
import type { Manifest } from '../../../sim/io/manifest.js';
import type { SweepManifest } from '../../../sim/io/sweepManifest.js';
import { ScenarioSchema } from '../../../sim/scenario/schema.js';

export type Value = number | string;

export interface FixtureOptions {
  name?: string;
  presets: string[];
  /** Grid keys and their values, in file order (none: a single `base` point). */
  grid?: Record<string, Value[]>;
  /** Sensitivity keys varied one at a time around `base` (only without a grid). */
  sensitivity?: Record<string, Value[]>;
  replicates: number;
  days: number;
  everyDays?: number;
  /** Scenario values where a point sets nothing (written into each run's manifest). */
  defaults?: Record<string, Value>;
  claims?: unknown;
  /** Leave out the sweep's manifest.json. */
  noManifest?: boolean;
}

interface Point { id: string; params: Record<string, Value>; kind: 'grid' | 'sensitivity'; key?: string; value?: Value; of?: string }

const pad = (n: number): string => String(n).padStart(3, '0');
const num = (v: Value | undefined, fallback: number): number => (typeof v === 'number' ? v : fallback);

export function points(opts: FixtureOptions): Point[] {
  const keys = Object.keys(opts.grid ?? {});
  if (keys.length === 0) {
    const sens = Object.entries(opts.sensitivity ?? {}).flatMap(([key, values]) =>
      values.map((value): Point => ({ id: `s-${key}-${value}`, params: { [key]: value }, kind: 'sensitivity', key, value, of: 'base' })));
    return [{ id: 'base', params: {}, kind: 'grid' }, ...sens];
  }
  let combos: Record<string, Value>[] = [{}];
  for (const k of keys) combos = combos.flatMap((c) => (opts.grid?.[k] ?? []).map((v) => ({ ...c, [k]: v })));
  return combos.map((params, i) => ({ id: `p${pad(i)}`, params, kind: 'grid' }));
}

/** A run's window mean of `metric`: NaN for money in gift, else a smooth function of everything. */
function metricValue(metric: string, presetIndex: number, preset: string, params: Record<string, Value>, r: number, i: number): number {
  if (preset === 'gift' && metric.startsWith('money_')) return NaN;
  const xs = Object.values(params).map((v, j) => num(v, 3 + j));
  const shift = xs.reduce((a, x, j) => a + x * (j + 1), 0);
  return Number((10 * (presetIndex + 1) + (i + 1) * 0.5 + 0.1 * shift + 0.37 * Math.sin(r * 1.7 + i)).toPrecision(6));
}

function setPath(obj: Record<string, unknown>, key: string, value: Value): void {
  const parts = key.split('.');
  let at = obj;
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[parts[parts.length - 1]!] = value;
}

export function writeSweepFixture(dir: string, opts: FixtureOptions): void {
  const pts = points(opts);
  const sweptKeys = [...Object.keys(opts.grid ?? {}), ...Object.keys(opts.sensitivity ?? {})];
  const seedOf = (r: number): number => 1000 + 7 * r;
  const runs = opts.presets.flatMap((preset) => pts.flatMap((p) => Array.from({ length: opts.replicates }, (_, r) => ({
    run: `runs/${preset}/${p.id}/r${pad(r)}`, preset, point: p.id, replicate: r, seed: seedOf(r), params: p.params,
  }))));
  const plan = { name: opts.name ?? 'fixture', file: 'sweeps/fixture.yaml', fileHash: 'ab'.repeat(32), baseSeed: 1, replicates: opts.replicates,
    presets: opts.presets, sweptKeys, everyDays: opts.everyDays ?? 1, set: [], points: pts, runs };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(plan, null, 2) + '\n');
  if (opts.noManifest !== true) {
    const manifest: SweepManifest = {
      name: plan.name, file: plan.file, fileHash: plan.fileHash, created: '2025-01-02T03:04:05.000Z', engineVersion: '0.1.0', node: 'v20.0.0',
      packages: {}, workers: 2, runs: runs.length, ran: runs.length, reused: 0, wallMs: { total: 1234, runs: 1000, aggregate: 200, simulate: 1900 },
      runsPerSecond: 1.5, files: ['manifest.json', 'runs.csv', 'summary.csv', 'sweep.json'],
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  const metrics = END_METRICS.map((m) => m.metric);
  const lines = [['run', 'preset', 'point', 'replicate', 'seed', ...sweptKeys, 'viable', 'viability_failed', ...metrics, 'stat_growth'].join(',')];
  for (const run of runs) {
    const pi = opts.presets.indexOf(run.preset);
    const viable = run.replicate === 0 && run.preset === opts.presets[0] ? ['0', 'producers out;funded share'] : ['1', ''];
    const values = metrics.map((m, i) => metricValue(m, pi, run.preset, run.params, run.replicate, i));
    lines.push([run.run, run.preset, run.point, run.replicate, run.seed, ...sweptKeys.map((k) => run.params[k] ?? ''), ...viable,
      ...values.map((v) => (Number.isNaN(v) ? '' : String(v))), '0.5'].map(String).map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
    const scenario: Record<string, unknown> = { name: run.preset, seed: run.seed, days: opts.days };
    for (const [k, v] of Object.entries({ ...opts.defaults, ...run.params })) setPath(scenario, k, v);
    const runDir = join(dir, run.run);
    mkdirSync(runDir, { recursive: true });
    const hash = createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
    const manifest: Manifest = {
      name: run.preset, preset: run.preset, origin: 'sweeps/fixture.yaml', chain: [run.preset], seed: run.seed, agents: 100, days: opts.days,
      scenarioHash: hash, engineVersion: '0.1.0', node: 'v20.0.0', packages: {}, wallMs: { simulate: 1, total: 2 },
      created: '2025-01-02T03:04:05.000Z', files: ['agents.csv', 'manifest.json', 'metrics.csv'], bytes: {}, scenario: ScenarioSchema.parse(scenario),
    };
    writeFileSync(join(runDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  writeFileSync(join(dir, 'runs.csv'), lines.join('\n') + '\n');
  const stride = opts.everyDays ?? 1;
  const summary = [['preset', 'point', ...sweptKeys, 'metric', 'day', 'n', 'mean', 'sd', 'ci95_lo', 'ci95_hi', 'q05', 'q25', 'q50', 'q75', 'q95'].join(',')];
  for (const [pi, preset] of opts.presets.entries()) for (const p of pts) for (const metric of FAN_METRICS) {
    if (preset === 'gift' && metric.startsWith('money_')) continue;
    for (let day = 0; day < opts.days; day += stride) {
      const mean = Number((5 * (pi + 1) + Math.sin(day / 11 + pi) + day / 50).toPrecision(6));
      const half = Number((0.2 + 0.1 * pi).toPrecision(6));
      summary.push([preset, p.id, ...sweptKeys.map((k) => p.params[k] ?? ''), metric, day, opts.replicates, mean, half, mean - half, mean + half,
        mean - 2 * half, mean - half, mean, mean + half, mean + 2 * half].map((c) => String(typeof c === 'number' ? Number(c.toPrecision(6)) : c)).join(','));
    }
  }
  writeFileSync(join(dir, 'summary.csv'), summary.join('\n') + '\n');
  if (opts.claims !== undefined) writeFileSync(join(dir, 'claims.json'), JSON.stringify(opts.claims, null, 2) + '\n');
}

/** A claims result in the shape of docs/sweeps.md (claims v2, MODEL.md v4 section 9). */
export function claimsFixture(): unknown {
  return {
    protocol: 'MODEL.md section 9', sweep: 'fixture', point: 'base', window: 'W: the last 365 days of each run; P: days 90-1094',
    defaults: { judged: true, failures: [] }, notes: ['horizon: the statistics over W depend on the run\'s length'],
    claims: [
      { id: 'C1', title: 'giving away is unsustainable', verdict: 'supported', reason: 'all 4 tests hold at base, and 2 of 3 directions hold (2 needed)',
        tests: [{ label: 'gift - two-token: goods per head', statistic: 'stat_goods_per_head', predicted: '< 0', point: 'base', part: 'defaults', presets: ['gift', 'two-token'], runs: 'viable', n: 3,
          mean: -0.1, ci95_lo: -0.2, ci95_hi: -0.05, holds: true, outcome: 'holds' }],
        directions: [{ direction: 'participation.piMin', points: ['s-participation.piMin-0.5'], holds: true, note: '' }] },
      { id: 'C4', title: 'the Peer Bank tracks capacity', verdict: 'undecided', reason: 'at base, 1 of 4 tests are not wholly on the predicted side',
        tests: [{ label: 'peer-bank: trend of funded_share, %/year', statistic: 'stat_sales_trend', predicted: 'within [-2, 2]', point: 'base', part: 'defaults', presets: ['peer-bank'], runs: 'all', n: 1,
          mean: 0.31, ci95_lo: null, ci95_hi: null, holds: false, outcome: 'no data' }],
        directions: [] },
    ],
    beside: [{ name: 'hour_price', label: 'token price of an hour', unit: 'tokens per MH', note: '1 at par', preset: 'peer-bank', n: 3, mean: 1, ci95_lo: 1, ci95_hi: 1 }],
  };
}
