/**
 * `abundance sweep <file> --emit slurm|k8s --shards n [--out DIR] [--workers w] [--run-files none]`: check the sweep file
 * (every run resolved, as a sweep does), then write the scheduler files of sim/sweep/emit.ts into
 * `DIR.slurm/` or `DIR.k8s/`, beside the sweep folder DIR the merge will write. Nothing is run.
 *
 * The files' folder is written whole (a temporary sibling renamed into place), and only where nothing
 * else is: a missing or empty folder, or one holding only the files this command writes there (it is
 * then replaced). Paths in the files are as the jobs see them: relative to the working folder when
 * inside it, so the jobs run from the same folder (Slurm --chdir) or from the volume's root (k8s).
 */
import { chmodSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeAtomically } from '../io/atomic.js';
import { PROJECT_ROOT } from '../io/manifest.js';
import { checkOutputPath, OutputPathError } from '../io/outputPath.js';
import { loadSweep } from '../sweep/load.js';
import type { RunFilesMode } from '../io/runData.js';
import { defaultOut } from '../sweep/run.js';
import { emitFiles, schedulerDir, shardsDir, type Scheduler } from '../sweep/emit.js';

export interface EmitArgs {
  file: string;
  emit: Scheduler;
  shards: number;
  out?: string | undefined;
  workers?: number | undefined;
  set?: string[] | undefined;
  /** Passed to each shard's sweep (`--run-files none`); the merge reads either form. */
  runFiles?: RunFilesMode | undefined;
}

/** A path as the jobs see it: relative to the working folder (with `/`) when inside it, else absolute. */
function jobPath(path: string, cwd: string): string {
  const abs = resolve(path);
  const rel = relative(cwd, abs);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? rel.split(sep).join('/') : abs.split(sep).join('/');
}

export async function emitCommand(args: EmitArgs): Promise<number> {
  if ((args.set ?? []).length > 0) {
    process.stderr.write('abundance: --emit writes the sweep file as it is into the jobs; put --set values into the file\n');
    return 2;
  }
  const { plan } = loadSweep(args.file);
  const out = args.out ?? defaultOut(plan.name);
  checkOutputPath(out, 'sweep', 'replace'); // where the merge will write: refused now rather than on the cluster
  const cwd = realpathSync(process.cwd());
  const workers = args.workers ?? 1;
  const files = emitFiles(args.emit, {
    name: plan.name, file: jobPath(args.file, cwd), out: jobPath(out, cwd), shards: args.shards, workers,
    ...(args.runFiles === 'none' ? { runFiles: 'none' as const } : {}),
    workDir: cwd.split(sep).join('/'), command: `node ${join(PROJECT_ROOT, 'sim', 'cli', 'abundance.js').split(sep).join('/')}`,
  });
  const dir = schedulerDir(out, args.emit);
  const ours = new Set([...files.map((f) => f.name), 'logs']);
  const check = (): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    const foreign = entries.filter((e) => !ours.has(e));
    if (foreign.length > 0) throw new OutputPathError(dir, `holds files this command did not write (${foreign.sort().slice(0, 5).join(', ')}); name another --out or move them away`);
    // The scheduler writes the logs, not this command: replacing the folder would delete them.
    let logs: string[] = [];
    try {
      logs = entries.includes('logs') ? readdirSync(join(dir, 'logs')) : [];
    } catch {
      logs = ['logs'];
    }
    if (logs.length > 0) throw new OutputPathError(dir, `holds the logs of an earlier submission (logs/${logs.sort()[0]}${logs.length > 1 ? ', ...' : ''}); move them away or name another --out`);
  };
  await writeAtomically(dir, async (tmp) => {
    for (const f of files) {
      writeFileSync(join(tmp, f.name), f.text);
      if (f.executable === true) chmodSync(join(tmp, f.name), 0o755);
    }
    if (args.emit === 'slurm') mkdirSync(join(tmp, 'logs')); // Slurm does not make the folder of --output
  }, check);
  const submit = join(dir, 'submit.sh');
  process.stdout.write([
    `${args.emit}: ${plan.runs.length} runs in ${args.shards} shards (${files.map((f) => f.name).join(', ')}) -> ${dir}`,
    `shard folders: ${shardsDir(out)}/1 ... ${shardsDir(out)}/${args.shards}; merged sweep: ${out}`,
    `submit: sh ${submit}`,
  ].join('\n') + '\n');
  return 0;
}
