/**
 * `abundance report <dir>`: rebuild the report of a run, comparison or sweep folder from its files
 * (sim/report/folder.ts) and print where it is; for a sweep with a claims.json, also the verdicts.
 */
import { join } from 'node:path';
import { reportFolder } from '../report/folder.js';

export async function reportCommand(args: { dir: string }): Promise<number> {
  const { kind, files } = await reportFolder(args.dir);
  const charts = files.filter((f) => f.endsWith('.vl.json')).length;
  process.stdout.write(`report: ${join(args.dir, 'report.html')} (${kind}, ${charts} chart${charts === 1 ? '' : 's'})\n`);
  return 0;
}
