/**
 * The claims workload in a fresh process (part of `npm run bench`): a sweep of `market`, `two-token` and
 * `peer-bank` on the same `seeds` seeds, 500 agents x 1095 days (the claims protocol's runs), one worker
 * thread, into a temporary folder with the CLI's own writer and aggregation, summarising every
 * `aggregate.everyDays` days as scenarios/sweeps/claims.yaml does (read from it; a summary of every day
 * would cost 14 times as much as the protocol's and, at 2 seeds, as much CPU as the runs). Prints JSON with the
 * agent-days made, the whole process's CPU seconds (all threads, start-up and aggregation included)
 * and wall seconds, and its peak memory; the folder is deleted.
 *
 *   tsx bench/claims.ts [seeds = 1] [agents = 500] [days = 1095] [--set path=value ...]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweep } from '../sim/sweep/run.js';
import { buildSpec } from '../sim/sweep/spec.js';
import { parseScenarioText } from '../sim/scenario/file.js';

export const CLAIMS_PRESETS = ['market', 'two-token', 'peer-bank'] as const;

const argv = process.argv.slice(2);
const set: string[] = [];
const positional: string[] = [];
for (let k = 0; k < argv.length; k++) {
  if (argv[k] === '--set') set.push(argv[++k] ?? '');
  else positional.push(argv[k]!);
}
const [seedsArg = '1', agentsArg = '500', daysArg = '1095'] = positional;
/** The claims protocol's summary stride (scenarios/sweeps/claims.yaml, its one home). */
function claimsEveryDays(): number {
  const file = fileURLToPath(new URL('../scenarios/sweeps/claims.yaml', import.meta.url));
  return buildSpec(parseScenarioText(readFileSync(file, 'utf8'), file), file, 'claims').everyDays;
}

const dir = mkdtempSync(join(tmpdir(), 'abundance-bench-claims-'));
try {
  const file = join(dir, 'claims.yaml');
  writeFileSync(file, `compare: [ ${CLAIMS_PRESETS.join(', ')} ]\nseeds: ${seedsArg}\nseed: 1\nagents: ${agentsArg}\ndays: ${daysArg}\naggregate:\n  everyDays: ${claimsEveryDays()}\n`);
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
