/**
 * `npm run bench`: engine speed and memory. Each engine measurement runs in a fresh process; bytes per
 * agent = (peak RSS - the peak RSS of a 1-agent run) / agents. Prints Markdown tables. A benchmark, not
 * a test: figures vary with the machine and its load.
 *
 *   npm run bench                      # everything below; --big adds a million agents to the per-preset table
 *   npm run bench -- --no-million      # the goal table without its million two-token agents (about 4 CPU minutes, 2 GB)
 *   npm run bench -- --no-presets      # skip the per-preset table (the goal tables only)
 *   npm run bench -- --no-goals        # skip the goal tables (the per-preset table and the sweep only)
 *   npm run bench -- --presets two-token --sizes 1000,10000
 *   npm run bench -- --claims-seeds 3  # seeds of the claims workload, one size or more (default 2,10: 6 and 30 runs)
 *   npm run bench -- --no-sweep        # the engine only (the sweep benchmark, bench/sweep.ts, follows)
 *   npm run bench -- --repeat 3        # the best of 3 runs per row (a shared machine's load varies)
 *
 * The goal tables (issue 13), each rate set against a yardstick measured in this same process
 * (bench/boltzmann.ts: the Boltzmann wealth model as a typed-array loop, in agent-steps per CPU second,
 * taken at the start and at the end; the share uses the faster of the two):
 * - the claims workload: a whole sweep process (bench/claims.ts) of market, two-token and peer-bank,
 *   500 agents x 1095 days, one worker; agent-days per CPU second of the whole process (start-up,
 *   writing and aggregation included), summarised at claims.yaml's aggregate.everyDays; at 2 and at 10
 *   seeds by default (6 and 30 runs), and from the two, the CPU each further run costs, the part paid
 *   once (start-up, compiling the engine), and what the protocol's runs of these presets (claims.yaml's
 *   seeds x points) would make: issue 13's first figure was the protocol's (then 1,200 runs in about
 *   20 minutes on 2 cores), and a sweep of 6 runs is mostly the part paid once; then each size's CPU by
 *   thread, an estimate of its rate were the worker's thread free, and the bound its main thread
 *   (start-up and finishing) sets on any speed-up of the runs;
 * - two-token at 500, 10,000, 100,000 and 1,000,000 agents (the million left out with --no-million, or
 *   with a line saying so when the machine's memory cannot hold the run, by sim/io/memory.ts's estimate,
 *   the one that refuses runs too big): CPU cost per agent-day, its ratio
 *   to 10,000 agents', the share of the loop, and bytes per agent; each process first runs 500 agents x
 *   365 days untimed (JIT warm-up), then times whole runs of 100 days (a million agents too: the memory
 *   goal is a run's, with its 90-day windows full), repeated up to
 *   a million agent-days (20 runs at 500 agents), so the ratios compare steady days, not compilation;
 * - the abundance stress of MODEL.md section 13 against the defaults, per claims preset, 500 x 1095.
 *
 * Rates are agent-days per second of wall time and per second of CPU time; on a machine shared with
 * other work the CPU figure is the steadier one.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import { boltzmann } from './boltzmann.js';
import { loadScenarioFile } from '../sim/scenario/file.js';
import { MEMORY_SHARE, runBytes } from '../sim/io/memory.js';
import { CLAIMS_PRESETS, claimsProtocolRuns, type ClaimsMeasurement } from './claimsWorkload.js';

interface Result { preset: string; agents: number; days: number; reps?: number; wallMs: number; agentDaysPerSec: number; agentDaysPerCpuSec: number; maxRssBytes: number }

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const presets = (flag('presets') ?? 'two-token,peer-bank,market,market-k,gift').split(',');
const repeat = Math.max(1, Number(flag('repeat') ?? 1));
const sizes = (flag('sizes') ?? (args.includes('--big') ? '1000,10000,100000,1000000' : '1000,10000,100000')).split(',').map(Number);
/** Days per size: the same 100 days at every size of the goal table, so sizes are compared on the same
 * days (the cost of a day changes as campaigns and windows fill) and the 90-day windows are full and
 * resident: the memory goal is about a run, and a shorter one would leave most of the windows' pages
 * untouched (a million agents over 6 days showed 961 bytes per agent against 2,270 over 100). */
