/**
 * `abundance merge DIR_1 ... DIR_n --out DIR [--report] [--allow-failed]`: put the shard folders of one
 * sweep (`abundance sweep <file> --shard i/n`) together into the sweep folder DIR, byte-identical to the
 * one-machine sweep (sim/sweep/merge.ts). A missing, damaged, foreign or failed run is refused with
 * exit 2, naming the runs and the shards to run again, and nothing is written. DIR is locked against a
 * second writer as a sweep's is (sim/io/lock.ts).
 */
import { join } from 'node:path';
import { lockOutput } from '../io/lock.js';
import { checkOutputPath } from '../io/outputPath.js';
import { FAILED_CSV } from '../io/failedCsv.js';
import { checkShards, MergeError, mergeShards } from '../sweep/merge.js';

export interface MergeArgs {
  dirs: string[];
  out: string;
  report?: boolean | undefined;
  allowFailed?: boolean | undefined;
  quiet?: boolean | undefined;
}

export async function mergeCommand(args: MergeArgs): Promise<number> {
  try {
    checkShards(args.dirs, { allowFailed: args.allowFailed === true }); // before the lock is made
    checkOutputPath(args.out, 'sweep', 'replace');
    const unlock = lockOutput(args.out);
    try {
      const outcome = await mergeShards(args.dirs, { out: args.out, allowFailed: args.allowFailed === true });
      for (const w of outcome.warnings) process.stderr.write(`abundance: merge: ${w}\n`);
      if (args.report === true) {
        if (args.quiet !== true) process.stderr.write('report: evaluating the claims and drawing the charts\n');
        await (await import('../report/folder.js')).reportFolder(args.out);
      }
      const lines = [`merged ${args.dirs.length} shard${args.dirs.length === 1 ? '' : 's'}: ${outcome.runs} runs -> ${args.out} (${(outcome.wallMs / 1000).toFixed(1)} s)`];
      lines.push(`runs.csv: ${join(args.out, 'runs.csv')}`, `summary.csv: ${join(args.out, 'summary.csv')}`);
      if (outcome.failed.length > 0) lines.push(`failed: ${outcome.failed.length} runs, listed in ${join(args.out, FAILED_CSV)}`);
      if (args.report === true) lines.push(`report: ${join(args.out, 'report.html')}`, `claims: ${join(args.out, 'claims.json')}`);
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    } finally {
      unlock();
    }
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    process.stderr.write(`abundance: ${error.message}\n`);
    return error.exitCode;
  }
}
