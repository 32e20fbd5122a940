/**
 * simulate(scenario, sink, options) -> RunResult: one run of the economy, day by day.
 * (Being written: the signature is the contract the CLI and reports build on.)
 */
import type { Scenario } from '../scenario/schema.js';
import type { RunSink } from './sink.js';

export interface SimulateOptions {
  /** Re-derive every balance from the posting log each day (slow; tests use it). */
  audit?: boolean;
  /** Called after each simulated day, for progress bars. */
  onDay?: (day: number, days: number) => void;
}

export interface RunResult {
  days: number;
  agents: number;
  wallMs: number;
}

export function simulate(scenario: Scenario, sink: RunSink, options: SimulateOptions = {}): RunResult {
  void scenario; void sink; void options;
  throw new Error('engine not yet written');
}
