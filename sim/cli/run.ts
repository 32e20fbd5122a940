/**
 * `abundance run <scenario>`: validate a scenario file (or preset name) with the flags on top, check the
 * output path (sim/io/outputPath.ts: a new or empty folder, or an earlier run folder, which is replaced),
 * then write its run folder (sim/io/runFolder.ts) and print where it is and a five-line summary.
 */
import { join } from 'node:path';
import { loadScenarioFile } from '../scenario/file.js';
import { checkMemory } from '../io/memory.js';
import { writeRun } from '../report/runReport.js';
import { startProgress } from './progress.js';
import { checkOutputPath } from '../io/outputPath.js';
import { safeName } from './options.js';
import { summaryLines } from '../report/summary.js';

export interface RunArgs {
  scenario: string;
  seed?: number | undefined;
  days?: number | undefined;
  agents?: number | undefined;
  set?: string[] | undefined;
  out?: string | undefined;
  audit?: boolean | undefined;
  report?: boolean | undefined;
  quiet?: boolean | undefined;
}

/** The flags that override the file's fields, only those given. */
export function overridesOf(args: { seed?: number | undefined; days?: number | undefined; agents?: number | undefined }): Record<string, number> {
  const out: Record<string, number> = {};
  if (args.seed !== undefined) out['seed'] = args.seed;
  if (args.days !== undefined) out['days'] = args.days;
  if (args.agents !== undefined) out['agents'] = args.agents;
  return out;
}

export async function runCommand(args: RunArgs): Promise<number> {
  const resolved = loadScenarioFile(args.scenario, { overrides: overridesOf(args), set: args.set ?? [] });
  const { scenario } = resolved;
  checkMemory([resolved]);
  const outDir = args.out ?? join('runs', `${safeName(scenario.name)}-s${scenario.seed}`);
  checkOutputPath(outDir, 'run');
  const quiet = args.quiet === true;
  const bar = startProgress(scenario.name, !quiet);
  let run;
  try {
    run = await writeRun(outDir, resolved, { audit: args.audit === true, onDay: (d, n) => bar.update(d, n), report: args.report !== false });
  } finally {
    bar.stop();
  }
  if (!quiet) {
    const seconds = (run.result.wallMs / 1000).toFixed(1);
    const lines = [`run folder: ${outDir} (${run.result.days} days, ${run.result.agents} agents, ${seconds} s)`];
    if (args.report !== false) lines.push(`report: ${join(outDir, 'report.html')}`);
    lines.push(...summaryLines([{ label: scenario.name, table: run.table }]));
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}
