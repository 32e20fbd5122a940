/**
 * A run folder, written atomically: simulate a resolved scenario into a temporary sibling of `outDir`
 * (metrics.csv, agents.csv, flows.csv streamed as the days pass), let the caller add files (the run
 * report: sim/report/runReport.ts), write manifest.json (last, with the sizes of the CSVs), then rename
 * it into place. On any error or Ctrl-C no folder appears.
 *
 * The engine runs on a worker thread (sim/io/worker.ts) so Ctrl-C is handled at once; tests pass their
 * own `simulate` in `deps`, which then runs on this thread. Progress and the report come from the
 * caller (`onDay`, `addFiles`), so this module knows neither the terminal nor the report.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScenario } from '../scenario/resolve.js';
import type { RunResult } from '../engine/simulate.js';
import { readMetricsCsv, type MetricsTable } from './metricsCsv.js';
import { writeAtomically } from './atomic.js';
import { checkOutputPath } from './outputPath.js';
import { buildManifest, fileSizes, MANIFEST_FILE, type Manifest } from './manifest.js';
import { RUN_FILES, simulateToFiles, type SimulateFn } from './runFiles.js';
import { runInWorker } from './worker.js';

/** A finished simulation, before the folder is complete: what `addFiles` gets. */
export interface SimulatedRun {
  resolved: ResolvedScenario;
  result: RunResult;
  table: MetricsTable;
}

export interface RunFolderOptions {
  /** Re-derive balances from the posting log every day (slow). */
  audit?: boolean;
  /** Called as the days pass (day, days): a progress bar, say. */
  onDay?: (day: number, days: number) => void;
  /** Write more files into the folder `dir` once its CSVs are there; resolves to their paths relative to it (listed in manifest.json). */
  addFiles?: (dir: string, run: SimulatedRun) => Promise<string[]>;
}

export interface RunFolderDeps {
  /** Run this simulate on the calling thread instead of the engine on a worker thread. */
  simulate?: SimulateFn;
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
    const audit = opts.audit === true;
    const onDay = opts.onDay ?? (() => {});
    const result = deps.simulate !== undefined
      ? simulateToFiles(tmp, scenario, deps.simulate, { audit, onDay })
      : await runInWorker({ dir: tmp, scenario, audit }, onDay);
    const table = readMetricsCsv(join(tmp, RUN_FILES.metrics));
    const files: string[] = [...Object.values(RUN_FILES), MANIFEST_FILE];
    if (opts.addFiles !== undefined) files.push(...(await opts.addFiles(tmp, { resolved, result, table })));
    const bytes = fileSizes(tmp, Object.values(RUN_FILES));
    const manifest = buildManifest(resolved, result, { totalMs: Date.now() - started, created }, files, bytes);
    writeFileSync(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    return { dir: outDir, result, table, manifest };
  }, () => checkOutputPath(outDir, 'run'));
}
