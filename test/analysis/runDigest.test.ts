/**
 * sim/analysis/runDigest and the claims on real engine runs (gift and two-token, 2 seeds, 60 agents,
 * 460 days): the digest's window means agree with metrics.csv read independently, its viability with
 * viability() on the table, its C2 statistics come from the run's agents.csv; and each verdict agrees
 * with the outcomes of its own tests and with whether the defaults are judged.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateClaims } from '../../sim/analysis/claims.js';
import { lastSnapshotProducers, middleQuintileRho } from '../../sim/analysis/producers.js';
import { readRunDigest, viabilityScope } from '../../sim/analysis/runDigest.js';
import { readManifest } from '../../sim/io/manifest.js';
import { readSweepPlan } from '../../sim/analysis/sweepPlan.js';
import { viability } from '../../sim/metrics/viability.js';
import { readMetricsCsv } from '../../sim/io/metricsCsv.js';
import { tempDir } from '../cli/exec.js';
import { buildEngineSweep } from './fixture.js';

const dir = join(tempDir('analysis-digest'), 'sw');
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('analysis/runDigest', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    await buildEngineSweep(dir, { presets: ['gift', 'two-token'], seeds: 2, agents: 60, days: 460 });
  }, 600_000);

  it('window means are the means of the last 365 days, and the viability is that of the table', () => {
    for (const run of readSweepPlan(dir).runs) {
      const d = readRunDigest(join(dir, run.run));
      const table = readMetricsCsv(join(dir, run.run, 'metrics.csv'));
      expect(d.lastDay).toBe(459);
      expect(d.shortWindow).toBe(false);
      for (const name of ['cost_index', 'rho_median', 'copies_per_capita']) {
        const j = table.columns.indexOf(name);
        const xs = table.rows.slice(-365).map((r) => r[j]!).filter(Number.isFinite);
        const want = xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
        if (Number.isNaN(want)) expect(d.windowMeans[name], name).toBeNaN();
        else expect(d.windowMeans[name], name).toBeCloseTo(want, 10);
      }
      const { scenario } = readManifest(join(dir, run.run));
      const failed = viability(table, viabilityScope(scenario)).filter((c) => c.applies && !c.pass).map((c) => c.name);
      expect(d.viabilityFailed).toEqual(failed);
    }
  });

  it('reads the producers of two-token from agents.csv for C2: the middle quintile rho minus 1', () => {
    const run = readSweepPlan(dir).runs.find((r) => r.preset === 'two-token')!;
    const s = readRunDigest(join(dir, run.run)).statistics;
    const producers = lastSnapshotProducers(readFileSync(join(dir, run.run, 'agents.csv'), 'utf8'));
    expect(producers.length).toBeGreaterThan(30);
    expect(Math.abs(s.stat_rho_spearman!)).toBeLessThanOrEqual(1);
    expect(s.stat_rho_mid_gap).toBeCloseTo(middleQuintileRho(producers) - 1, 12);
  });

  it('on real runs, every verdict agrees with its own tests at the defaults', async () => {
    const r = await evaluateClaims(dir);
    expect(r.claims.map((c) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    for (const c of r.claims) {
      const base = c.tests.filter((t) => t.point === 'base');
      if (c.verdict === 'supported') expect(base.every((t) => t.holds), c.id).toBe(true);
      if (c.verdict === 'refuted') expect(base.some((t) => t.outcome === 'contrary'), c.id).toBe(true);
      if (c.verdict === 'not judged') expect(c.reason, c.id).toMatch(/^the defaults are not judged/);
      expect(c.verdict === 'not judged', c.id).toBe(!r.defaults.judged);
      // No direction was run: at most the defaults can speak, so nothing is supported.
      expect(c.verdict, c.id).not.toBe('supported');
    }
    // market and peer-bank were not run: C4 needs them, so it is undecided for want of runs (or not judged).
    if (r.defaults.judged) expect(r.claims[3]!).toMatchObject({ verdict: 'undecided', reason: 'no runs for peer-bank, market at base' });
  });
});
