/**
 * A run folder, written atomically: simulate a resolved scenario into a temporary sibling of `outDir`
 * (metrics.csv, agents.csv, flows.csv streamed as the days pass), add the report (charts, report.md,
 * report.html) and manifest.json, then rename it into place. On any error or Ctrl-C no folder appears.
 *
 * The engine runs on a worker thread (sim/io/worker.ts) so Ctrl-C is handled at once; tests pass their
 * own `simulate` in `deps`, which then runs on this thread.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ResolvedScenario } from '../scenario/resolve.js';
import type { RunResult } from '../engine/simulate.js';
import { readMetricsCsv, type MetricsTable } from '../report/table.js';
import { writeReport } from '../report/write.js';
import { startProgress } from '../cli/progress.js';
import { summaryLines } from '../cli/summary.js';
import { writeAtomically } from './atomic.js';
import { buildManifest, projectPackage, scenarioHash, type Manifest } from './manifest.js';
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
      const report = await (deps.writeReport ?? writeReport)(tmp, {
        title: scenario.name,
        subtitle: `${resolved.preset} preset, ${result.agents} agents, ${result.days} days, seed ${scenario.seed}`,
        runs: [{ label: scenario.name, table }],
        summary: summaryLines([{ label: scenario.name, table }]),
        provenance: provenanceOf(resolved, result),
        links: [...Object.values(RUN_FILES), 'manifest.json'].map((f) => ({ label: f, href: f })),
      });
      files.push(...report.files.map((f) => relative(tmp, f)));
    }
    const manifest = buildManifest(resolved, result, { totalMs: Date.now() - started, created }, files);
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return { dir: outDir, result, table, manifest };
  });
}

function provenanceOf(resolved: ResolvedScenario, result: RunResult): Record<string, string | number> {
  const s = resolved.scenario;
  return {
    scenario: resolved.origin,
    preset: resolved.preset,
    seed: s.seed,
    agents: result.agents,
    days: result.days,
    'scenario hash': scenarioHash(s).slice(0, 16),
    'engine version': projectPackage().version,
  };
}
