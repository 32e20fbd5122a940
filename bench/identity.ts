/**
 * `npx tsx bench/identity.ts [--record FILE | --check FILE]`: the output-identity check for engine
 * optimisations. Runs every preset and every scenarios/ablations/*.yaml on seeds 1-2 (300 agents x 400
 * days, in audit mode, so every invariant and every re-derived balance is checked on the way), plus a few
 * edge settings and one larger run outside audit mode, and hashes metrics.csv, agents.csv and flows.csv
 * (written by simulateToFiles, the CLI's own writer). A speed-up is only kept if every hash is unchanged.
 *
 *   npx tsx bench/identity.ts --record scratch/identity.json   # before a change
 *   npx tsx bench/identity.ts --check scratch/identity.json    # after it: exit 1 on any difference
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../sim/scenario/file.js';
import { simulate } from '../sim/engine/simulate.js';
import { RUN_FILES, simulateToFiles } from '../sim/io/runFiles.js';

interface Case { name: string; file: string; overrides: Record<string, unknown>; audit: boolean }

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const agents = Number(flag('agents') ?? 300);
const days = Number(flag('days') ?? 400);

const ablations = readdirSync(join(root, 'scenarios/ablations')).filter((f) => f.endsWith('.yaml')).sort();
const files = [
  ...['gift', 'market', 'market-k', 'two-token', 'peer-bank'],
  ...ablations.map((f) => join(root, 'scenarios/ablations', f)),
];
const cases: Case[] = [];
for (const file of files) {
  for (const seed of [1, 2]) {
    cases.push({ name: `${file.replace(root, '')} seed ${seed}`, file, overrides: { agents, days, seed }, audit: true });
  }
}
/** Settings that reach paths the defaults rarely do: short windows, few campaigns, one liked genre,
 * dying PCs, defaults and re-entries, heavy free-riding. */
const edges: [string, Record<string, unknown>][] = [
  ['two-token', { campaign: { windowDays: 3 }, demand: { maxCampaigns: 2, freeRide: 0 }, genres: { count: 3, liked: 1 } }],
  ['peer-bank', { demand: { freeRide: 0.9 }, pc: { maxAgeYears: 0.1, hazardFromYears: 0, outDays: 5 }, bank: { bootstrapDays: 5 } }],
  ['two-token', { credit: { lambdaDays: 1, defaultDays: 5, reentryDays: 20 }, participation: { piMin: 0.1, reentryDays: 20 } }],
  ['market', { campaign: { windowDays: 20 }, demand: { maxCampaigns: 30 }, market: { markup0: 1.5 } }],
  ['market-k', { genres: { count: 2, liked: 2 }, production: { sigma: 2 } }],
];
for (const [preset, extra] of edges) {
  cases.push({ name: `${preset} ${JSON.stringify(extra)}`, file: preset, overrides: { ...extra, agents: 120, days: 200, seed: 7 }, audit: true });
}
cases.push({ name: 'two-token 3000 x 60 (no audit)', file: 'two-token', overrides: { agents: 3000, days: 60, seed: 3 }, audit: false });
cases.push({ name: 'peer-bank 3000 x 60 (no audit)', file: 'peer-bank', overrides: { agents: 3000, days: 60, seed: 3 }, audit: false });

const hashes: Record<string, Record<string, string>> = {};
const started = performance.now();
for (const c of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'abundance-identity-'));
  try {
    const { scenario } = loadScenarioFile(c.file, { overrides: c.overrides });
    simulateToFiles(dir, scenario, simulate, { audit: c.audit });
    const h: Record<string, string> = {};
    for (const f of Object.values(RUN_FILES)) h[f] = createHash('sha256').update(readFileSync(join(dir, f))).digest('hex').slice(0, 16);
    hashes[c.name] = h;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const seconds = (performance.now() - started) / 1000;

const record = flag('record');
const check = flag('check');
if (record !== undefined) {
  writeFileSync(record, JSON.stringify(hashes, null, 1) + '\n');
  console.log(`recorded ${cases.length} runs in ${record} (${seconds.toFixed(1)} s)`);
} else if (check !== undefined) {
  const want = JSON.parse(readFileSync(check, 'utf8')) as typeof hashes;
  let bad = 0;
  for (const [name, h] of Object.entries(hashes)) {
    for (const [f, v] of Object.entries(h)) {
      if (want[name]?.[f] !== v) { bad++; console.log(`DIFFERENT ${name}: ${f} ${want[name]?.[f] ?? '(none)'} -> ${v}`); }
    }
  }
  for (const name of Object.keys(want)) if (!(name in hashes)) { bad++; console.log(`MISSING ${name}`); }
  console.log(bad === 0 ? `identical: ${cases.length} runs x 3 files (${seconds.toFixed(1)} s)` : `${bad} differences`);
  process.exitCode = bad === 0 ? 0 : 1;
} else {
  console.log(JSON.stringify(hashes, null, 1));
}
