/**
 * `abundance explore [scenario]`: one standalone page, explore.html, to explore a scenario in a browser:
 * the charts of its run report (the scenario run here, with the same flags as `run`) and the "try it"
 * panel (sim/report/tryit/), which runs the engine again in the page with other values and draws each
 * run over the charts. Nothing else is written: no run folder, no CSV beside it (the panel downloads a
 * run's metrics.csv).
 *
 * --out is a file [default: explore.html, in the current folder]. As for the output folders of the other
 * commands (sim/io/outputPath.ts), a path is refused (exit 2, nothing written) unless it is new or a page
 * this command wrote (its <meta name="generator"> says so): never a folder, nor a file of anyone else.
 * The page is written atomically (sim/io/atomicFile.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { simulate } from '../engine/simulate.js';
import { checkMemory } from '../io/memory.js';
import { writeFileAtomically } from '../io/atomicFile.js';
import { OutputPathError, realTarget } from '../io/outputPath.js';
import { COLUMNS } from '../metrics/columns.js';
import { runDoc } from '../report/runDoc.js';
import { runReportInput } from '../report/runInput.js';
import { reportPage } from '../report/write.js';
import { projectPackage, scenarioHash } from '../io/manifest.js';
import { DEFAULT_PRESET } from '../scenario/presets.js';
import { loadScenarioFile } from '../scenario/file.js';
import { overridesOf } from './run.js';
import { startProgress } from './progress.js';

/** What marks a page as this command's: the only file it replaces. */
export const EXPLORE_GENERATOR = 'abundance explore';

export interface ExploreArgs {
  scenario?: string | undefined;
  seed?: number | undefined;
  days?: number | undefined;
  agents?: number | undefined;
  set?: string[] | undefined;
  out?: string | undefined;
  quiet?: boolean | undefined;
}

/** A path refused as the page to write: an OutputPathError (exit 2) that says "output file". */
export class OutputFileError extends OutputPathError {
  constructor(path: string, reason: string) {
    super(path, reason);
    this.message = `output file ${JSON.stringify(path)}: ${reason}; nothing was written`;
  }
}

/** Refuse (OutputFileError) a path explore.html may not be written to; see the module comment. */
export function checkExplorePath(path: string): void {
  if (path.trim() === '') throw new OutputFileError(path, 'an empty path is not a file to write; name a new file');
  const { real, existing } = realTarget(path);
  if (!existsSync(real)) {
    // Not there: the nearest existing part of the path must be a folder to make the page's folders in.
    if (existsSync(existing) && !statSync(existing).isDirectory()) throw new OutputFileError(path, `${existing} is not a folder, so no file can be made below it`);
    return;
  }
  if (!statSync(real).isFile()) throw new OutputFileError(path, 'exists and is not a file; name a new file (explore writes one page)');
  const head = readFileSync(real, 'utf8').slice(0, 2000);
  if (!head.includes(`<meta name="generator" content="${EXPLORE_GENERATOR}">`)) {
    throw new OutputFileError(path, 'is a file that abundance explore did not write; replacing it would delete it: name a new file');
  }
}

export async function exploreCommand(args: ExploreArgs): Promise<number> {
  const resolved = loadScenarioFile(args.scenario ?? DEFAULT_PRESET, { overrides: overridesOf(args), set: args.set ?? [] });
  const { scenario } = resolved;
  checkMemory([resolved]);
  const out = args.out ?? 'explore.html';
  checkExplorePath(out);
  const quiet = args.quiet === true;
  const bar = startProgress(scenario.name, !quiet);
  const rows: Float64Array[] = [];
  let result;
  try {
    result = simulate(scenario, { metrics: (row) => void rows.push(Float64Array.from(row)), agent: () => {}, flow: () => {} },
      { onDay: (d, n) => bar.update(d, n) });
  } finally {
    bar.stop();
  }
  const table = { columns: COLUMNS.map((c) => c.name), rows };
  const input = runReportInput({
    name: scenario.name, preset: resolved.preset, origin: resolved.origin, seed: scenario.seed, agents: result.agents, days: result.days,
    scenarioHash: scenarioHash(scenario), engineVersion: projectPackage().version, scenario,
  }, table);
  delete input.links; // a standalone page: no run folder beside it
  const doc = { ...runDoc(input), title: `Explore: ${scenario.name}`, generator: EXPLORE_GENERATOR };
  const html = await reportPage(doc);
  checkExplorePath(out); // again: a file may have appeared while the run went on
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomically(out, html);
  if (!quiet) process.stdout.write(`explore page: ${out} (${(html.length / 1e6).toFixed(1)} MB; ${result.days} days, ${result.agents} agents, ${(result.wallMs / 1000).toFixed(1)} s)\n`);
  return 0;
}
