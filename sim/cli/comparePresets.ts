/**
 * `abundance compare-presets` (what `npm start` runs): simulate each preset on the same seed, agents
 * and days, each into `<out>/runs/<preset>/`, then write one comparison report into `<out>/` with every
 * run as a colour. The whole of `<out>` is written in a temporary sibling and renamed into place at the
 * end, so a failed or interrupted comparison leaves the previous one untouched.
 *
 * Every preset is resolved and validated, and the output path checked (sim/io/outputPath.ts: a new or
 * empty folder, or an earlier compare-presets folder, which is replaced), before the first day is
 * simulated.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../scenario/file.js';
import { comparisonReportInput } from '../report/runInput.js';
import { writeReport } from '../report/write.js';
import { writeAtomically } from '../io/atomic.js';
import { checkOutputPath } from '../io/outputPath.js';
import { projectPackage, scenarioHash } from '../io/manifest.js';
import type { ComparisonManifest } from '../io/comparisonManifest.js';
import { checkMemory } from '../io/memory.js';
import { writeRun } from '../report/runReport.js';
import { startProgress } from './progress.js';
import { presetList } from './options.js';
import { overridesOf } from './run.js';
import { summaryLines, type LabelledTable } from '../report/summary.js';

export interface ComparePresetsArgs {
  out: string;
  agents: number;
  days: number;
  seed: number;
  presets: string;
  audit?: boolean | undefined;
}

export async function comparePresetsCommand(args: ComparePresetsArgs): Promise<number> {
  const names = presetList(args.presets); // checked by its option: known presets, at least one
  const overrides = overridesOf(args);
  const resolved = names.map((name) => ({ name, resolved: loadScenarioFile(name, { overrides }) }));
  checkMemory(resolved.map((r) => r.resolved)); // one run at a time
  checkOutputPath(args.out, 'comparison');
  const created = new Date().toISOString();

  const runs = await writeAtomically(args.out, async (tmp) => {
    const runs: (LabelledTable & { hash: string })[] = [];
    for (const { name, resolved: r } of resolved) {
      const bar = startProgress(name);
      const run = await writeRun(join(tmp, 'runs', name), r, { audit: args.audit === true, onDay: (d, n) => bar.update(d, n) }).finally(() => bar.stop());
      runs.push({ label: name, table: run.table, hash: run.manifest.scenarioHash });
    }
    await writeReport(tmp, comparisonReportInput({
      seed: args.seed, agents: args.agents, days: args.days, engineVersion: projectPackage().version,
      runs: runs.map(({ label, table, hash }) => ({ label, table, scenarioHash: hash })),
    }));
    const manifest: ComparisonManifest = {
      presets: names, seed: args.seed, agents: args.agents, days: args.days, created,
      engineVersion: projectPackage().version, node: process.version,
      runs: resolved.map(({ name, resolved: r }) => ({ preset: name, folder: `runs/${name}`, scenarioHash: scenarioHash(r.scenario) })),
    };
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return runs;
  }, () => checkOutputPath(args.out, 'comparison'));

  const lines = [`report: ${join(args.out, 'report.html')}`, ...summaryLines(runs)];
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
