/**
 * Put a report's files into a folder that already holds other things (a run or a sweep), so that a
 * reader never sees a half-written report and a failed rewrite leaves the old one as it was.
 *
 * Everything is first written into a temporary folder inside `dir` (`report.tmp-<pid>-<hex>`, matched
 * by `*.tmp-*` in .gitignore, on the same file system so renames are atomic), then moved into place:
 * each top-level folder (charts/) replaces the old one whole, so charts that a new report no longer
 * draws do not linger, and each top-level file (report.md, report.html) is renamed over the old one.
 * Before anything is written, and again just before the move, a charts/ holding anything but chart
 * files, or a folder where a file goes, is refused (checkReportTargets): it is not the program's.
 * An error or Ctrl-C before the move deletes the temporary folder and changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeDir } from '../io/atomic.js';
import { foreignTargets } from '../io/outputPath.js';
import { ReportError } from './errors.js';
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

/**
 * Refuse to write a report where it would replace what no report made: charts/ is replaced whole, so it
 * may hold only chart files, and each top-level file the report writes (`files`) may not be there as a
 * folder (sim/io/outputPath.ts foreignTargets). A ReportError (exit 2) names them; nothing is written.
 */
export function checkReportTargets(dir: string, files: readonly string[]): void {
  const foreign = foreignTargets(dir, files);
  if (foreign.length > 0) {
    const them = foreign.length > 1 ? 'them' : 'it';
    throw new ReportError(`${dir}: holds ${foreign.sort().slice(0, 5).join(', ')}${foreign.length > 5 ? `, ... (${foreign.length})` : ''}, which no report wrote: writing the report would replace ${them}; move ${them} away; nothing was written`);
  }
}

/** Write `files` under `dir` (which must exist) as described above; returns the paths written. */
export function writeReportFiles(dir: string, files: ReportFiles): string[] {
  const tops = [...new Set([...files.keys()].map((rel) => rel.split('/')[0] ?? rel))].sort();
  checkReportTargets(dir, tops);
  const tmp = join(dir, `report.tmp-${stamp()}`);
  mkdirSync(tmp);
  const dispose = onInterrupt(() => removeDir(tmp));
  try {
    for (const [rel, content] of files) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), content);
    }
    checkReportTargets(dir, tops); // again, just before the move: the files took a while to write
    for (const top of tops) replace(join(tmp, top), join(dir, top));
    return [...files.keys()].map((rel) => join(dir, rel));
  } finally {
    removeDir(tmp);
    dispose();
  }
}
