/**
 * One file written atomically: the text goes to a temporary sibling (`<file>.tmp-<pid>-<random>`, same
 * folder, so the rename stays on one file system) and is renamed over the target, so a reader sees the
 * old file or the new one, never half of one. On any error the temporary file is removed.
 * (sim/io/atomic.ts does the same for whole folders.)
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeFileAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
