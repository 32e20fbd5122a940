/**
 * simulate(scenario, sink, options) -> RunResult: one run of the economy.
 *
 *   scenario (resolved) -> (build agent tables + ledger) -> (day x N: beginDay, PHASES, check, WINDOWS, observe)
 *   -> sink (metrics rows, agents rows, flow cells)
 *
 * The engine imports no Node module: the CLI gives it a sink that writes files, a browser one that
 * draws. Every day ends with the invariants of MODEL.md section 8; a violation throws.
 */
import type { Scenario } from '../scenario/schema.js';
import { COLUMNS } from '../metrics/columns.js';
import { observe } from '../metrics/observe.js';
import { agentRows } from '../metrics/agentRows.js';
import { Invariants } from '../money/invariants.js';
import { CURRENCIES, FLOW_KINDS, SECTORS } from '../money/flows.js';
import { PHASES, WINDOWS } from './phases.js';
import { World } from './world.js';
import type { RunSink } from './sink.js';

export interface SimulateOptions {
  /** Re-derive every balance from the posting log each day (slow; tests use it). */
  audit?: boolean;
  /** Called after each simulated day, for progress bars; `world` is the run's state, to be read, never
   * written (bench/memory.ts weighs it). */
  onDay?: (day: number, days: number, world: World) => void;
}

export interface RunResult {
  days: number;
  agents: number;
  wallMs: number;
}

export function simulate(scenario: Scenario, sink: RunSink, options: SimulateOptions = {}): RunResult {
  const started = performance.now();
  const w = new World(scenario, options.audit === true);
  const invariants = new Invariants();
  const row = new Float64Array(COLUMNS.length);
  const days = scenario.days;
  const every = scenario.observe.agentsEveryDays;
  for (let day = 0; day < days; day++) {
    w.beginDay(day);
    if (day === 0) w.money.init(w); // day 0's flows include what init posts
    for (const phase of PHASES) for (const step of phase.steps) step(w);
    invariants.check(w);
    for (const step of WINDOWS.steps) step(w);
    observe(w, row);
    sink.metrics(row);
    emitFlows(w, sink);
    if ((day + 1) % every === 0 || day === days - 1) agentRows(w, sink);
    w.endDay();
    options.onDay?.(day, days, w);
  }
  return { days, agents: scenario.agents, wallMs: performance.now() - started };
}

function emitFlows(w: World, sink: RunSink): void {
  const L = w.ledger;
  for (let c = 0; c < CURRENCIES.length; c++) {
    for (let k = 0; k < FLOW_KINDS.length; k++) {
      for (let s = 0; s < SECTORS.length; s++) {
        const cell = (c * FLOW_KINDS.length + k) * SECTORS.length + s;
        const paid = L.paid[cell]!;
        const received = L.received[cell]!;
        if (paid !== 0 || received !== 0) sink.flow(w.day, CURRENCIES[c]!, FLOW_KINDS[k]!, SECTORS[s]!, received - paid, paid, received);
      }
    }
  }
}
