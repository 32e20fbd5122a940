/**
 * Where a run's observations go. The engine calls a sink; it never touches files, so the same engine
 * runs in a browser. The CLI passes a sink that streams CSV to disk; tests pass one that keeps rows.
 *
 * Arrays passed to a sink are reused by the engine: copy them if you keep them.
 */
export interface RunSink {
  /** One row of metrics.csv, in the order of `COLUMNS` (sim/metrics/columns.ts); NaN = empty cell. */
  metrics(row: Float64Array): void;
  /** One row of agents.csv, in the order of `AGENT_COLUMNS` (sim/metrics/agentColumns.ts). */
  agent(row: Float64Array): void;
  /** One non-empty cell of the day's flow matrix (flows.csv, long format), in milli-tokens: the net
   * amount (received - paid) and the gross amounts the sector paid and received. */
  flow(day: number, currency: string, kind: string, sector: string, amountMilli: number, paidMilli: number, receivedMilli: number): void;
}

/** A sink that keeps everything in memory (tests, notebooks, small runs). */
export interface MemoryRun {
  metrics: Float64Array[];
  agents: Float64Array[];
  flows: { day: number; currency: string; kind: string; sector: string; amountMilli: number; paidMilli: number; receivedMilli: number }[];
}

export function memorySink(): RunSink & { run: MemoryRun } {
  const run: MemoryRun = { metrics: [], agents: [], flows: [] };
  return {
    run,
    metrics: (row) => void run.metrics.push(Float64Array.from(row)),
    agent: (row) => void run.agents.push(Float64Array.from(row)),
    flow: (day, currency, kind, sector, amountMilli, paidMilli, receivedMilli) =>
      void run.flows.push({ day, currency, kind, sector, amountMilli, paidMilli, receivedMilli }),
  };
}

/** A sink that drops every row: for runs made only for their timing or their state (benchmarks, a sweep worker's warm-up). */
export const DROP_ROWS: RunSink = Object.freeze({ metrics() {}, agent() {}, flow() {} });
