/**
 * The sweep report's section on failed runs: the runs of failed.csv (runs that threw, left out of
 * runs.csv and summary.csv: a sweep that went on, or `abundance merge --allow-failed`), with their
 * error, so a reader sees the numbers miss them. No section when no run failed.
 */
import { FAILED_CSV, readFailedCsv } from '../../io/failedCsv.js';
import { heading, paragraph, table, type Block } from '../document.js';

export function failedRunsBlocks(dir: string): Block[] {
  const failed = readFailedCsv(dir);
  if (failed.length === 0) return [];
  return [
    heading('Failed runs'),
    paragraph(`${failed.length} run${failed.length === 1 ? '' : 's'} threw and ${failed.length === 1 ? 'is' : 'are'} not in runs.csv, summary.csv or anything above (${FAILED_CSV}); \`abundance sweep --resume\` makes ${failed.length === 1 ? 'it' : 'them'} again.`),
    table(['run', 'preset', 'point', 'replicate', 'seed', 'error'], failed.map((f) => [f.run, f.preset, f.point, String(f.replicate), String(f.seed), f.error]), 3),
  ];
}
