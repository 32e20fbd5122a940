/**
 * The Parquet files of a sweep against its CSVs (docs/data.md): run a sweep file (both --run-files
 * modes if asked), then write its derived files again (runs.csv, summary.csv and the three Parquet
 * files, in aggregateSweep's one pass over the runs), timed, with the peak RSS of this process while
 * they are written, and print the sizes of every CSV and Parquet file. A benchmark, not a test: times
 * vary with the machine and its load; sizes do not.
 *
 *   tsx bench/parquet.ts <sweep file> <out dir> [--workers 2] [--replicates N] [--set k=v ...]
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSweep } from '../sim/sweep/load.js';
import { aggregateSweep } from '../sim/sweep/aggregate.js';
import { readManifest } from '../sim/io/manifest.js';
import { runSweep } from '../sim/sweep/run.js';

const args = process.argv.slice(2);
const [file, out] = args;
if (file === undefined || out === undefined) throw new Error('usage: tsx bench/parquet.ts <sweep file> <out dir> [--workers 2] [--replicates N] [--set k=v ...]');
const flags = (name: string): string[] => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]!] : []));
const workers = Number(flags('workers')[0] ?? 2);
const replicates = flags('replicates')[0];
const loaded = loadSweep(file, { set: flags('set'), ...(replicates === undefined ? {} : { replicates: Number(replicates) }) });
const { plan } = loaded;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const size = (path: string): number => statSync(path).size;
/** Total size of the files named `name` in every run folder. */
const runFilesSize = (dir: string, name: string): number => plan.runs.reduce((sum, r) => {
  try {
    return sum + size(join(dir, r.run, name));
  } catch {
    return sum;
  }
}, 0);

const started = Date.now();
const outcome = await runSweep(loaded, { out, workers });
console.log(`sweep ${plan.name}: ${plan.runs.length} runs, ${workers} workers, ${((Date.now() - started) / 1000).toFixed(1)} s (runs made ${outcome.ran}, reused ${outcome.reused})`);

// Write the derived files again, timed, into temporary names beside the sweep's.
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const before = process.memoryUsage().rss;
const t0 = performance.now();
const paths = { runsCsv: join(out, 'bench-runs.csv'), summaryCsv: join(out, 'bench-summary.csv'), runsParquet: join(out, 'bench-runs.parquet'), summaryParquet: join(out, 'bench-summary.parquet'), metricsParquet: join(out, 'bench-metrics.parquet') };
await aggregateSweep(plan, out, paths, (run) => readManifest(join(out, run.run)).scenario);
const ms = performance.now() - t0;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
for (const p of Object.values(paths)) rmSync(p);

const metricsCsv = runFilesSize(out, 'metrics.csv');
const agentsCsv = runFilesSize(out, 'agents.csv');
const rows: [string, number][] = [
  ['runs.csv', size(join(out, 'runs.csv'))], ['runs.parquet', size(join(out, 'runs.parquet'))],
  ['summary.csv', size(join(out, 'summary.csv'))], ['summary.parquet', size(join(out, 'summary.parquet'))],
  ['every run\'s metrics.csv', metricsCsv], ['metrics.parquet', size(join(out, 'metrics.parquet'))],
  ['every run\'s agents.csv', agentsCsv],
];
for (const [name, bytes] of rows) console.log(`${name.padEnd(24)} ${mb(bytes).padStart(10)}`);
console.log(`runs.csv, summary.csv and the Parquet files written in ${(ms / 1000).toFixed(2)} s; RSS ${mb(before)} before, peak ${mb(peak)} while writing`);
console.log(`files in the sweep folder: ${readdirSync(out).join(', ')}`);
