/**
 * Every sweep file in scenarios/sweeps/ is a test (as every scenario file is): it must validate, expand
 * to the points it documents, and run end to end in a tiny version (2 seeds, 30 agents, 60 days; a
 * sample design with N = 2).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../sim/scenario/generate.js';
import { loadSweep } from '../../sim/sweep/load.js';
import { sweep } from '../../sim/sweep/run.js';

const dir = join(REPO_ROOT, 'scenarios', 'sweeps');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const out = mkdtempSync(join(tmpdir(), 'abundance-sweep-files-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const TINY = { replicates: 2, set: ['agents=30', 'days=60'], sampleN: 2 };

describe('scenarios/sweeps/', { timeout: 300_000 }, () => {
  it('has the claims protocol, its small version and examples', () => {
    expect(files).toEqual(expect.arrayContaining(['claims.yaml', 'claims-small.yaml', 'bank-k.yaml']));
  });

  it('claims.yaml and claims-small.yaml are the MODEL.md section 9 protocol: five presets, the defaults and the directions the scan chose', () => {
    const plans = (['claims.yaml', 'claims-small.yaml'] as const).map((file) => loadSweep(join(dir, file)).plan);
    for (const [plan, seeds] of [[plans[0]!, 30], [plans[1]!, 3]] as const) {
      expect(plan.presets).toEqual(['gift', 'market', 'market-k', 'two-token', 'peer-bank']);
      const ids = plan.points.map((p) => p.id);
      // Always: the defaults, piMin 0.5 (C5's participation test) and sigma 1; the rest are the scan's.
      expect(ids[0]).toBe('base');
      expect(ids).toContain('s-participation.piMin-0.5');
      expect(ids).toContain('s-production.sigma-1');
      for (const id of ids.slice(1)) expect(id).toMatch(/^s-(participation\.piMin|bank\.k|credit\.lambdaDays|production\.sigma)-/);
      expect(plan.replicates).toBe(seeds);
      expect(plan.runs).toHaveLength(5 * ids.length * seeds);
      const scenario = plan.scenarios.get('peer-bank/base')!.scenario;
      expect(scenario.days).toBeGreaterThanOrEqual(1095); // P (days 90-1094) whole
    }
    // npm start's small file follows the same points.
    expect(plans[1]!.points.map((p) => p.id)).toEqual(plans[0]!.points.map((p) => p.id));
  });

  it('bank-k.yaml is the grid it documents', () => {
    const { plan } = loadSweep(join(dir, 'bank-k.yaml'));
    expect(plan.points).toHaveLength(12);
    expect(plan.points[1]!.params).toEqual({ 'bank.k': 7, 'demurrage.rate': 0.04 });
    expect(plan.points[11]!.params).toEqual({ 'bank.k': 90, 'demurrage.rate': 0.12 });
  });

  it('sensitivity-claims.yaml is the design it documents: 10 assumptions, N = 32, 704 points on 2 seeds of peer-bank', () => {
    const { plan } = loadSweep(join(dir, 'sensitivity-claims.yaml'));
    expect(plan.sample).toMatchObject({ method: 'sobol', n: 32 });
    expect(plan.sample!.params).toHaveLength(10);
    expect(plan.presets).toEqual(['peer-bank']);
    expect(plan.points).toHaveLength(32 * (2 * 10 + 2));
    expect(plan.runs).toHaveLength(704 * 2);
    expect(plan.scenarios.get('peer-bank/sobol-00001')!.scenario.days).toBeGreaterThanOrEqual(1095); // P whole
  });

  it.each(files)('%s validates, expands and runs a tiny version (2 seeds, 30 agents, 60 days)', async (file) => {
    const full = loadSweep(join(dir, file));
    expect(full.plan.runs.length).toBeGreaterThan(0);
    const tiny = loadSweep(join(dir, file), TINY).plan;
    const r = await sweep(join(dir, file), { ...TINY, out: join(out, file), workers: 2 });
    const rows = readFileSync(join(r.dir, 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(rows).toHaveLength(1 + tiny.presets.length * tiny.points.length * 2);
    expect(readFileSync(join(r.dir, 'summary.csv'), 'utf8').split('\n').length).toBeGreaterThan(tiny.points.length);
    expect(JSON.parse(readFileSync(r.files.timings, 'utf8')).ran).toBe(rows.length - 1);
  });
});
