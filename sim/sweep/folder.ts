/**
 * The sweep folder on disk: refuse to mix a new sweep into an old one, find which runs --resume can
 * trust, clear what an interrupted sweep left behind, and write the sweep's own files atomically
 * (each to a temporary name beside it, renamed at the end).
 *
 * A run folder is trusted iff it has manifest.json (written last, in a temporary sibling renamed into
 * place) and that manifest's scenario hash is the planned run's: a folder made by another version of
 * the sweep file is run again rather than mixed in.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir } from '../io/atomic.js';
import { scenarioHash } from '../io/manifest.js';
import { scenarioOf, type PlannedRun, type SweepPlan } from './plan.js';

/** A sweep into an existing, non-empty folder without --resume. */
export class SweepFolderExists extends Error {
  readonly exitCode = 2;
  constructor(readonly dir: string) {
    super(`${dir} already exists and is not empty: pass --resume to reuse its complete runs and make the rest, or choose another --out (or delete the folder)`);
    this.name = 'SweepFolderExists';
  }
}

const isDir = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Throw unless `dir` may receive this sweep: absent, empty, or (with resume) an earlier sweep. */
export function checkFolder(dir: string, resume: boolean): void {
  if (!existsSync(dir)) return;
  if (!isDir(dir)) throw new SweepFolderExists(dir);
  if (!resume && readdirSync(dir).length > 0) throw new SweepFolderExists(dir);
}

/** Is the run folder complete and made from the planned scenario? */
export function isComplete(plan: SweepPlan, sweepDir: string, run: PlannedRun): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(sweepDir, run.run, 'manifest.json'), 'utf8')) as { scenarioHash?: unknown };
    return manifest.scenarioHash === scenarioHash(scenarioOf(plan, run));
  } catch {
    return false;
  }
}

/** Temporary folders and files (`*.tmp-<pid>-<hex>`) left by an interrupted sweep: deleted. */
export function clearLeftovers(plan: SweepPlan, sweepDir: string): number {
  const dirs = new Set<string>([sweepDir]);
  for (const run of plan.runs) dirs.add(join(sweepDir, run.run, '..'));
  let removed = 0;
  for (const dir of dirs) {
    if (!isDir(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!/\.tmp(-old)?-\d+-[0-9a-f]+$/.test(name)) continue;
      const path = join(dir, name);
      if (isDir(path)) removeDir(path);
      else rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Rename finished temporary files into place, in order (the last one marks the sweep complete). */
export function commitFiles(moves: readonly { tmp: string; path: string }[]): void {
  for (const { tmp, path } of moves) renameSync(tmp, path);
}
