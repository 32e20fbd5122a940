/**
 * `npm run bench`: engine speed and memory per preset and population size. Each measurement runs in a
 * fresh process; bytes per agent = (peak RSS - the peak RSS of a 1-agent run) / agents. Prints a
 * Markdown table. A benchmark, not a test: figures vary with the machine and its load.
 *
 *   npm run bench                      # every preset at 1e3, 1e4, 1e5 (and 1e6 with --big)
 *   npm run bench -- --presets two-token --sizes 1000,10000
 *   npm run bench -- --no-sweep        # the engine only (the sweep benchmark, bench/sweep.ts, follows)
 *   npm run bench -- --repeat 3        # the best of 3 runs per row (a shared machine's load varies)
 *
 * Rates are agent-days per second of wall time and per second of CPU time; on a machine shared with
 * other work the CPU figure is the steadier one.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';

interface Result { preset: string; agents: number; days: number; wallMs: number; agentDaysPerSec: number; agentDaysPerCpuSec: number; maxRssBytes: number }

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const presets = (flag('presets') ?? 'two-token,peer-bank,market,market-k,gift').split(',');
const repeat = Math.max(1, Number(flag('repeat') ?? 1));
const sizes = (flag('sizes') ?? (args.includes('--big') ? '1000,10000,100000,1000000' : '1000,10000,100000')).split(',').map(Number);
/** Days per size: the same 100 days below a million agents, so sizes are compared on the same days (the
 * cost of a day changes as campaigns and windows fill) and the 90-day windows are full and resident;
 * a million agents get 6 days (windows not full). */
const daysFor = (agents: number): number => (agents >= 1_000_000 ? 6 : 100);

const one = fileURLToPath(new URL('./one.ts', import.meta.url));
const once = (preset: string, agents: number, days: number): Result =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', one, preset, String(agents), String(days)], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Result;
/** The best of `repeat` runs: the highest rates (wall and CPU apart) and the first run's memory. */
const measure = (preset: string, agents: number, days: number): Result => {
  const first = once(preset, agents, days);
  for (let k = 1; k < repeat; k++) {
    const r = once(preset, agents, days);
    first.agentDaysPerSec = Math.max(first.agentDaysPerSec, r.agentDaysPerSec);
    first.agentDaysPerCpuSec = Math.max(first.agentDaysPerCpuSec, r.agentDaysPerCpuSec);
  }
  return first;
};

console.log(`abundance engine benchmark: ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('');
console.log('| preset | agents | days | agent-days/s | ns per agent-day | agent-days/s (CPU) | peak MB | bytes per agent |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const preset of presets) {
  const base = measure(preset, 1, 2).maxRssBytes;
  for (const agents of sizes) {
    const days = daysFor(agents);
    const r = measure(preset, agents, days);
    const perAgent = (r.maxRssBytes - base) / agents;
    console.log(`| ${preset} | ${agents.toLocaleString('en')} | ${days} | ${Math.round(r.agentDaysPerSec).toLocaleString('en')} | ${(1e9 / r.agentDaysPerSec).toFixed(0)} | ${Math.round(r.agentDaysPerCpuSec).toLocaleString('en')} | ${(r.maxRssBytes / 2 ** 20).toFixed(0)} | ${Math.round(perAgent).toLocaleString('en')} |`);
  }
}

// Then the sweep benchmark (runs per second with 1 and 2 workers, memory at 1 and 200 runs), unless
// --no-sweep; `tsx bench/sweep.ts` runs it alone.
if (!args.includes('--no-sweep')) {
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sweep.ts', import.meta.url)), ...args], { stdio: 'inherit' });
}
