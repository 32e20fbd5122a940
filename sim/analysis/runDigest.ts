/**
 * One run of a sweep boiled down to what comparisons and claims need: the window mean of every
 * metrics.csv column (as runs.csv defines it), the claim statistics (sim/analysis/statistics.ts) and
 * the viability criteria of MODEL.md section 13 that the run fails. A sweep of 30 seeds x 4 presets x
 * 7 points has 840 runs of 3,650 rows; each file is read once, digested, and let go.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMetricsCsv, type MetricsTable } from '../report/table.js';
import { viability } from '../metrics/viability.js';
import { AnalysisError } from './errors.js';
import { claimStatistics, type ClaimStatistics } from './statistics.js';
import { lastDayOf, statWindow, windowMeans } from './window.js';
import type { SweepRun } from './sweepPlan.js';

export interface RunDigest {
  run: SweepRun;
  /** Last day of the run, and whether its window is the short one (days >= 90). */
  lastDay: number;
  shortWindow: boolean;
  /** Window mean of every metrics.csv column, by name. */
  windowMeans: Record<string, number>;
  statistics: ClaimStatistics;
  /** Names of the viability criteria that apply to the run and fail (empty when viable). */
  viabilityFailed: string[];
}

/** Whether a run has money and a CH/MH exchange, from its scenario (or, lacking that, its preset). */
export function institutionFlags(scenario: unknown, preset: string): { money: boolean; exchange: boolean } {
  const inst = (scenario as { institutions?: { money?: unknown; inputs?: unknown } } | undefined)?.institutions;
  if (inst !== undefined && typeof inst.money === 'string' && typeof inst.inputs === 'string') {
    return { money: inst.money !== 'none', exchange: inst.inputs === 'par' };
  }
  return { money: preset !== 'gift', exchange: preset !== 'gift' && !preset.startsWith('market') };
}

/** The digest of a table (pure: the caller reads the files). */
export function digestTable(run: SweepRun, table: MetricsTable, agentsCsvText: string | undefined, scenario: unknown): RunDigest {
  const dayColumn = table.columns.indexOf('day');
  if (dayColumn < 0) throw new Error('metrics.csv has no "day" column');
  const lastDay = lastDayOf(table.rows.map((r) => r[dayColumn]!));
  const w = statWindow(lastDay);
  const means = windowMeans(table, dayColumn, w);
  delete means['day'];
  const criteria = viability(table, institutionFlags(scenario, run.preset));
  return {
    run,
    lastDay,
    shortWindow: w.short,
    windowMeans: means,
    statistics: claimStatistics(table, agentsCsvText, scenario),
    viabilityFailed: criteria.filter((c) => c.applies && !c.pass).map((c) => c.name),
  };
}

/** Read and digest the run folder `<sweepDir>/<run.run>` (metrics.csv, manifest.json, agents.csv if present). */
export function readRunDigest(sweepDir: string, run: SweepRun): RunDigest {
  const dir = join(sweepDir, run.run);
  const read = <T>(file: string, parse: (path: string) => T): T => {
    try {
      return parse(join(dir, file));
    } catch (error) {
      throw new AnalysisError(`${join(dir, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const manifest = read('manifest.json', (p) => JSON.parse(readFileSync(p, 'utf8')) as { scenario?: unknown });
  const table = read('metrics.csv', readMetricsCsv);
  const agents = existsSync(join(dir, 'agents.csv')) ? read('agents.csv', (p) => readFileSync(p, 'utf8')) : undefined;
  try {
    return digestTable(run, table, agents, manifest.scenario);
  } catch (error) {
    throw new AnalysisError(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A value of a digest by name: a claim statistic (`stat_...`) or a metric's window mean; NaN if absent. */
export function digestValue(d: RunDigest, name: string): number {
  if (name.startsWith('stat_')) return (d.statistics as Record<string, number>)[name] ?? NaN;
  return d.windowMeans[name] ?? NaN;
}
