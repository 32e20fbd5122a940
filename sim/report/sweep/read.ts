/**
 * A sweep folder (docs/sweeps.md) read for its report: sweep.json (the plan), manifest.json, runs.csv
 * (one row per run), the fan-chart rows of summary.csv at the reference point, and every run's
 * manifest.json (for the scenario values a point leaves at their default, and for provenance).
 *
 * summary.csv can be large (presets x points x metrics x days), so it is streamed line by line and only
 * the rows a chart draws are kept. Every problem is a ReportError naming the file, and the field or
 * line, before anything is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../io/csvRecords.js';
import { readSummaryRows, SUMMARY_CSV, type SummaryRow } from '../../io/summaryCsv.js';
import { ReportError } from '../errors.js';
import { FAN_METRICS } from './metrics.js';
import { referencePoint } from './plan.js';
import type { SensitivitySection } from './sensitivity.js';
import { readSweepJson, SWEEP_JSON, type SweepJson } from '../../io/sweepJson.js';
import { readSweepManifest, SWEEP_FILES, type SweepManifest } from '../../io/sweepManifest.js';
import { parseRunsCsv, RUNS_CSV, type RunRecord } from '../../io/runsCsv.js';
import { parseManifest, type Manifest } from '../../io/manifest.js';

/** One row of summary.csv: a metric's statistics across replicates on one day. */
export type FanRow = SummaryRow;

/** A run's manifest.json, with the sha256 of its text for the provenance table. */
export type RunManifest = Manifest & { sha256: string };

export interface SweepData {
  plan: SweepJson;
  /** The sweep's manifest.json, if it has one. */
  manifest: SweepManifest | undefined;
  /** sha256 of sweep.json and manifest.json as read. */
  sha256: { sweepJson: string; manifest?: string };
  runs: RunRecord[];
  /** The metric columns of runs.csv, in file order. */
  runMetrics: string[];
  /** The point the fan charts show. */
  refPoint: string;
  fan: FanRow[];
  /** Run folder (as in sweep.json) -> its manifest; runs without one are left out. */
  runManifests: Map<string, RunManifest>;
  /** Optional files present in the folder (compare.csv, claims.json), for the report's links. */
  extraFiles: string[];
  /** A sampled sweep's indices (sensitivity.csv), for the Sensitivity section; set by report/folder.ts. */
  sensitivity?: SensitivitySection;
}

export const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

function readRunManifest(path: string): RunManifest | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  try {
    return { ...parseManifest(text, path), sha256: sha256(text) };
  } catch (error) {
    throw new ReportError((error as Error).message);
  }
}

/** The value of `read()`, with any error it throws turned into a ReportError (exit 2) with the same message. */
async function reported<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw error instanceof ReportError ? error : new ReportError((error as Error).message);
  }
}

/** Read a sweep folder; throws ReportError when a required file is missing or malformed. */
export async function readSweepFolder(dir: string): Promise<SweepData> {
  for (const f of [SWEEP_JSON, RUNS_CSV, SUMMARY_CSV]) {
    if (!existsSync(join(dir, f))) throw new ReportError(`${join(dir, f)}: missing (a sweep folder has sweep.json, runs.csv and summary.csv; is the sweep finished?)`);
  }
  const sweepJson = await reported(() => readSweepJson(dir));
  const { plan } = sweepJson;
  const manifestPath = join(dir, SWEEP_FILES.manifest);
  const sweepManifest = existsSync(manifestPath) ? await reported(() => readSweepManifest(manifestPath)) : undefined;
  const { runs, metrics } = await reported(() => parseRunsCsv(parseCsv(readFileSync(join(dir, RUNS_CSV), 'utf8'), RUNS_CSV), plan));
  const refPoint = referencePoint(plan).id;
  const fan = await reported(() => readSummaryRows(join(dir, SUMMARY_CSV), refPoint, FAN_METRICS));
  const runManifests = new Map<string, RunManifest>();
  for (const r of plan.runs) {
    const m = readRunManifest(join(dir, r.run, 'manifest.json'));
    if (m !== undefined) runManifests.set(r.run, m);
  }
  return {
    plan, manifest: sweepManifest?.manifest,
    sha256: { sweepJson: sha256(sweepJson.text), ...(sweepManifest === undefined ? {} : { manifest: sha256(sweepManifest.text) }) },
    runs, runMetrics: metrics, refPoint, fan, runManifests,
    extraFiles: ['compare.csv', 'claims.json'].filter((f) => existsSync(join(dir, f))),
  };
}