const GOAL_DAYS = 100;
/** The per-preset table's days: 100, but 6 at a million agents (five presets of 100 days would take half
 * an hour); their bytes per agent are marked as a short run's. */
const daysFor = (agents: number): number => (agents >= 1_000_000 ? 6 : GOAL_DAYS);
/** The longest per-agent window of the preset (MODEL.md section 2: the rho and demand windows): a run
 * no longer than this has not touched all the memory a long run holds. */
const windowDays = (preset: string): number => {
  const { scenario } = loadScenarioFile(preset);
  return Math.max(scenario.participation.rhoWindowDays, scenario.demand.windowDays);
};

const one = fileURLToPath(new URL('./one.ts', import.meta.url));
const once = (preset: string, agents: number, days: number, mode = 'defaults', warm = ''): Result =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', one, preset, String(agents), String(days), mode, warm], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Result;
/** The best of `repeat` runs: the highest rates (wall and CPU apart) and the first run's memory. */
const measure = (preset: string, agents: number, days: number, mode = 'defaults', warm = ''): Result => {
  const first = once(preset, agents, days, mode, warm);
  for (let k = 1; k < repeat; k++) {
    const r = once(preset, agents, days, mode, warm);
    first.agentDaysPerSec = Math.max(first.agentDaysPerSec, r.agentDaysPerSec);
    first.agentDaysPerCpuSec = Math.max(first.agentDaysPerCpuSec, r.agentDaysPerCpuSec);
  }
  return first;
};

