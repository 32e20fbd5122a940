import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { planSweep } from '../../sim/sweep/plan.js';
import { buildSpec } from '../../sim/sweep/spec.js';
import { parseSweepJson, sweepJson } from '../../sim/io/sweepJson.js';
import { SweepManifestSchema, sweepManifest } from '../../sim/io/sweepManifest.js';

const plan = planSweep(buildSpec(parse('compare: [gift, peer-bank]\nseeds: 2\nsensitivity: { bank.k: [7] }\n'), 'f.yaml', 'f'), (f, o) => resolveScenario(f, 'f.yaml', o));

describe('io/sweepJson and io/sweepManifest', () => {
  it('sweep.json is the plan of docs/sweeps.md, with no dates or timings', () => {
    const json = sweepJson(plan, 'abc') as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['name', 'file', 'fileHash', 'baseSeed', 'replicates', 'presets', 'sweptKeys', 'everyDays', 'set', 'points', 'runs']);
    expect(json).toMatchObject({ name: 'f', file: 'f.yaml', fileHash: 'abc', baseSeed: 1, replicates: 2, presets: ['gift', 'peer-bank'], sweptKeys: ['bank.k'] });
    expect(json['points']).toEqual([
      { id: 'base', params: {}, kind: 'grid' },
      { id: 's-bank.k-7', params: { 'bank.k': 7 }, kind: 'sensitivity', key: 'bank.k', value: 7, of: 'base' },
    ]);
    expect((json['runs'] as unknown[])[0]).toEqual({ run: 'runs/gift/base/r000', preset: 'gift', point: 'base', replicate: 0, seed: plan.runs[0]!.seed, params: {} });
    expect(JSON.stringify(json)).toBe(JSON.stringify(sweepJson(plan, 'abc')));
    expect(JSON.stringify(json)).not.toMatch(/\d{4}-\d\d-\d\dT|wallMs|created/);
    expect(parseSweepJson(JSON.parse(JSON.stringify(json)), 'sweep.json')).toEqual(json); // the reader's schema is the writer's
  });

  it('manifest.json holds what changes between two sweeps of the same file: date, timings, workers', () => {
    const m = sweepManifest(plan, 'abc', { ran: 3, reused: 5, workers: 2 }, { created: new Date(0), totalMs: 2000.4, runsMs: 1500, aggregateMs: 400, simulateMs: 2800 });
    expect(m).toMatchObject({ created: '1970-01-01T00:00:00.000Z', workers: 2, runs: 8, ran: 3, reused: 5, wallMs: { total: 2000, runs: 1500, aggregate: 400, simulate: 2800 }, runsPerSecond: 2 });
    expect(m.node).toBe(process.version);
    expect(SweepManifestSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });
});
