/**
 * The sweep folder on disk: refuse to mix a new sweep into an old one, find which runs --resume can
 * trust, clear what an interrupted sweep left behind, and write the sweep's own files atomically
 * (each to a temporary name beside it, renamed at the end).
 *
 * A run folder is trusted iff it has manifest.json (written last, in a temporary sibling renamed into
 * place), that manifest's scenario hash is the planned run's (a folder made by another version of the
 * sweep file is run again rather than mixed in), and every data file the manifest sizes in `bytes`
 * is there with that size (a truncated or damaged file, or a manifest of an older version without
 * sizes, is run again; `runProblem` says why, for the warning).
 *
 * Leftover temporary names (`*.tmp-<pid>-<hex>`) are removed only when their process is dead: a live
 * one belongs to a sweep at work (a lock keeps a second writer out, sim/io/lock.ts, but a temporary of a
 * live process is never deleted whatever the reason).
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempOwner } from '../io/atomic.js';
import { processAlive } from '../io/pid.js';
import { MANIFEST_FILE, readManifest, scenarioHash, type Manifest } from '../io/manifest.js';
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

/**
 * Why the run folder cannot be trusted as the planned run, or undefined if it can. `absent` (no folder)
 * and `other` (made from another scenario) are expected; any other text names the damage.
 */
export function runProblem(plan: SweepPlan, sweepDir: string, run: PlannedRun): string | undefined {
  const dir = join(sweepDir, run.run);
  if (!existsSync(dir)) return 'absent';
  let manifest: Manifest;
  try {
    manifest = readManifest(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'manifest.json is missing';
    // readManifest names the file by its full path and each field: keep the first field's line.
    return `manifest.json: ${(error as Error).message.split('\n')[0]!.split(`${MANIFEST_FILE}: `).slice(1).join(`${MANIFEST_FILE}: `)}`;
  }
  if (manifest.scenarioHash !== scenarioHash(scenarioOf(plan, run))) return 'other';
  const { bytes } = manifest;
  if (Object.keys(bytes).length === 0) return 'manifest.json records no file sizes';
  for (const [name, size] of Object.entries(bytes)) {
    let actual: number;
    try {
      actual = statSync(join(dir, name)).size;
    } catch {
      return `${name} is missing`;
    }
    if (actual !== size) return `${name} is ${actual} bytes, manifest.json says ${String(size)}`;
  }
  return undefined;
}

/** Is the run folder complete, undamaged and made from the planned scenario? */
export function isComplete(plan: SweepPlan, sweepDir: string, run: PlannedRun): boolean {
  return runProblem(plan, sweepDir, run) === undefined;
}

/** Temporary folders and files (`*.tmp-<pid>-<hex>`) left by a sweep whose process is dead: deleted. */
export function clearLeftovers(plan: SweepPlan, sweepDir: string): number {
  const dirs = new Set<string>([sweepDir]);
  for (const run of plan.runs) dirs.add(join(sweepDir, run.run, '..'));
  let removed = 0;
  for (const dir of dirs) {
    if (!isDir(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pid = tempOwner(name);
      if (pid === undefined || processAlive(pid)) continue;
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
