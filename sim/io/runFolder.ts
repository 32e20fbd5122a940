/**
 * A run folder, written atomically: simulate a resolved scenario into a temporary sibling of `outDir`
 * (metrics.csv, agents.csv, flows.csv streamed as the days pass), add the report (charts, report.md,
 * report.html) and manifest.json (last, with the sizes of the CSVs), then rename it into place. On any error or Ctrl-C no folder appears.
 *
 * The engine runs on a worker thread (sim/io/worker.ts) so Ctrl-C is handled at once; tests pass their
 * own `simulate` in `deps`, which then runs on this thread.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ResolvedScenario } from '../scenario/resolve.js';
import type { RunResult } from '../engine/simulate.js';
import { readMetricsCsv, type MetricsTable } from './metricsCsv.js';
import { writeReport } from '../report/write.js';
import { runReportInput, type RunFacts } from '../report/runInput.js';
import { startProgress } from '../cli/progress.js';
import { writeAtomically } from './atomic.js';
import { buildManifest, fileSizes, projectPackage, scenarioHash, type Manifest } from './manifest.js';
import { RUN_FILES, simulateToFiles, type SimulateFn } from './runFiles.js';
import { runInWorker } from './worker.js';

export interface RunFolderOptions {
  /** Re-derive balances from the posting log every day (slow). */
  audit?: boolean;
  /** Show a progress bar (only ever drawn when stderr is a terminal). */
  progress?: boolean;
  /** Write charts and report.md/.html (default true). */
  report?: boolean;
}

export interface RunFolderDeps {
  /** Run this simulate on the calling thread instead of the engine on a worker thread. */
  simulate?: SimulateFn;
  writeReport?: typeof writeReport;
}

export interface RunFolder {
  dir: string;
  result: RunResult;
  table: MetricsTable;
  manifest: Manifest;
}

/** Simulate `resolved` into the run folder `outDir` (replacing any folder there). */
export async function writeRunFolder(
  outDir: string,
  resolved: ResolvedScenario,
  opts: RunFolderOptions = {},
  deps: RunFolderDeps = {},
): Promise<RunFolder> {
  const started = Date.now();
  const created = new Date();
  const { scenario } = resolved;
  return writeAtomically(outDir, async (tmp) => {
    const bar = startProgress(scenario.name, opts.progress === true);
    let result: RunResult;
    try {
      const audit = opts.audit === true;
      result = deps.simulate !== undefined
        ? simulateToFiles(tmp, scenario, deps.simulate, { audit, onDay: (d, n) => bar.update(d, n) })
        : await runInWorker({ dir: tmp, scenario, audit }, (d, n) => bar.update(d, n));
    } finally {
      bar.stop();
    }
    const table = readMetricsCsv(join(tmp, RUN_FILES.metrics));
    const files: string[] = [...Object.values(RUN_FILES), 'manifest.json'];
    if (opts.report !== false) {
      const report = await (deps.writeReport ?? writeReport)(tmp, runReportInput(factsOf(resolved, result), table));
      files.push(...report.files.map((f) => relative(tmp, f)));
    }
    const bytes = fileSizes(tmp, Object.values(RUN_FILES));
    const manifest = buildManifest(resolved, result, { totalMs: Date.now() - started, created }, files, bytes);
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return { dir: outDir, result, table, manifest };
  });
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
  };
}
