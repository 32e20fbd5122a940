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
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cellNumber, parseCsv, parseCsvLine } from '../../io/csvRecords.js';
import { parseOrThrow, ReportError } from '../errors.js';
import { FAN_METRICS } from './metrics.js';
import { referencePoint, SweepPlanSchema, type SweepPlan } from './plan.js';
import { parseRunsCsv, type RunRecord } from '../../io/runsCsv.js';
import { parseManifest, type Manifest } from '../../io/manifest.js';

/** One row of summary.csv: a metric's statistics across replicates on one day. */
export interface FanRow { preset: string; metric: string; day: number; n: number; mean: number; lo: number; hi: number }

/** A run's manifest.json, with the sha256 of its text for the provenance table. */
export type RunManifest = Manifest & { sha256: string };

export interface SweepData {
  plan: SweepPlan;
  /** The sweep's manifest.json, if it has one. */
  manifest: Record<string, unknown> | undefined;
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
}

export const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

function readJson(path: string, file: string): { value: unknown; text: string } {
  const text = readFileSync(path, 'utf8');
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch (error) {
    throw new ReportError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function readRunManifest(path: string): RunManifest | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  try {
    return { ...parseManifest(text, path), sha256: sha256(text) };
  } catch (error) {
    throw new ReportError((error as Error).message);
  }
}

const SUMMARY_COLUMNS = ['preset', 'point', 'metric', 'day', 'n', 'mean', 'ci95_lo', 'ci95_hi'] as const;

/** The rows of summary.csv at `point` for the fan metrics. */
export async function readFanRows(path: string, point: string): Promise<FanRow[]> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const rows: FanRow[] = [];
  let at: number[] | undefined;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (at === undefined) {
      const header = parseCsvLine(line);
      const missing = SUMMARY_COLUMNS.filter((c) => !header.includes(c));
      if (missing.length > 0) throw new ReportError(`summary.csv: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (docs/sweeps.md lists the columns)`);
      at = SUMMARY_COLUMNS.map((c) => header.indexOf(c));
      continue;
    }
    if (line === '' || !line.includes(point)) continue;
    const cells = parseCsvLine(line);
    const cell = (i: number): string => cells[at![i]!] ?? '';
    if (cell(1) !== point || !FAN_METRICS.has(cell(2))) continue;
    try {
      const where = `summary.csv line ${lineNo}`;
      rows.push({ preset: cell(0), metric: cell(2), day: cellNumber(cell(3), where), n: cellNumber(cell(4), where),
        mean: cellNumber(cell(5), where), lo: cellNumber(cell(6), where), hi: cellNumber(cell(7), where) });
    } catch (error) {
      throw new ReportError((error as Error).message);
    }
  }
  if (at === undefined) throw new ReportError('summary.csv: the file is empty (expected a header line)');
  return rows;
}

/** Read a sweep folder; throws ReportError when a required file is missing or malformed. */
export async function readSweepFolder(dir: string): Promise<SweepData> {
  for (const f of ['sweep.json', 'runs.csv', 'summary.csv']) {
    if (!existsSync(join(dir, f))) throw new ReportError(`${join(dir, f)}: missing (a sweep folder has sweep.json, runs.csv and summary.csv; is the sweep finished?)`);
  }
  const sweepJson = readJson(join(dir, 'sweep.json'), 'sweep.json');
  const plan = parseOrThrow(SweepPlanSchema, sweepJson.value, join(dir, 'sweep.json'));
  let manifest: Record<string, unknown> | undefined;
  let manifestSha: string | undefined;
  if (existsSync(join(dir, 'manifest.json'))) {
    const m = readJson(join(dir, 'manifest.json'), 'manifest.json');
    if (typeof m.value === 'object' && m.value !== null && !Array.isArray(m.value)) manifest = m.value as Record<string, unknown>;
    manifestSha = sha256(m.text);
  }
  let runsCsv;
  try {
    runsCsv = parseCsv(readFileSync(join(dir, 'runs.csv'), 'utf8'), 'runs.csv');
  } catch (error) {
    throw error instanceof ReportError ? error : new ReportError((error as Error).message);
  }
  let parsed;
  try {
    parsed = parseRunsCsv(runsCsv, plan);
  } catch (error) {
    throw new ReportError((error as Error).message);
  }
  const { runs, metrics } = parsed;
  const refPoint = referencePoint(plan).id;
  const fan = await readFanRows(join(dir, 'summary.csv'), refPoint);
  const runManifests = new Map<string, RunManifest>();
  for (const r of plan.runs) {
    const m = readRunManifest(join(dir, r.run, 'manifest.json'));
    if (m !== undefined) runManifests.set(r.run, m);
  }
  return {
    plan, manifest, sha256: { sweepJson: sha256(sweepJson.text), ...(manifestSha === undefined ? {} : { manifest: manifestSha }) },
    runs, runMetrics: metrics, refPoint, fan, runManifests,
    extraFiles: ['compare.csv', 'claims.json'].filter((f) => existsSync(join(dir, f))),
  };
}
