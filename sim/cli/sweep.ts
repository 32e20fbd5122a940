/**
 * `abundance sweep <file>`: check a sweep file (every run's scenario resolved first; exit 2 with nothing
 * written if anything is wrong), refuse an output path that is not a sweep folder's (sim/io/outputPath.ts:
 * the working folder or a parent, a file, a folder of other files) and an existing sweep unless --resume
 * (or --replace), lock the folder against a second writer (sim/io/lock.ts), make the runs on worker
 * threads with a progress bar (on a terminal), then print where runs.csv and summary.csv are. With
 * --report it then evaluates the claims and writes the sweep report into the folder. With --replace the
 * whole sweep (and report) is made in a temporary sibling that replaces the folder only when complete,
 * as `npm start` does for reports/latest. With --shard i/n it makes only the runs of shard i, into a
 * shard folder that `abundance merge` (sim/cli/merge.ts) puts together with the others. A run that
 * throws is listed in failed.csv and the sweep goes on; the command then exits 1.
 */
import { loadSweep, type LoadedSweep } from '../sweep/load.js';
import { resolvedOf } from '../sweep/plan.js';
import { SweepFolderExists, checkFolder } from '../sweep/folder.js';
import { defaultOut, defaultWorkers, runSweep } from '../sweep/run.js';
import { startRunsProgress } from '../sweep/progress.js';
import { onInterrupt } from '../io/interrupt.js';
import { checkMemory } from '../io/memory.js';
import { writeAtomically } from '../io/atomic.js';
import { lockOutput } from '../io/lock.js';
import { checkOutputPath } from '../io/outputPath.js';
import { join } from 'node:path';
import { FAILED_CSV } from '../io/failedCsv.js';
import { shardRuns, shardText, type Shard } from '../sweep/shard.js';
import type { RunFilesMode } from '../io/runData.js';

export interface SweepArgs {
  file: string;
  workers?: number | undefined;
  out?: string | undefined;
  resume?: boolean | undefined;
  set?: string[] | undefined;
  quiet?: boolean | undefined;
  report?: boolean | undefined;
  replace?: boolean | undefined;
  /** Make only shard i of n, into a shard folder for `abundance merge`. */
  shard?: Shard | undefined;
  /** What each run folder keeps (sim/io/runData.ts). */
  runFiles?: RunFilesMode | undefined;
}

export async function sweepCommand(args: SweepArgs): Promise<number> {
  const workers = args.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) {
    process.stderr.write(`abundance: --workers expects a whole number >= 1, got ${workers}\n`);
    return 2;
  }
  if (args.shard !== undefined && args.report === true) {
    process.stderr.write('abundance: --report needs the whole sweep: a shard folder has no runs.csv; report the merged folder (abundance merge ... --report)\n');
    return 2;
  }
  const loaded = loadSweep(args.file, { set: args.set ?? [] });
  const { plan } = loaded;
  checkMemory(plan.runs.map((run) => ({ scenario: resolvedOf(plan, run).scenario, origin: plan.file })), workers);
  const out = args.out ?? defaultOut(plan.name);
  if (args.replace === true && args.resume === true) {
    process.stderr.write('abundance: --replace and --resume exclude each other (one starts afresh, the other carries on)\n');
    return 2;
  }
  // before anything is touched (runSweep checks again the folder it fills)
  checkOutputPath(out, 'sweep', args.replace === true ? 'replace' : 'fill');
  const unlock = lockOutput(out);
  try {
    return await sweepLocked(args, loaded, out, workers);
  } finally {
    unlock();
  }
}

async function sweepLocked(args: SweepArgs, loaded: LoadedSweep, out: string, workers: number): Promise<number> {
  const { plan } = loaded;
  const quiet = args.quiet === true;
  const replace = args.replace === true;
  try {
    if (!replace) checkFolder(out, args.resume === true);
  } catch (error) {
    if (!(error instanceof SweepFolderExists)) throw error;
    process.stderr.write(`abundance: ${error.message}\n`);
    return error.exitCode;
  }
  const shard = args.shard;
  if (!quiet) {
    const shape = `${plan.presets.length} preset${plan.presets.length === 1 ? '' : 's'} x ${plan.points.length} point${plan.points.length === 1 ? '' : 's'} x ${plan.replicates} replicate${plan.replicates === 1 ? '' : 's'}`;
    const part = shard === undefined ? '' : `, shard ${shardText(shard)}: ${shardRuns(plan.runs, shard).length} of them`;
    process.stderr.write(`sweep ${plan.name}: ${plan.runs.length} runs (${shape})${part}, ${workers} worker${workers === 1 ? '' : 's'} -> ${out}\n`);
  }
  const bar = startRunsProgress(plan.name, !quiet);
  const undoBar = onInterrupt(() => bar.stop()); // give the terminal its cursor back on Ctrl-C
  try {
    const make = async (dir: string) => {
      const outcome = await runSweep(loaded, {
        out: dir, workers, resume: args.resume === true, set: args.set ?? [], runFiles: args.runFiles ?? 'csv',
        onProgress: (done, total) => bar.update(done, total),
        onDamaged: (run, problem) => process.stderr.write(`run ${run.run}: ${problem}: making it again\n`),
        onFail: (f) => process.stderr.write(`run ${f.run} (seed ${f.seed}) failed: ${f.error}\n`),
        ...(shard === undefined ? {} : { shard }),
      });
      bar.stop();
      if (args.report === true) {
        if (!quiet) process.stderr.write('report: evaluating the claims and drawing the charts\n');
        await (await import('../report/folder.js')).reportFolder(dir);
      }
      return outcome;
    };
    const outcome = replace ? await writeAtomically(out, make, () => checkOutputPath(out, 'sweep', 'replace')) : await make(out);
    const lines = [];
    if (!quiet) lines.push(`runs: ${outcome.ran} made, ${outcome.reused} reused (${(outcome.wallMs / 1000).toFixed(1)} s)`);
    if (shard === undefined) lines.push(`runs.csv: ${join(out, 'runs.csv')}`, `summary.csv: ${join(out, 'summary.csv')}`);
    else lines.push(`shard ${shardText(shard)}: ${outcome.runs} runs in ${out} (abundance merge puts the shards together)`);
    if (args.report === true) lines.push(`report: ${join(out, 'report.html')}`, `claims: ${join(out, 'claims.json')}`);
    if (outcome.failed.length > 0) lines.push(`failed: ${outcome.failed.length} run${outcome.failed.length === 1 ? '' : 's'}, listed in ${join(out, FAILED_CSV)} (--resume makes them again)`);
    process.stdout.write(lines.join('\n') + '\n');
    if (outcome.failed.length > 0) {
      process.stderr.write(`abundance: ${outcome.failed.length} of ${outcome.runs} runs failed (${join(out, FAILED_CSV)}); the others are in the sweep\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof SweepFolderExists) {
      process.stderr.write(`abundance: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    undoBar();
  }
}
