/**
 * sim/sweep/warmUp: the warm-up runs of a sweep (one tiny run per set of institutions, in plan order,
 * none when there is only one), and that a run made after a warm-up, as a worker makes it (the warm-up
 * first, in a thread's fresh engine), is the run made without one.
 */
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import type { simulate as Simulate } from '../../sim/engine/simulate.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import type { Scenario } from '../../sim/scenario/schema.js';
import { planSweep, scenarioOf } from '../../sim/sweep/plan.js';
import { buildSpec } from '../../sim/sweep/spec.js';
import { WARM_UP_AGENTS, WARM_UP_DAYS, warmUpScenarios } from '../../sim/sweep/warmUp.js';

const planOf = (text: string) => planSweep(buildSpec(parse(text), 'f.yaml', 'f'), (f, o) => resolveScenario(f, 'f.yaml', o));

/** Every metrics row of a run, copied. */
function rowsOf(simulate: typeof Simulate, scenario: Scenario): number[][] {
  const rows: number[][] = [];
  simulate(scenario, { metrics: (row) => rows.push([...row]), agent() {}, flow() {} });
  return rows;
}

/** The engine's modules loaded afresh, as in a new worker thread. */
async function freshEngine(): Promise<{ simulate: typeof Simulate; warmUp: (s: readonly Scenario[]) => void }> {
  vi.resetModules();
  const { simulate } = await import('../../sim/engine/simulate.js');
  const { warmUp } = await import('../../sim/sweep/warmUp.js');
  return { simulate, warmUp };
}

describe('sweep/warmUp', { timeout: 120_000 }, () => {
  it('warms up on the first run of each set of institutions, in plan order, made tiny; not when there is one', () => {
    const plan = planOf('compare: [peer-bank, gift, market]\nseeds: 2\nagents: 40\ndays: 50\nsweep:\n  demand.freeRide: [0.1, 0.3]\n');
    const scenarios = warmUpScenarios(plan.runs, (r) => scenarioOf(plan, r));
    expect(scenarios.map((s) => s.name)).toEqual(['peer-bank', 'gift', 'market']);
    const first = plan.runs.find((r) => r.preset === 'gift')!;
    expect(scenarios[1]).toEqual({ ...scenarioOf(plan, first), agents: WARM_UP_AGENTS, days: WARM_UP_DAYS });
    // Only the runs still to make count: a resumed sweep with one base left warms up on nothing.
    expect(warmUpScenarios(plan.runs.filter((r) => r.preset === 'market'), (r) => scenarioOf(plan, r))).toEqual([]);
    const one = planOf('extends: two-token\nseeds: 3\nagents: 20\ndays: 10\n');
    expect(warmUpScenarios(one.runs, (r) => scenarioOf(one, r))).toEqual([]);
    // One base whose points differ in institutions: a warm-up per money.
    const moneys = planOf('extends: two-token\nseeds: 2\nagents: 20\ndays: 10\nsweep:\n  institutions.money: [mutual-credit, peer-bank]\n');
    expect(warmUpScenarios(moneys.runs, (r) => scenarioOf(moneys, r)).map((s) => s.institutions.money)).toEqual(['mutual-credit', 'peer-bank']);
  });

  it('leaves a run made after it in a fresh thread the same, row for row, and passes over a warm-up that throws', async () => {
    const plan = planOf('compare: [two-token, peer-bank]\nseeds: 1\nagents: 30\ndays: 40\n');
    const run = plan.runs.find((r) => r.preset === 'two-token')!;
    const scenarios = warmUpScenarios(plan.runs, (r) => scenarioOf(plan, r));
    expect(scenarios).toHaveLength(2);
    // A warm-up that throws (here as its World is made: an unknown money), after two that ran.
    const broken = { ...scenarios[1]!, institutions: { ...scenarios[1]!.institutions, money: 'no-such-money' } } as unknown as Scenario;
    // As a worker does it: the warm-up is the first thing the thread's engine runs.
    const warm = await freshEngine();
    warm.warmUp([...scenarios, broken]);
    const after = rowsOf(warm.simulate, scenarioOf(plan, run));
    const cold = await freshEngine();
    expect(() => cold.simulate(broken, { metrics() {}, agent() {}, flow() {} })).toThrow();
    const without = rowsOf((await freshEngine()).simulate, scenarioOf(plan, run));
    expect(after).toEqual(without);
  });
});
