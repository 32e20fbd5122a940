/**
 * sim/sweep/warmUp: the warm-up runs of a sweep (one tiny run per base, in plan order, none for a
 * single base), and that a run made after a warm-up in the same thread is the run made without one.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import type { RunSink } from '../../sim/engine/sink.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { planSweep, scenarioOf } from '../../sim/sweep/plan.js';
import { buildSpec } from '../../sim/sweep/spec.js';
import { WARM_UP_AGENTS, WARM_UP_DAYS, warmUp, warmUpScenarios } from '../../sim/sweep/warmUp.js';

const planOf = (text: string) => planSweep(buildSpec(parse(text), 'f.yaml', 'f'), (f, o) => resolveScenario(f, 'f.yaml', o));

/** Every metrics row of a run, copied. */
function rowsOf(scenario: Parameters<typeof simulate>[0]): number[][] {
  const rows: number[][] = [];
  const sink: RunSink = { metrics: (row) => rows.push([...row]), agent() {}, flow() {} };
  simulate(scenario, sink);
  return rows;
}

describe('sweep/warmUp', { timeout: 120_000 }, () => {
  it('warms up on the first run of each base, in plan order, made tiny; not for a sweep of one base', () => {
    const plan = planOf('compare: [peer-bank, gift, market]\nseeds: 2\nagents: 40\ndays: 50\nsweep:\n  demand.freeRide: [0.1, 0.3]\n');
    const scenarios = warmUpScenarios(plan.runs, (r) => scenarioOf(plan, r));
    expect(scenarios.map((s) => s.name)).toEqual(['peer-bank', 'gift', 'market']);
    const first = plan.runs.find((r) => r.preset === 'gift')!;
    expect(scenarios[1]).toEqual({ ...scenarioOf(plan, first), agents: WARM_UP_AGENTS, days: WARM_UP_DAYS });
    // Only the runs still to make count: a resumed sweep with one base left warms up on nothing.
    expect(warmUpScenarios(plan.runs.filter((r) => r.preset === 'market'), (r) => scenarioOf(plan, r))).toEqual([]);
    const one = planOf('extends: two-token\nseeds: 3\nagents: 20\ndays: 10\n');
    expect(warmUpScenarios(one.runs, (r) => scenarioOf(one, r))).toEqual([]);
  });

  it('leaves a run made after it the same, row for row, and passes over a warm-up that throws', () => {
    const plan = planOf('compare: [two-token, peer-bank]\nseeds: 1\nagents: 30\ndays: 40\n');
    const run = plan.runs.find((r) => r.preset === 'two-token')!;
    const before = rowsOf(scenarioOf(plan, run));
    const scenarios = warmUpScenarios(plan.runs, (r) => scenarioOf(plan, r));
    expect(scenarios).toHaveLength(2);
    const broken = { ...scenarios[0]!, institutions: { ...scenarios[0]!.institutions, money: 'no-such-money' } } as unknown as (typeof scenarios)[0];
    expect(() => simulate(broken, { metrics() {}, agent() {}, flow() {} })).toThrow();
    warmUp([broken, ...scenarios]);
    expect(rowsOf(scenarioOf(plan, run))).toEqual(before);
  });
});
