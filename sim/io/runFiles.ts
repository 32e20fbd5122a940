/**
 * One simulation streamed to the three CSV files of a run folder: metrics.csv, agents.csv, flows.csv
 * (flows.csv optional: sweeps leave it out).
 *
 * The engine calls a sink and never touches files (sim/engine/sink.ts); this is the sink that writes.
 * Engine arrays are reused, so every row is formatted the moment it arrives. The simulate function is
 * a parameter, so tests can pass a fake one (one that throws half-way, say) without touching the engine.
 */
import { join } from 'node:path';
import type { Scenario } from '../scenario/schema.js';
import type { RunSink } from '../engine/sink.js';
import type { RunResult, SimulateOptions } from '../engine/simulate.js';
import { COLUMNS } from '../metrics/columns.js';
import { AGENT_COLUMNS } from '../metrics/agentColumns.js';
import { CsvWriter, csvText, formatInt, formatMilli } from './csv.js';

export type SimulateFn = (scenario: Scenario, sink: RunSink, options?: SimulateOptions) => RunResult;

export const RUN_FILES = { metrics: 'metrics.csv', agents: 'agents.csv', flows: 'flows.csv' } as const;
/** What a report adds to a run, comparison or sweep folder (sim/report/write.ts). */
export const REPORT_FILES = { html: 'report.html', md: 'report.md', charts: 'charts' } as const;
export const FLOW_HEADER = ['day', 'currency', 'kind', 'sector', 'amount', 'paid', 'received'] as const;

/** Which files to write: flows.csv is the largest and sweeps skip it (docs/sweeps.md). */
export interface RunFileOptions {
  /** Write flows.csv (default true). */
  flows?: boolean;
}

/** Simulate `scenario` and write its CSV files into `dir` (which must exist). Files are closed even on error. */
export function simulateToFiles(
  dir: string,
  scenario: Scenario,
  simulate: SimulateFn,
  options: SimulateOptions = {},
  files: RunFileOptions = {},
): RunResult {
  const writers: CsvWriter[] = [];
  try {
    const metrics = new CsvWriter(join(dir, RUN_FILES.metrics), COLUMNS.map((c) => c.name));
    writers.push(metrics);
    const agents = new CsvWriter(join(dir, RUN_FILES.agents), AGENT_COLUMNS.map((c) => c.name));
    writers.push(agents);
    const flows = files.flows === false ? undefined : new CsvWriter(join(dir, RUN_FILES.flows), FLOW_HEADER);
    if (flows !== undefined) writers.push(flows);
    const sink: RunSink = {
      metrics: (row) => metrics.row(row, COLUMNS),
      agent: (row) => agents.row(row, AGENT_COLUMNS),
      flow: flows === undefined
        ? () => {}
        : (day, currency, kind, sector, amountMilli, paidMilli, receivedMilli) =>
          flows.line(`${formatInt(day)},${csvText(currency)},${csvText(kind)},${csvText(sector)},${formatMilli(amountMilli)},${formatMilli(paidMilli)},${formatMilli(receivedMilli)}`),
    };
    const result = simulate(scenario, sink, options);
    for (const w of writers) w.close();
    return result;
  } finally {
    for (const w of writers) {
      try { w.close(); } catch { /* the first error is the one to report */ }
    }
  }
}
