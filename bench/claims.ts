/**
 * The claims workload in a fresh process (part of `npm run bench`): a sweep of `market`, `two-token` and
 * `peer-bank` on the same `seeds` seeds, 500 agents x 1095 days (the claims protocol's runs), one worker
 * thread, into a temporary folder with the CLI's own writer and aggregation. Prints JSON with the
 * agent-days made, the whole process's CPU seconds (all threads, start-up and aggregation included)
 * and wall seconds, and its peak memory; the folder is deleted.
 *
 *   tsx bench/claims.ts [seeds = 1] [agents = 500] [days = 1095] [--set path=value ...]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweep } from '../sim/sweep/run.js';

export const CLAIMS_PRESETS = ['market', 'two-token', 'peer-bank'] as const;

const argv = process.argv.slice(2);
const set: string[] = [];
const positional: string[] = [];
for (let k = 0; k < argv.length; k++) {
  if (argv[k] === '--set') set.push(argv[++k] ?? '');
  else positional.push(argv[k]!);
}
const [seedsArg = '1', agentsArg = '500', daysArg = '1095'] = positional;
const dir = mkdtempSync(join(tmpdir(), 'abundance-bench-claims-'));
try {
  const file = join(dir, 'claims.yaml');
  writeFileSync(file, `compare: [ ${CLAIMS_PRESETS.join(', ')} ]\nseeds: ${seedsArg}\nseed: 1\nagents: ${agentsArg}\ndays: ${daysArg}\n`);
  const outcome = await sweep(file, { out: join(dir, 'out'), workers: 1, set });
  if (outcome.failed.length > 0) throw new Error(`bench/claims: ${outcome.failed.length} runs failed`);
  const u = process.cpuUsage();
  process.stdout.write(JSON.stringify({
    runs: outcome.runs,
    agentDays: outcome.runs * Number(agentsArg) * Number(daysArg),
    cpuSeconds: (u.user + u.system) / 1e6,
    wallSeconds: process.uptime(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
