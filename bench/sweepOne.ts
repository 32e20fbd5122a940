/**
 * One sweep measurement in a fresh process (so peak memory is its own): write a one-preset sweep file
 * of `points` values of demurrage.rate x `replicates` runs of `agents` x `days`, run it with `workers`
 * worker threads into a temporary folder, print JSON with the wall time of the runs phase (pool
 * start-up included), the runs per second, the CPU seconds of the whole process (all threads) and its
 * peak resident memory (worker threads included), then delete the folder.
 *
 *   tsx bench/sweepOne.ts <preset> <workers> <replicates> <agents> <days> [points]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweep } from '../sim/sweep/run.js';

const [preset = 'two-token', workersArg = '1', replicatesArg = '8', agentsArg = '300', daysArg = '365', pointsArg = '1'] = process.argv.slice(2);
const points = Number(pointsArg);
const dir = mkdtempSync(join(tmpdir(), 'abundance-bench-sweep-'));
try {
  const file = join(dir, 'bench.yaml');
  const grid = points > 1 ? `sweep:\n  demurrage.rate: { linspace: [0, 0.1, ${points}] }\n` : '';
  writeFileSync(file, `extends: ${preset}\nseeds: ${replicatesArg}\nagents: ${agentsArg}\ndays: ${daysArg}\naggregate.everyDays: 30\n${grid}`);
  const outcome = await sweep(file, { out: join(dir, 'out'), workers: Number(workersArg) });
  const manifest = JSON.parse(readFileSync(outcome.files.timings, 'utf8')) as { wallMs: { runs: number; aggregate: number } }; // timings.json
  process.stdout.write(JSON.stringify({
    preset, workers: Number(workersArg), runs: outcome.runs, points, agents: Number(agentsArg), days: Number(daysArg),
    runsMs: manifest.wallMs.runs,
    aggregateMs: manifest.wallMs.aggregate,
    runsPerSec: (outcome.runs * 1000) / manifest.wallMs.runs,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    processSeconds: process.uptime(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
