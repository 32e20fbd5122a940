/**
 * Output folders appear whole or not at all: everything is written into a temporary sibling
 * (`<out>.tmp-<pid>-<random>`, on the same file system, so a rename moves it) and renamed into place at
 * the end. A failure or Ctrl-C at any point deletes the temporary folder (and any parent folders made
 * for it) and leaves `<out>` as it was. A process killed outright (SIGKILL) cannot clean up: the next
 * write to the same output removes the `<out>.tmp-<pid>-*` and `<out>.tmp-old-<pid>-*` of processes that
 * are no longer alive (never those of a live one: another shard may be writing there).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { onInterrupt } from './interrupt.js';
import { processAlive } from './pid.js';

/** A fresh name beside `outDir` for a temporary folder (matched by `*.tmp-*` in .gitignore). */
export function tempSibling(outDir: string, tag = 'tmp'): string {
  return `${resolve(outDir)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The pid in a temporary name `<x>.tmp-<pid>-<hex>` or `<x>.tmp-old-<pid>-<hex>`, else undefined. */
export function tempOwner(name: string): number | undefined {
  const m = /\.tmp(?:-old)?-(\d+)-[0-9a-f]+$/.exec(name);
  return m === null ? undefined : Number(m[1]);
}

/** The name a temporary sibling stands for (`<x>.tmp-<pid>-<hex>` -> `<x>`): what a message should name. */
export function finalName(name: string): string {
  return name.replace(/\.tmp(?:-old)?-\d+-[0-9a-f]+$/, '');
}

/**
 * Remove the temporary siblings of `path` (`<path>.tmp-<pid>-<hex>`, `<path>.tmp-old-<pid>-<hex>`, files
 * or folders) left by processes that are no longer alive; returns how many were removed.
 */
export function removeStaleTemps(path: string): number {
  const target = resolve(path);
  const parent = dirname(target);
  const prefix = `${basename(target)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = tempOwner(name);
    if (pid === undefined || !/^\.tmp(-old)?-\d+-[0-9a-f]+$/.test(name.slice(basename(target).length))) continue;
    if (processAlive(pid)) continue;
    removeDir(join(parent, name));
    removed++;
  }
  return removed;
}

/** Delete a folder and everything in it; no error if it is not there. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Put the finished folder `tmp` at `outDir`. An existing `outDir` is renamed aside first and deleted
 * only once the new folder is in place; if the second rename fails the old folder is put back.
 */
export function moveIntoPlace(tmp: string, outDir: string): void {
  const target = resolve(outDir);
  if (!existsSync(target)) {
    renameSync(tmp, target);
    return;
  }
  const aside = tempSibling(target, 'tmp-old');
  renameSync(target, aside);
  try {
    renameSync(tmp, target);
  } catch (error) {
    renameSync(aside, target);
    throw error;
  }
  removeDir(aside);
}

/**
 * Undo `mkdirSync(dir, { recursive: true })`, which returned `created` (its first new folder): remove
 * `dir` and its parents up to `created`, each only while empty, so a failed run leaves no `runs/`.
 */
function removeCreatedParents(dir: string, created: string | undefined): void {
  if (created === undefined) return;
  for (let d = dir; d.length >= created.length; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (someone else wrote there) or already gone
    }
    if (d === created) return;
  }
}

/**
 * Create a temporary sibling of `outDir`, let `fill` write into it, then move it into place.
 * On any error, and on SIGINT/SIGTERM/SIGHUP, the temporary folder is deleted (the error is rethrown).
 * Temporary siblings of `outDir` left by dead processes are removed first.
 */
export async function writeAtomically<T>(outDir: string, fill: (tmp: string) => Promise<T>, check: () => void = () => {}): Promise<T> {
  // `check` says the path may be replaced (checkOutputPath of sim/io/outputPath.ts): it runs first, and
  // again just before the move, since a file the user put into the old folder while the new one was
  // made would otherwise be deleted with it.
  check();
  const target = resolve(outDir);
  const parent = dirname(target);
  const created = mkdirSync(parent, { recursive: true });
  removeStaleTemps(target);
  const tmp = tempSibling(target);
  mkdirSync(tmp);
  const clean = (): void => {
    removeDir(tmp);
    removeCreatedParents(parent, created);
  };
  const dispose = onInterrupt(clean);
  try {
    const value = await fill(tmp);
    check();
    moveIntoPlace(tmp, target);
    return value;
  } catch (error) {
    clean();
    throw error;
  } finally {
    dispose();
  }
}
