/**
 * Test helper: sweep folders in the layout of docs/sweeps.md, built without the sweep runner.
 *
 * - `buildEngineSweep` runs the real engine (writeRun, on this thread, no report) for presets x points
 *   x seeds and writes runs/<preset>/<point>/r<NNN>/{metrics.csv, agents.csv, manifest.json} and a
 *   sweep.json. Replicate r gets seed r + 1 (a stand-in for the runner's replicateSeed).
 * - `writeSyntheticSweep` writes the same layout from hand-made metrics tables, agents.csv texts and
 *   scenarios, where a test needs exact expected values.
 * - `syntheticSweepData` builds the same sweep in memory (plan and digests, as loadSweep gives them),
 *   without writing files: the claims' verdict rules on many sweeps stay fast.
 * - `syntheticTable` is a metrics table with every column of metrics.csv (and the v4 columns), viable
 *   by default (MODEL.md section 13), with the cells a test sets on top.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, simulate, writeRun } from '../../sim/index.js';
import { COLUMNS } from '../../sim/metrics/columns.js';
import type { Manifest } from '../../sim/io/manifest.js';
import { ScenarioSchema } from '../../sim/scenario/schema.js';
import { formatMetricsCsv, type MetricsTable } from '../../sim/io/metricsCsv.js';
import { parseSweepJson } from '../../sim/io/sweepJson.js';
import { digestRun } from '../../sim/analysis/runDigest.js';
import { checkCommonSeeds, type SweepData, type SweptDigest } from '../../sim/analysis/sweepData.js';

export interface PointSpec { id: string; params: Record<string, number>; key?: string; value?: number }

/** The base point and one sensitivity point per key and value, with the ids of docs/sweeps.md. */
export function pointsOf(sensitivity: Record<string, readonly number[]> = {}): PointSpec[] {
  return [{ id: 'base', params: {} }, ...Object.entries(sensitivity).flatMap(([key, values]) =>
    values.map((value) => ({ id: `s-${key}-${value}`, params: { [key]: value }, key, value })))];
}

const runPath = (preset: string, point: string, rep: number): string => `runs/${preset}/${point}/r${String(rep).padStart(3, '0')}`;

/** sweep.json for presets x points x replicates (seed of replicate r: r + 1). */
export function sweepJson(name: string, presets: readonly string[], points: readonly PointSpec[], replicates: number): object {
  const keys = [...new Set(points.flatMap((p) => (p.key === undefined ? [] : [p.key])))];
  return {
    name, file: `${name}.yaml`, fileHash: 'test', baseSeed: 1, replicates, presets, sweptKeys: keys, everyDays: 1, set: [],
    points: points.map((p) => (p.key === undefined
      ? { id: p.id, params: p.params, kind: 'grid' }
      : { id: p.id, params: p.params, kind: 'sensitivity', key: p.key, value: p.value, of: 'base' })),
    runs: presets.flatMap((preset) => points.flatMap((p) => Array.from({ length: replicates }, (_, r) =>
      ({ run: runPath(preset, p.id, r), preset, point: p.id, replicate: r, seed: r + 1, params: p.params })))),
  };
}

export interface EngineSweepSpec {
  presets: readonly string[];
  seeds: number;
  agents: number;
  days: number;
  sensitivity?: Record<string, readonly number[]>;
}

/** Run the engine for every preset, point and seed into a sweep folder at `dir`. */
export async function buildEngineSweep(dir: string, spec: EngineSweepSpec): Promise<void> {
  const points = pointsOf(spec.sensitivity);
  mkdirSync(dir, { recursive: true });
  for (const preset of spec.presets) {
    for (const point of points) {
      for (let r = 0; r < spec.seeds; r++) {
        const set = Object.entries(point.params).map(([k, v]) => `${k}=${v}`);
        const resolved = loadScenario(preset, { overrides: { agents: spec.agents, days: spec.days, seed: r + 1 }, set });
        const out = join(dir, runPath(preset, point.id, r));
        await writeRun(out, resolved, { report: false }, { simulate });
        rmSync(join(out, 'flows.csv')); // sweeps keep no flows.csv
      }
    }
  }
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweepJson('fixture', spec.presets, points, spec.seeds), null, 2));
}

const NAMES = COLUMNS.map((c) => c.name);

/** Cells of a viable day (MODEL.md section 13) that the criteria read. */
const VIABLE: Record<string, number> = {
  exchange_rate: 1, exchange_rate_ref: 1, campaigns_funded: 8, campaigns_refunded: 2, rho_median: 1.1,
  traded_share_ch: 0.2, traded_share_mh: 0.2, idle_ch: 1, idle_mh: 1, capacity_ch: 100, capacity_mh: 100,
  dropout_share: 0.05, pi_mean: 1, goods_total: 1000, copies_per_capita: 1, cost_index: 1,
};

