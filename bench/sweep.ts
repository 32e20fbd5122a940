/**
 * The sweep benchmark (part of `npm run bench`): runs per second with 1 and 2 worker threads and the
 * parallel speed-up (target: at least 1.8x with 2 workers on 2 free cores), then the peak memory of a
 * sweep of 1, 2 and 200 runs (memory must stay flat in the number of runs). Each measurement is a fresh
 * process (bench/sweepOne.ts). A benchmark, not a test: figures vary with the machine and its load.
 *
 *   tsx bench/sweep.ts [--sweep-runs 24 --sweep-agents 300 --sweep-days 730 --sweep-preset two-token]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';

interface Result { preset: string; workers: number; runs: number; points: number; agents: number; days: number; runsMs: number; aggregateMs: number; runsPerSec: number; cpuSeconds: number; processSeconds: number; maxRssBytes: number }

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] ?? fallback : fallback;
};
const preset = flag('sweep-preset', 'two-token');
const runs = Number(flag('sweep-runs', '24'));
const agents = Number(flag('sweep-agents', '300'));
const days = Number(flag('sweep-days', '730'));

const one = fileURLToPath(new URL('./sweepOne.ts', import.meta.url));
const measure = (workers: number, replicates: number, a: number, d: number, points = 1): Result =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', one, preset, String(workers), String(replicates), String(a), String(d), String(points)], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Result;

console.log('');
console.log(`abundance sweep benchmark: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the start`);
console.log('');
// CPU seconds per run and the cores used (CPU seconds / wall seconds of the whole process, all threads)
// tell a busy machine from a slow sweep: 2 workers that get only ~1 core's worth of CPU cannot be 2x.
console.log('| workers | runs | agents x days | runs/s | wall s (runs) | CPU s per run | cores used | speed-up |');
console.log('|---:|---:|---|---:|---:|---:|---:|---:|');
const single = measure(1, runs, agents, days);
const double = measure(2, runs, agents, days);
for (const r of [single, double]) {
  console.log(`| ${r.workers} | ${r.runs} | ${r.agents} x ${r.days} | ${r.runsPerSec.toFixed(2)} | ${(r.runsMs / 1000).toFixed(1)} | ${(r.cpuSeconds / r.runs).toFixed(2)} | ${(r.cpuSeconds / r.processSeconds).toFixed(2)} | ${(r.runsPerSec / single.runsPerSec).toFixed(2)}x |`);
}
console.log('');
// Peak memory against the number of runs: 1 run (one worker thread), 2 runs (both threads), 200 runs
// (100 points x 2 replicates: the aggregation holds one point's replicates at a time).
console.log('| sweep | workers | points x replicates | runs | peak MB |');
console.log('|---|---:|---|---:|---:|');
for (const [replicates, points] of [[1, 1], [2, 1], [2, 100]] as const) {
  const r = measure(2, replicates, 30, 60, points);
  console.log(`| ${preset}, 30 agents x 60 days | 2 | ${points} x ${replicates} | ${r.runs} | ${(r.maxRssBytes / 2 ** 20).toFixed(0)} |`);
}
