/**
 * digestRun(table, agentsCsv, scenario) -> RunDigest: one run boiled down, once, to every per-run number
 * that anything downstream shows: the window mean of every metrics.csv column, the claim statistics
 * (sim/analysis/statistics.ts), the numbers shown beside them (sim/analysis/beside.ts) and the
 * viability verdict of MODEL.md section 13. runs.csv writes it,
 * compare and the claims pair it across seeds, the report reads runs.csv: no second code path computes
 * a per-run number. The windows (W, P, E) are sim/analysis/window.ts's, the only ones.
 *
 * Pure; readRunDigest(dir) reads a run folder (metrics.csv, agents.csv, the scenario of manifest.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMetricsCsv, type MetricsTable } from '../io/metricsCsv.js';
import { viability } from '../metrics/viability.js';
import type { Scenario } from '../scenario/schema.js';
import { readManifest } from '../io/manifest.js';
import { METRICS_PARQUET } from '../io/metricsParquet.js';
import { runTables } from '../io/runData.js';
import { AnalysisError } from './errors.js';
import { MONEY_KINDS } from '../money/kinds/index.js';
import { besideValues, type BesideValues } from './beside.js';
import { claimStatistics, type ClaimStatistics } from './statistics.js';
import { lastDayOf, periodWindow, statWindow, windowMeans } from './window.js';

export interface RunDigest {
  /** Last day of the run; whether W is short (the run has fewer than 365 days) and P cut short (fewer than 1,095). */
  lastDay: number;
  shortWindow: boolean;
  shortPeriod: boolean;
  /** Window mean of every metrics.csv column but `day`, by name. */
  windowMeans: Record<string, number>;
  statistics: ClaimStatistics;
  /** The numbers shown beside the claims' tests, never as tests. */
  beside: BesideValues;
  /** Names of the viability criteria that apply to the run and fail (empty when viable). */
  viabilityFailed: string[];
}

/** Which viability criteria apply: those of an economy with money, and of one with the CH/MH exchange (its money swaps two tokens on it: MoneyKind.exchange, whose rate the metrics row reports). */
export function viabilityScope(scenario: Scenario): { money: boolean; exchange: boolean } {
  const money = MONEY_KINDS[scenario.institutions.money];
  return { money: money.currencies.length > 0, exchange: money.exchange };
}

/** The digest of one run's files (pure: the caller reads them). */
export function digestRun(table: MetricsTable, agentsCsvText: string | undefined, scenario: Scenario): RunDigest {
  const dayColumn = table.columns.indexOf('day');
  if (dayColumn < 0) throw new Error('metrics.csv has no "day" column');
  const lastDay = lastDayOf(table.rows.map((r) => r[dayColumn]!));
  const w = statWindow(lastDay);
  const means = windowMeans(table, dayColumn, w);
  delete means['day'];
  const criteria = viability(table, viabilityScope(scenario));
  return {
    lastDay,
    shortWindow: w.short,
    shortPeriod: periodWindow(lastDay).short,
    windowMeans: means,
    statistics: claimStatistics(table, agentsCsvText, scenario),
    beside: besideValues(table, scenario),
    viabilityFailed: criteria.filter((c) => c.applies && !c.pass).map((c) => c.name),
  };
}

/** Read and digest the run folder `dir`; AnalysisError naming the file when one is missing or malformed. */
export function readRunDigest(dir: string): RunDigest {
  const read = <T>(file: string, parse: (path: string) => T): T => {
    try {
      return parse(join(dir, file));
    } catch (error) {
      throw new AnalysisError(`${join(dir, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const { scenario } = read('manifest.json', () => readManifest(dir));
  const table = read('metrics.csv', readMetricsCsv);
  const agents = existsSync(join(dir, 'agents.csv')) ? read('agents.csv', (p) => readFileSync(p, 'utf8')) : undefined;
  try {
    return digestRun(table, agents, scenario);
  } catch (error) {
    throw new AnalysisError(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * readRunDigest for a run folder in either form (sim/io/runData.ts): its CSVs, or the metrics.parquet and
 * agents.parquet of a sweep's run under --run-files none (docs/data.md), which hold the same values.
 */
export async function readRunDigestOfAnyForm(dir: string): Promise<RunDigest> {
  // The CSVs unless the run kept only Parquet: a folder with neither is reported as missing metrics.csv.
  if (existsSync(join(dir, 'metrics.csv')) || !existsSync(join(dir, METRICS_PARQUET))) return readRunDigest(dir);
  let scenario: Scenario;
  let tables: Awaited<ReturnType<typeof runTables>>;
  try {
    scenario = readManifest(dir).scenario;
    tables = await runTables(dir);
  } catch (error) {
    throw new AnalysisError(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return digestRun(tables.table, tables.agents, scenario);
  } catch (error) {
    throw new AnalysisError(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A value of a digest by name: a claim statistic (`stat_...`) or a metric's window mean; NaN if absent or undefined. */
export function digestValue(d: RunDigest, name: string): number {
  if (name.startsWith('stat_')) return (d.statistics as Record<string, number | undefined>)[name] ?? NaN;
  return d.windowMeans[name] ?? NaN;
}
