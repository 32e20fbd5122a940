/**
 * writeRun(outDir, resolved, opts) -> a run folder with its report: the run folder of sim/io/runFolder.ts,
 * with charts, report.md and report.html added before manifest.json (which lists them). What the CLI's
 * `run` and `compare-presets` write, and the library's `writeRun`.
 */
import { relative } from 'node:path';
import type { ResolvedScenario } from '../scenario/resolve.js';
import type { RunResult } from '../engine/simulate.js';
import { projectPackage, scenarioHash } from '../io/manifest.js';
import { writeRunFolder, type RunFolder, type RunFolderDeps, type SimulatedRun } from '../io/runFolder.js';
import { runReportInput, type RunFacts } from './runInput.js';
import { writeReport } from './write.js';

export interface RunOptions {
  /** Re-derive balances from the posting log every day (slow). */
  audit?: boolean;
  /** Called as the days pass (day, days). */
  onDay?: (day: number, days: number) => void;
  /** Write charts and report.md/.html (default true). */
  report?: boolean;
}

export interface RunDeps extends RunFolderDeps {
  writeReport?: typeof writeReport;
}

/** Simulate `resolved` into the run folder `outDir`, with its report unless `report` is false. */
export function writeRun(outDir: string, resolved: ResolvedScenario, opts: RunOptions = {}, deps: RunDeps = {}): Promise<RunFolder> {
  const write = deps.writeReport ?? writeReport;
  const addFiles = async (dir: string, run: SimulatedRun): Promise<string[]> =>
    (await write(dir, runReportInput(factsOf(run.resolved, run.result), run.table))).files.map((f) => relative(dir, f));
  return writeRunFolder(outDir, resolved, {
    ...(opts.audit === undefined ? {} : { audit: opts.audit }),
    ...(opts.onDay === undefined ? {} : { onDay: opts.onDay }),
    ...(opts.report === false ? {} : { addFiles }),
  }, deps);
}

/** What the report shows of the run: the same fields `abundance report` later reads from manifest.json. */
function factsOf(resolved: ResolvedScenario, result: RunResult): RunFacts {
  const s = resolved.scenario;
  return {
    name: s.name,
    preset: resolved.preset,
    origin: resolved.origin,
    seed: s.seed,
    agents: result.agents,
    days: result.days,
    scenarioHash: scenarioHash(s),
    engineVersion: projectPackage().version,
    scenario: s,
  };
}
