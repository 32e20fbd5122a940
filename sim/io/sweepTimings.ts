/**
 * timings.json of a sweep folder (or a shard's): what varies each time a sweep is made, kept out of
 * the deterministic files (sweep.json, manifest.json, runs.csv, summary.csv, the Parquet files, the runs): when, on which
 * host, how many workers, how many runs made, reused or failed, the wall times, and each run made now
 * with its engine time. A merged folder's timings.json holds the merge's own and each shard's.
 * Informative only: nothing reads it back to decide anything.
 */
import { hostname } from 'node:os';

export const TIMINGS_JSON = 'timings.json';

export interface SweepTimings {
  created: string;
  host: string;
  pid: number;
  /** `i/n` for a shard. */
  shard?: string;
  workers: number;
  ran: number;
  reused: number;
  failed: number;
  wallMs: { total: number; runs: number; aggregate: number; simulate: number };
  runsPerSecond: number | null;
  /** Each run made now: its engine time and its whole time (worker, files, manifest), in ms. */
  runTimes: Record<string, { simulate: number; total: number }>;
  /** A merged folder: each shard's timings.json, in the order the shards were named. */
  shards?: unknown[];
}

export interface TimingsInput {
  created: Date;
  shard?: string;
  workers: number;
  ran: number;
  reused: number;
  failed: number;
  totalMs: number;
  /** Wall time of the runs phase and of writing the files. */
  runsMs: number;
  /** Wall time of writing runs.csv, summary.csv and the Parquet files (docs/data.md). */
  aggregateMs: number;
  /** Sum of the engine's wall time over the runs made now. */
  simulateMs: number;
  runTimes?: Record<string, { simulate: number; total: number }>;
  shards?: unknown[];
}

export function sweepTimings(t: TimingsInput): SweepTimings {
  return {
    created: t.created.toISOString(),
    host: hostname(),
    pid: process.pid,
    ...(t.shard === undefined ? {} : { shard: t.shard }),
    workers: t.workers,
    ran: t.ran,
    reused: t.reused,
    failed: t.failed,
    wallMs: { total: Math.round(t.totalMs), runs: Math.round(t.runsMs), aggregate: Math.round(t.aggregateMs), simulate: Math.round(t.simulateMs) },
    runsPerSecond: t.runsMs > 0 ? Number(((t.ran * 1000) / t.runsMs).toFixed(3)) : null,
    runTimes: t.runTimes ?? {},
    ...(t.shards === undefined ? {} : { shards: t.shards }),
  };
}
