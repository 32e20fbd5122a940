/**
 * Output folders appear whole or not at all: everything is written into a temporary sibling
 * (`<out>.tmp-<pid>-<random>`, on the same file system, so a rename moves it) and renamed into place at
 * the end. A failure or Ctrl-C at any point deletes the temporary folder (and any parent folders made
 * for it) and leaves `<out>` as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { onInterrupt } from './interrupt.js';

/** A fresh name beside `outDir` for a temporary folder (matched by `*.tmp-*` in .gitignore). */
export function tempSibling(outDir: string, tag = 'tmp'): string {
  return `${resolve(outDir)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`;
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
 * On any error, and on SIGINT/SIGTERM, the temporary folder is deleted (the error is rethrown).
 */
export async function writeAtomically<T>(outDir: string, fill: (tmp: string) => Promise<T>): Promise<T> {
  const target = resolve(outDir);
  const parent = dirname(target);
  const created = mkdirSync(parent, { recursive: true });
  const tmp = tempSibling(target);
  mkdirSync(tmp);
  const clean = (): void => {
    removeDir(tmp);
    removeCreatedParents(parent, created);
  };
  const dispose = onInterrupt(clean);
  try {
    const value = await fill(tmp);
    moveIntoPlace(tmp, target);
    return value;
  } catch (error) {
    clean();
    throw error;
  } finally {
    dispose();
  }
}
