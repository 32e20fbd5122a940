/**
 * The claims workload of `npm run bench` (bench/claims.ts runs it, bench/engine.ts reports it): the
 * presets of the claims that the bench times, and what it reads of the claims protocol,
 * scenarios/sweeps/claims.yaml (their one home): its summary stride, and how many runs of these presets
 * the protocol makes; and what one measurement of it holds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../sim/scenario/file.js';
import { buildSpec, type SweepSpec } from '../sim/sweep/spec.js';
import { expandPoints } from '../sim/sweep/plan.js';

/** What bench/claims.ts prints of one run of the workload (JSON), and bench/engine.ts reads. */
export interface ClaimsMeasurement {
  runs: number;
  agentDays: number;
  /** CPU seconds of the whole command, every thread. */
  cpuSeconds: number;
  wallSeconds: number;
  maxRssBytes: number;
  /** CPU seconds by thread: the main thread's, then every other's, largest first. */
  threads: { main: number; others: number[] };
}

/** The presets the bench times: the claims' money economies (gift and market-k run cheaper or alike). */
export const CLAIMS_PRESETS = ['market', 'two-token', 'peer-bank'] as const;

function claimsSpec(): SweepSpec {
  const file = fileURLToPath(new URL('../scenarios/sweeps/claims.yaml', import.meta.url));
  return buildSpec(parseScenarioText(readFileSync(file, 'utf8'), file), file, 'claims');
}

/** The claims protocol's summary stride (`aggregate.everyDays`). */
export function claimsEveryDays(): number {
  return claimsSpec().everyDays;
}

/** The protocol's runs of CLAIMS_PRESETS: its seeds x its points (as the sweep expands them: the grid
 * points, each with every value of each sensitivity direction, one key at a time), for each of these
 * presets it compares. */
export function claimsProtocolRuns(): number {
  const spec = claimsSpec();
  if (spec.sample !== undefined) throw new Error('bench: scenarios/sweeps/claims.yaml is a sample design; the bench expects the claims protocol\'s points');
  const points = expandPoints(spec.grid, spec.sensitivity).length;
  return CLAIMS_PRESETS.filter((p) => spec.bases.includes(p)).length * points * spec.replicates;
}
