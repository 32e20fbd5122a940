/**
 * Put a report's files into a folder that already holds other things (a run or a sweep), so that a
 * reader never sees a half-written report and a failed rewrite leaves the old one as it was.
 *
 * Everything is first written into a temporary folder inside `dir` (`report.tmp-<pid>-<hex>`, matched
 * by `*.tmp-*` in .gitignore, on the same file system so renames are atomic), then moved into place:
 * each top-level folder (charts/) replaces the old one whole, so charts that a new report no longer
 * draws do not linger, and each top-level file (report.md, report.html) is renamed over the old one.
 * An error or Ctrl-C before the move deletes the temporary folder and changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeDir } from '../io/atomic.js';
import { onInterrupt } from '../io/interrupt.js';

/** Relative path ('charts/a.svg', 'report.md') -> content. */
export type ReportFiles = ReadonlyMap<string, string | Uint8Array>;

const stamp = (): string => `${process.pid}-${randomBytes(4).toString('hex')}`;

/** Move `from` (a file or folder) to `to`, replacing what is there; the old one is deleted after. */
function replace(from: string, to: string): void {
  if (!existsSync(to)) {
    renameSync(from, to);
    return;
  }
  const aside = `${to}.tmp-old-${stamp()}`;
  renameSync(to, aside);
  try {
    renameSync(from, to);
  } catch (error) {
    renameSync(aside, to);
    throw error;
  }
  removeDir(aside);
}

/** Write `files` under `dir` (which must exist) as described above; returns the paths written. */
export function writeReportFiles(dir: string, files: ReportFiles): string[] {
  const tmp = join(dir, `report.tmp-${stamp()}`);
  mkdirSync(tmp);
  const dispose = onInterrupt(() => removeDir(tmp));
  try {
    for (const [rel, content] of files) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), content);
    }
    const tops = [...new Set([...files.keys()].map((rel) => rel.split('/')[0] ?? rel))].sort();
    for (const top of tops) replace(join(tmp, top), join(dir, top));
    return [...files.keys()].map((rel) => join(dir, rel));
  } finally {
    removeDir(tmp);
    dispose();
  }
}