/** A metrics table of `days` days: every column of metrics.csv, viable defaults, then `cells(day)`. */
export function syntheticTable(days: number, cells: (day: number) => Record<string, number> = () => ({})): MetricsTable {
  const rows = Array.from({ length: days }, (_, day) => {
    const r = new Float64Array(NAMES.length).fill(NaN);
    for (const [k, v] of Object.entries({ ...VIABLE, ...cells(day), day })) {
      const j = NAMES.indexOf(k);
      if (j < 0) throw new Error(`syntheticTable: no column ${k}`);
      r[j] = v;
    }
    return r;
  });
  return { columns: [...NAMES], rows };
}

/** An agents.csv text with one snapshot: rows of [agent, efficiency, rho (NaN = empty), status]. */
export function agentsCsv(day: number, producers: readonly [number, number, number, string][]): string {
  const header = 'day,agent,type,efficiency,rho,status';
  const lines = producers.map(([agent, eff, rho, status]) => `${day},${agent},cpu-rich,${eff},${Number.isNaN(rho) ? '' : rho},${status}`);
  return [header, ...lines].join('\n') + '\n';
}

export interface SyntheticRun { table: MetricsTable; agents?: string; scenario?: object }

/** A sweep folder from hand-made runs: `make(preset, point, replicate)`; undefined leaves that run out of the folder (incomplete). */
export function writeSyntheticSweep(
  dir: string,
  spec: { presets: readonly string[]; points: readonly PointSpec[]; replicates: number },
  make: (preset: string, point: PointSpec, rep: number) => SyntheticRun | undefined,
): void {
  mkdirSync(dir, { recursive: true });
  for (const preset of spec.presets) {
    for (const point of spec.points) {
      for (let r = 0; r < spec.replicates; r++) {
        const run = make(preset, point, r);
        if (run === undefined) continue;
        const out = join(dir, runPath(preset, point.id, r));
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'metrics.csv'), formatMetricsCsv(run.table));
        if (run.agents !== undefined) writeFileSync(join(out, 'agents.csv'), run.agents);
        writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestOf(preset, r + 1, run.table.rows.length, run.scenario ?? scenarioOf(preset))));
      }
    }
  }
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweepJson('synthetic', spec.presets, spec.points, spec.replicates), null, 2));
}

/** A run's manifest.json in the shape of sim/io/manifest.ts, around a hand-made scenario (defaults filled by the schema). */
function manifestOf(preset: string, seed: number, days: number, scenario: object): Manifest {
  return {
    name: preset, preset, origin: preset, chain: [preset], seed, agents: 0, days, scenarioHash: 'test', engineVersion: '0.0.0',
    node: 'test', packages: {}, wallMs: { simulate: 0, total: 0 }, created: '2025-01-01T00:00:00.000Z',
    files: ['agents.csv', 'manifest.json', 'metrics.csv'], bytes: {}, scenario: ScenarioSchema.parse({ ...scenario, seed }),
  };
}

/** The institutions of a preset (enough for viability) and the defaults the statistics read. */
export function scenarioOf(preset: string, extra: object = {}): object {
  const institutions = preset === 'gift' ? { money: 'none', inputs: 'donation', pricing: 'free' }
    : preset.startsWith('market') ? { money: 'fixed-stock', inputs: 'auction', pricing: 'markup' }
    : { money: preset === 'peer-bank' ? 'peer-bank' : 'mutual-credit', inputs: 'par', pricing: 'benchmark' };
  return { institutions, pricing: { mu0: 0.05 }, bank: { k: 30 }, ...extra };
}

/** The sweep of writeSyntheticSweep, in memory: the plan and every run's digest, as loadSweep returns them. */
export function syntheticSweepData(
  spec: { presets: readonly string[]; points: readonly PointSpec[]; replicates: number },
  make: (preset: string, point: PointSpec, rep: number) => SyntheticRun | undefined,
): SweepData {
  const plan = parseSweepJson(sweepJson('synthetic', spec.presets, spec.points, spec.replicates), 'sweep.json');
  const digests: SweptDigest[] = [];
  for (const run of plan.runs) {
    const point = spec.points.find((p) => p.id === run.point)!;
    const made = make(run.preset, point, run.replicate);
    if (made === undefined) continue;
    const scenario = ScenarioSchema.parse({ ...(made.scenario ?? scenarioOf(run.preset)), seed: run.seed });
    digests.push({ run, ...digestRun(made.table, made.agents, scenario) });
  }
  const data = { dir: 'synthetic', plan, digests };
  checkCommonSeeds(data);
  return data;
}
