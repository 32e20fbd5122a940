/**
 * `abundance report <dir>`: (re)write the report of a folder from its files alone. Three kinds:
 *
 *   sweep       sweep.json, runs.csv, summary.csv -> claims.json (the verdicts of MODEL.md section 9,
 *               evaluated anew from the runs: sim/analysis/claims.ts) and the sweep report; for a
 *               sampled sweep its Sensitivity section, from sensitivity.csv (computed and written by
 *               sim/analysis/sensitivity.ts when the folder has none)
 *   comparison  manifest.json listing `presets` and `runs` (compare-presets)  -> the comparison report
 *   run         manifest.json + metrics.csv (a run folder)                    -> the run report
 *
 * A run or comparison report comes out byte-identical to the one written with the folder, since both
 * are built by runInput.ts from the same facts. Every input is read and checked first; a problem is a
 * ReportError or AnalysisError (exit 2) and nothing is written. A sweep's claims.json is committed with
 * the report files, after every chart has rendered (sim/report/output.ts), so a failure at any point
 * leaves the folder as it was.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { quoteChoices } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';
import { ClaimsResultSchema, type ClaimsResult } from './claims.js';
import { CLAIMS_FILE, claimsJson, evaluateClaims } from '../analysis/claims.js';
import { designMeans, sensitivity } from '../analysis/sensitivity.js';
import { isSensitivityCsv, readSensitivityCsv, SENSITIVITY_CSV, sensitivityCsv } from '../io/sensitivityCsv.js';
import { parseOrThrow, ReportError } from './errors.js';
import { ComparisonManifestSchema } from '../io/comparisonManifest.js';
import { outputKindOf } from '../io/outputPath.js';
import { ManifestSchema } from '../io/manifest.js';
import { comparisonReportInput, runReportInput } from './runInput.js';
import { readSweepFolder } from './sweep/read.js';
import { parseMetricsCsv, type MetricsTable } from '../io/metricsCsv.js';
import { writeReport, writeSweepReport } from './write.js';

export type FolderKind = 'sweep' | 'comparison' | 'run';

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ReportError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

function readTable(path: string): MetricsTable {
  if (!existsSync(path)) throw new ReportError(`${path}: missing (a run folder has metrics.csv)`);
  try {
    return parseMetricsCsv(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReportError(`${path}: ${(error as Error).message}`);
  }
}

/** The folder must exist; a mistyped name gets a did-you-mean from its siblings. */
export function checkFolder(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new ReportError(`${dir}: not a folder`);
    return;
  }
  const parent = dirname(dir);
  const siblings = existsSync(parent) && statSync(parent).isDirectory()
    ? readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  const guess = closest(basename(dir), siblings).map((s) => join(parent, s));
  throw new ReportError(`${dir}: no such folder${guess.length > 0 ? `; did you mean ${quoteChoices(guess)}?` : ''}`);
}

/** What kind of folder `dir` is; a ReportError if none. */
export function folderKind(dir: string): FolderKind {
  checkFolder(dir);
  const kind = outputKindOf(dir);
  if (kind === 'sweep' || kind === 'comparison') return kind;
  // A malformed marker file is still read as its kind, so that reading it names the field.
  if (existsSync(join(dir, 'sweep.json'))) return 'sweep';
  if (existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'metrics.csv'))) return 'run';
  throw new ReportError(`${dir}: not a run, comparison or sweep folder (expected sweep.json, or manifest.json with metrics.csv, or a compare-presets manifest.json listing presets and runs)`);
}

/** `<dir>/claims.json` checked against the claims.json format, or undefined when there is none. */
export function readClaims(dir: string): ClaimsResult | undefined {
  const path = join(dir, 'claims.json');
  if (!existsSync(path)) return undefined;
  return parseOrThrow(ClaimsResultSchema, readJsonFile(path), path);
}

/** Rebuild the report of `dir`; returns its kind and the files written. */
export async function reportFolder(dir: string): Promise<{ kind: FolderKind; files: string[] }> {
  const kind = folderKind(dir);
  if (kind === 'sweep') {
    const data = await readSweepFolder(dir);
    const extra = new Map<string, string>();
    let claims: ClaimsResult | undefined;
    if (data.plan.sample === undefined) {
      // claims.json from the runs themselves, never from an old file; written only with the report
      const text = claimsJson(await evaluateClaims(dir));
      claims = parseOrThrow(ClaimsResultSchema, JSON.parse(text) as unknown, join(dir, CLAIMS_FILE));
      if (!data.extraFiles.includes(CLAIMS_FILE)) data.extraFiles = ['compare.csv', CLAIMS_FILE].filter((f) => f === CLAIMS_FILE || data.extraFiles.includes(f));
      extra.set(CLAIMS_FILE, text);
    } else {
      // A sampled sweep judges no claim (sweep/sensitivity.ts, sensitivityAnswer): its answer is the
      // indices, from sensitivity.csv when `abundance sensitivity` wrote one (its metrics and options
      // kept), else computed with the defaults and written beside the report.
      const file = join(dir, SENSITIVITY_CSV);
      const rows = isSensitivityCsv(file) ? readSensitivityCsv(file) : sensitivity(dir, { out: false }).rows;
      if (!existsSync(file)) extra.set(SENSITIVITY_CSV, sensitivityCsv(rows));
      const means = designMeans(dir, [...new Set(rows.map((r) => r.metric))]);
      data.sensitivity = { method: data.plan.sample.method, params: data.plan.sample.params, rows, points: data.plan.points, means, logUniform: data.plan.sample.logUniform ?? [] };
      data.extraFiles.push(SENSITIVITY_CSV);
    }
    return { kind, ...(await writeSweepReport(dir, data, claims, extra)) };
  }
  const manifestPath = join(dir, 'manifest.json');
  const manifest = readJsonFile(manifestPath);
  if (kind === 'comparison') {
    const c = parseOrThrow(ComparisonManifestSchema, manifest, manifestPath);
    const runs = c.runs.map((r) => ({ label: r.preset, table: readTable(join(dir, r.folder, 'metrics.csv')), scenarioHash: r.scenarioHash }));
    return { kind, ...(await writeReport(dir, comparisonReportInput({ seed: c.seed, agents: c.agents, days: c.days, engineVersion: c.engineVersion, runs }))) };
  }
  const run = parseOrThrow(ManifestSchema, manifest, manifestPath);
  const input = runReportInput(run, readTable(join(dir, 'metrics.csv')));
  // a sweep's run folders keep no flows.csv: link only the files the folder has
  input.links = input.links?.filter((l) => existsSync(join(dir, l.href)));
  return { kind, ...(await writeReport(dir, input)) };
}
