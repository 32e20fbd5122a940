import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { planSweep } from '../../sim/sweep/plan.js';
import { buildSpec } from '../../sim/sweep/spec.js';
import { parseSweepJson, sweepHash, sweepJson, unsharded } from '../../sim/io/sweepJson.js';
import { sweepTimings } from '../../sim/io/sweepTimings.js';
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

  it('manifest.json holds no date, timing, worker count or host, so a sweep made anywhere has the same one; timings.json holds them', () => {
    const m = sweepManifest(sweepJson(plan, 'abc'), 8, 0, ['sweep.json', 'manifest.json', 'runs.csv', 'summary.csv', 'timings.json']);
    expect(m).toMatchObject({ name: 'f', fileHash: 'abc', runs: 8, files: ['manifest.json', 'runs.csv', 'summary.csv', 'sweep.json', 'timings.json'] });
    expect(JSON.stringify(m)).not.toMatch(/\d{4}-\d\d-\d\dT|wallMs|created|workers|host/);
    expect(m.node).toBe(process.version);
    expect(SweepManifestSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
    const t = sweepTimings({ created: new Date(0), workers: 2, ran: 3, reused: 5, failed: 0, totalMs: 2000.4, runsMs: 1500, aggregateMs: 400, simulateMs: 2800 });
    expect(t).toMatchObject({ created: '1970-01-01T00:00:00.000Z', workers: 2, ran: 3, reused: 5, wallMs: { total: 2000, runs: 1500, aggregate: 400, simulate: 2800 }, runsPerSecond: 2 });
  });

  it('a shard\'s sweep.json is the whole sweep\'s plus `shard`, and the sweep\'s hash is that of the whole sweep.json', () => {
    const whole = sweepJson(plan, 'abc');
    const shard = { ...whole, shard: { index: 2, count: 3, sweepHash: sweepHash(whole) } };
    expect(sweepHash(shard)).toBe(sweepHash(whole));
    expect(unsharded(shard)).toEqual(whole);
    expect(parseSweepJson(JSON.parse(JSON.stringify(shard)), 'sweep.json')).toEqual(shard);
  });
});
