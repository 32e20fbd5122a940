/**
 * A sweep worker's warm-up: when the runs still to make have more than one set of institutions (the
 * presets of a comparison, or points that differ in them), each worker thread, before its first run,
 * runs the first run of each set once, tiny (WARM_UP_AGENTS agents x WARM_UP_DAYS days), its rows
 * dropped. Every task carries these scenarios (a few KB each; the thread uses them once), and a
 * thread's first run's `total` in timings.json includes its warm-up (30-75 ms a preset).
 *
 * Why: V8 optimises a function once it is hot, for the types and branches its calls have met so far,
 * and throws the optimised code away (then compiles it again) when a call meets one it has not. A
 * worker whose first runs are `market` optimises the engine for one currency; `two-token` then meets
 * the CH and MH branches, and `peer-bank` the bank's, with no record of them, and most of the day's
 * functions are compiled two or three times. The compiler runs in V8's background threads, but its
 * work is CPU all the same: in the claims workload (market, two-token and peer-bank, 2 seeds, 500 x
 * 1095, one worker) about a third of the whole command's CPU. A tiny run of each first fills in that
 * record in the interpreter, before anything is optimised. Measured on that workload: 486 optimised
 * compilations became 407 and their time fell by about 40 % (`node --single-threaded --trace-opt`),
 * the whole command's CPU by about 10 % (5 alternating pairs). 20 x 30 compiled least of the sizes
 * tried (5 x 10 to 80 x 90): a larger warm-up is hot enough to be optimised itself, a smaller one
 * misses branches. The institutions decide most of the engine's branches, not all of them (a point
 * with production.sigma 1 takes the CES's general form): what a warm-up misses is compiled again, as
 * before.
 *
 * It changes no result: a warm-up run is a run like any other whose rows are dropped, and a run never
 * depends on what ran before it in its thread (the sweep's files are the same bytes whatever the
 * number of workers and the order runs finish in; test/sweep/warmUp.test.ts checks a run made after a
 * warm-up). A warm-up that throws is passed over: it only leaves V8 less to go on, and the runs report
 * their own errors.
 */
import { simulate } from '../engine/simulate.js';
import { DROP_ROWS } from '../engine/sink.js';
import type { Scenario } from '../scenario/schema.js';
import type { PlannedRun } from './plan.js';

export const WARM_UP_AGENTS = 20;
export const WARM_UP_DAYS = 30;

/**
 * The warm-up runs of a sweep's `pending` runs, whose scenarios `scenarioOf` gives (plan.ts: this
 * module is the worker's, which loads no scenario code): the first run of each set of institutions
 * (money, inputs, pricing: what decides most of the engine's branches), in plan order, made tiny; none
 * when the runs all have the same (their first run meets the branches the rest will).
 */
export function warmUpScenarios(pending: readonly PlannedRun[], scenarioOf: (run: PlannedRun) => Scenario): Scenario[] {
  const first = new Map<string, Scenario>();
  for (const run of pending) {
    const scenario = scenarioOf(run);
    const { money, inputs, pricing } = scenario.institutions;
    const key = `${money}/${inputs}/${pricing}`;
    if (!first.has(key)) first.set(key, scenario);
  }
  if (first.size < 2) return [];
  return [...first.values()].map((scenario) => ({ ...scenario, agents: WARM_UP_AGENTS, days: WARM_UP_DAYS }));
}

/** Run each scenario once, its rows dropped (see the module comment); a failing one is passed over. */
export function warmUp(scenarios: readonly Scenario[]): void {
  for (const scenario of scenarios) {
    try {
      simulate(scenario, DROP_ROWS);
    } catch {
      // Only V8's record of the code is at stake: the runs report their own errors.
    }
  }
}
