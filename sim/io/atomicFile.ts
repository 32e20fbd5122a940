/**
 * One file written atomically: the text goes to a temporary sibling (`<file>.tmp-<pid>-<random>`, same
 * folder, so the rename stays on one file system) and is renamed over the target, so a reader sees the
 * old file or the new one, never half of one. On any error the temporary file is removed.
 * (sim/io/atomic.ts does the same for whole folders.)
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { tempSibling } from './atomic.js';

export function writeFileAtomically(path: string, text: string): void {
  const tmp = tempSibling(path);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
