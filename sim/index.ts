/**
 * abundance: the public surface, a handful of verbs.
 *
 *   loadScenario(file | preset, { overrides, set }) -> ResolvedScenario     (reads files: Node)
 *   resolveScenario(object, origin)                -> ResolvedScenario     (pure)
 *   simulate(scenario, sink, { audit, onDay })     -> RunResult            (pure engine; sink gets rows)
 *   run(scenario, { audit })                       -> { metrics, agents, flows, table }   (pure, in memory)
 *   writeRun(outDir, resolved, opts)               -> a run folder on disk (Node)
 *   report(dir, { title, runs, ... })              -> charts + report.md + report.html (Node)
 *   reportFolder(dir)                              -> (re)writes the report of a run, comparison or sweep folder (Node)
 *   publishReports(reportsDir)                     -> reportsDir/index.html linking every report below it (Node)
 *   viability(table, { money, exchange })          -> the criteria of MODEL.md section 13 (pure)
 *   compare(sweepDir, { baseline, metrics })       -> paired differences across seeds, compare.csv (Node)
 *   claims(sweepDir) = evaluateClaims               -> the verdicts of MODEL.md section 9 (Node; writeClaims writes claims.json)
 *   sensitivity(sweepDir, { metrics, secondOrder }) -> Sobol'/Morris indices of a sampled sweep, sensitivity.csv (Node)
 *   sweep(file, { out, workers, resume, set, shard }) -> a sweep folder: runs, runs.csv, summary.csv; or shard i/n of it (Node)
 *   merge(shardDirs, { out, allowFailed })        -> the sweep folder of its shards, as one machine makes it (Node)
 *
 * The engine (sim/engine, agents, economy, markets, money, metrics) and scenario resolution import no
 * Node module, so they run in a browser or a notebook kernel as they are; file I/O lives in sim/io,
 * sim/report/write.ts and sim/scenario/file.ts.
 */
import { simulate } from './engine/simulate.js';
import { memorySink, type MemoryRun } from './engine/sink.js';
import { COLUMNS } from './metrics/columns.js';
import type { Scenario } from './scenario/schema.js';

export { simulate, type RunResult, type SimulateOptions } from './engine/simulate.js';
export { memorySink, type RunSink, type MemoryRun } from './engine/sink.js';
export { resolveScenario, type ResolvedScenario } from './scenario/resolve.js';
export { loadScenarioFile as loadScenario } from './scenario/file.js';
export { listPresets, PRESET_NAMES } from './scenario/presets.js';
export { ScenarioSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
export { COLUMNS, col } from './metrics/columns.js';
export { AGENT_COLUMNS } from './metrics/agentColumns.js';
export { viability, type Criterion } from './metrics/viability.js';
export { InvariantViolation } from './money/violation.js';
export { writeRun } from './report/runReport.js';
export { writeReport as report } from './report/write.js';
export { chartSpecs } from './report/charts.js';
export { compare, DEFAULT_COMPARE_METRICS, type CompareOptions, type CompareRow, type Comparison } from './analysis/compare.js';
export {
  evaluateClaims, evaluateClaims as claims, writeClaims,
  type ClaimsResult, type ClaimResult, type ClaimTest, type ClaimDirection, type Verdict, type Outcome, type ClaimsOptions,
} from './analysis/claims.js';
export { claimStatistics, STATISTIC_NAMES, type ClaimStatistics, type StatisticName } from './analysis/statistics.js';
export { AnalysisError } from './analysis/errors.js';
export { sensitivity, type Sensitivity, type SensitivityOptions } from './analysis/sensitivity.js';
export { sobolIndices, morrisIndices } from './sensitivity/indices.js';
export { saltelliDesign } from './sensitivity/saltelli.js';
export { morrisDesign } from './sensitivity/morris.js';
export { sobolPoints } from './sensitivity/sobol.js';
export { reportFolder } from './report/folder.js';
export { publish as publishReports } from './report/publish.js';
export { writeSweepReport } from './report/write.js';
export { sweep, type SweepOptions, type SweepOutcome } from './sweep/run.js';
export { mergeShards as merge, MergeError, type MergeOptions, type MergeOutcome } from './sweep/merge.js';

/** A run kept in memory, with its metrics as a table (column names + rows, NaN = empty). */
export function run(scenario: Scenario, options: { audit?: boolean } = {}): MemoryRun & { table: { columns: string[]; rows: Float64Array[] } } {
  const sink = memorySink();
  simulate(scenario, sink, options);
  return { ...sink.run, table: { columns: COLUMNS.map((c) => c.name), rows: sink.run.metrics } };
}