console.log(`abundance engine benchmark: ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('');
/**
 * The goal table's two-token sizes: issue 13 asks for a million agents with their bytes per agent, so
 * they are in unless --no-million, or the machine's memory cannot hold the run (then a line says so).
 */
function goalSizes(): number[] {
  const sizes = [500, 10_000, 100_000];
  const million = 1_000_000;
  if (args.includes('--no-million')) return sizes;
  const need = runBytes(loadScenarioFile('two-token', { overrides: { agents: million, days: GOAL_DAYS } }).scenario);
  if (need > MEMORY_SHARE * totalmem()) {
    console.log(`(two-token at ${fmt(million)} agents left out of the goal table: such a run needs about ${(need / 2 ** 30).toFixed(1)} GiB, more than ${Math.round(100 * MEMORY_SHARE)} % of this machine's ${(totalmem() / 2 ** 30).toFixed(0)} GiB.)`);
    console.log('');
    return sizes;
  }
  return [...sizes, million];
}
const loops: number[] = [];
const yardstick = (): number => Math.max(...loops);
const pct = (rate: number): string => `${((100 * rate) / yardstick()).toFixed(2)} %`;
const fmt = (x: number): string => Math.round(x).toLocaleString('en');
if (!args.includes('--no-goals')) {
  loops.push(boltzmann().agentStepsPerCpuSec);
  // The claims workload at each size of --claims-seeds (default 2 and 10 seeds: 6 and 30 runs), the best
  // of --repeat at each.
  const seedsText = flag('claims-seeds') ?? '2,10';
  const claimsSeeds = seedsText.split(',').map(Number).sort((x, y) => x - y);
  if (claimsSeeds.some((x, k) => !(Number.isInteger(x) && x > 0) || x === claimsSeeds[k - 1])) {
    throw new Error(`bench: --claims-seeds ${seedsText}: expected distinct whole numbers of seeds, comma-separated (2,10)`);
  }
  const claimsAt = (seeds: number): ClaimsMeasurement => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./claims.ts', import.meta.url)), String(seeds)], { encoding: 'utf8', maxBuffer: 1 << 20 })) as ClaimsMeasurement;
  const claimsRows = claimsSeeds.map((seeds) => {
    let c = claimsAt(seeds);
    for (let k = 1; k < repeat; k++) { const r = claimsAt(seeds); if (r.cpuSeconds < c.cpuSeconds) c = r; }
    return c;
  });
  const scaling = goalSizes().map((agents) => ({ agents, days: GOAL_DAYS, r: measure('two-token', agents, GOAL_DAYS, 'defaults', 'warm') }));
  const twoTokenBase = measure('two-token', 1, 2, 'defaults', 'warm').maxRssBytes;
  const stress = CLAIMS_PRESETS.map((preset) => ({ preset, d: measure(preset, 500, 1095), s: measure(preset, 500, 1095, 'stress') }));
  loops.push(boltzmann().agentStepsPerCpuSec);
  console.log(`Yardstick: the Boltzmann wealth loop (bench/boltzmann.ts), 100,000 agents, in this process: ${loops.map((l) => fmt(l)).join(' (start) and ')} (end) agent-steps per CPU second; shares below use the faster.`);
  console.log('');
  console.log('| claims workload (one sweep process, 1 worker) | runs | agent-days | CPU s | wall s | agent-days/s (CPU) | agent-days/s (wall) | share of the loop | peak MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of claimsRows) console.log(`| market, two-token, peer-bank, 500 x 1095 | ${c.runs} | ${fmt(c.agentDays)} | ${c.cpuSeconds.toFixed(1)} | ${c.wallSeconds.toFixed(1)} | ${fmt(c.agentDays / c.cpuSeconds)} | ${fmt(c.agentDays / c.wallSeconds)} | ${pct(c.agentDays / c.cpuSeconds)} | ${(c.maxRssBytes / 2 ** 20).toFixed(0)} |`);
  console.log('');
  // A sweep's CPU is a part paid once (starting the command, compiling the engine, its warm-up) and a
  // part per run (the run, its files, its share of finishing). Two sizes give both; the claims
  // protocol (claims.yaml), hundreds of runs, is nearly all the second.
  const small = claimsRows[0];
  const large = claimsRows[claimsRows.length - 1];
  if (small !== undefined && large !== undefined && large.runs > small.runs) {
    const perRun = (large.cpuSeconds - small.cpuSeconds) / (large.runs - small.runs);
    const fixedCpu = small.cpuSeconds - small.runs * perRun;
    const runDays = small.agentDays / small.runs;
    const protocol = claimsProtocolRuns();
    const projected = (protocol * runDays) / (fixedCpu + protocol * perRun);
    // The projection takes every point's runs to cost what the defaults' do, and its finishing to grow
    // with the runs (the protocol's 6 points per preset summarise more groups than the bench's 1).
    console.log(`Between ${small.runs} and ${large.runs} runs: each further run cost ${perRun.toFixed(3)} CPU s, ${fmt(runDays / perRun)} agent-days per CPU second (${pct(runDays / perRun)} of the loop); the part paid once, ${fixedCpu.toFixed(1)} CPU s. These presets' ${fmt(protocol)} runs of the claims protocol (scenarios/sweeps/claims.yaml), were each to cost as much, would make about ${fmt(projected)} agent-days per CPU second (${pct(projected)}).`);
    console.log('');
  }
  // Where the CPU of each size went (bench/claims.ts reads the command's threads): the sweep's worker
  // thread is the largest of the others. The main thread's work (start-up, finishing) does not shrink
  // with the runs, so the workload can go no faster than its agent-days over that; the compiler
  // threads' work shrinks in part with the code the runs execute, so the rate without the worker's
  // thread is an estimate.
  for (const c of claimsRows) {
    const [worker = 0, ...rest] = c.threads.others;
    if (c.threads.main > 0 && worker > 0) {
      const compiler = rest.reduce((x, y) => x + y, 0);
      const outside = c.cpuSeconds - worker;
      console.log(`${c.runs} runs, CPU by thread (read every 20 ms): the main thread ${c.threads.main.toFixed(1)} s (start-up, finishing: runs.csv, summary.csv, the Parquet files), the sweep's worker ${worker.toFixed(1)} s (the runs and their files), ${rest.length} other threads ${compiler.toFixed(1)} s (V8's optimising compiler, mostly). Were the worker's thread free, the workload would make about ${fmt(c.agentDays / outside)} agent-days per CPU second (${pct(c.agentDays / outside)} of the loop), and it can make no more than ${fmt(c.agentDays / c.threads.main)} (${pct(c.agentDays / c.threads.main)}) while its main thread costs what it does.`);
    } else {
      console.log(`${c.runs} runs, CPU by thread: no readings of its threads (/proc/<pid>/task could not be read).`);
    }
  }
  console.log('');
  const ten = scaling.find((x) => x.agents === 10_000)!.r.agentDaysPerCpuSec;
  console.log('| two-token agents | days | agent-days/s (CPU) | ns per agent-day (CPU) | cost / cost at 10,000 | share of the loop | peak MB | bytes per agent |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { agents, days, r } of scaling) {
    // Repeated runs leave garbage behind, so their peak says nothing per agent (the 500-agent row).
    const perAgent = (r.reps ?? 1) > 1 ? `(${r.reps} runs)` : fmt((r.maxRssBytes - twoTokenBase) / agents);
    console.log(`| ${fmt(agents)} | ${days} | ${fmt(r.agentDaysPerCpuSec)} | ${(1e9 / r.agentDaysPerCpuSec).toFixed(0)} | ${(ten / r.agentDaysPerCpuSec).toFixed(2)}x | ${pct(r.agentDaysPerCpuSec)} | ${(r.maxRssBytes / 2 ** 20).toFixed(0)} | ${perAgent} |`);
  }
  console.log('');
  console.log('| preset, 500 x 1095 | agent-days/s (CPU), defaults | agent-days/s (CPU), abundance stress | stress cost / default cost |');
  console.log('|---|---:|---:|---:|');
  for (const { preset, d, s: st } of stress) console.log(`| ${preset} | ${fmt(d.agentDaysPerCpuSec)} | ${fmt(st.agentDaysPerCpuSec)} | ${(d.agentDaysPerCpuSec / st.agentDaysPerCpuSec).toFixed(2)}x |`);
  console.log('');
}
if (args.includes('--no-presets')) process.exit(args.includes('--no-sweep') ? 0 : runSweep());
console.log('| preset | agents | days | agent-days/s | ns per agent-day | agent-days/s (CPU) | peak MB | bytes per agent |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const preset of presets) {
  const base = measure(preset, 1, 2).maxRssBytes;
  for (const agents of sizes) {
    const days = daysFor(agents);
    const r = measure(preset, agents, days);
    const perAgent = Math.round((r.maxRssBytes - base) / agents).toLocaleString('en') + (days <= windowDays(preset) ? ` (${days} days: windows not yet full)` : '');
    console.log(`| ${preset} | ${agents.toLocaleString('en')} | ${days} | ${Math.round(r.agentDaysPerSec).toLocaleString('en')} | ${(1e9 / r.agentDaysPerSec).toFixed(0)} | ${Math.round(r.agentDaysPerCpuSec).toLocaleString('en')} | ${(r.maxRssBytes / 2 ** 20).toFixed(0)} | ${perAgent} |`);
  }
}

// Then the sweep benchmark (runs per second with 1 and 2 workers, memory at 1 and 200 runs), unless
// --no-sweep; `tsx bench/sweep.ts` runs it alone.
function runSweep(): number {
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sweep.ts', import.meta.url)), ...args], { stdio: 'inherit' });
  return 0;
}
if (!args.includes('--no-sweep')) runSweep();
