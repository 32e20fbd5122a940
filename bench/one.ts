/**
 * One benchmark measurement in a fresh process (so peak memory is its own): simulate a preset for
 * `agents` x `days` with a sink that drops everything, and print JSON with the wall time of the days
 * after the first (JIT warm-up excluded), the CPU time of the same days (on a machine shared with other
 * work, CPU time is the steadier of the two: it leaves out the time spent waiting for a core), and the
 * process's peak resident memory. `stress` as a fourth argument runs the abundance stress of MODEL.md
 * section 13 (sim/cli/viability.ts's `abundanceFlags`, its one home) on top of the preset.
 *
 * `warm` as a fifth argument first runs the same scenario at 500 agents for 365 days, untimed, so the JIT
 * has compiled the day's code, then times whole runs (the first day and the set-up included), repeated
 * until they make at least a million agent-days: a single 500 x 100 run lasts about 0.1 s, and its
 * figure was mostly compilation and the load of the moment (it read 3x the cost of 10,000 agents, while
 * 20 such runs in a row cost the same per agent-day as 10,000 agents do).
 *
 *   tsx bench/one.ts <preset> <agents> <days> [defaults | stress] [warm]
 */
import { loadScenarioFile } from '../sim/scenario/file.js';
import { simulate } from '../sim/engine/simulate.js';
import { DROP_ROWS as drop } from '../sim/engine/sink.js';
import { abundanceFlags } from '../sim/cli/viability.js';

const [preset = 'two-token', agentsArg = '1000', daysArg = '100', mode = 'defaults', warm = ''] = process.argv.slice(2);
const agents = Number(agentsArg);
const days = Number(daysArg);
const overrides = { agents, days, seed: 1 };
const defaults = loadScenarioFile(preset, { overrides }).scenario;
const { scenario } = mode === 'stress' ? loadScenarioFile(preset, { overrides, set: abundanceFlags(defaults) }) : { scenario: defaults };
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
if (warm === 'warm') {
  simulate({ ...scenario, agents: 500, days: 365 }, drop);
  const reps = Math.min(50, Math.max(1, Math.round(1e6 / (agents * days))));
  const started = performance.now();
  const startedCpu = cpuMs();
  for (let r = 0; r < reps; r++) simulate(scenario, drop);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (cpuMs() - startedCpu) / 1000;
  process.stdout.write(JSON.stringify({
    preset, agents, days, reps,
    wallMs: seconds * 1000,
    agentDaysPerSec: (agents * days * reps) / seconds,
    agentDaysPerCpuSec: (agents * days * reps) / cpuSeconds,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }) + '\n');
  process.exit(0);
}
let firstDayEnd = 0;
let firstDayCpu = 0;
const started = performance.now();
const startedCpu = cpuMs();
simulate(scenario, drop, { onDay: (day) => { if (day === 0) { firstDayEnd = performance.now(); firstDayCpu = cpuMs(); } } });
const ended = performance.now();
const endedCpu = cpuMs();
const steadyMs = days > 1 ? ended - firstDayEnd : ended - started;
const steadyDays = days > 1 ? days - 1 : 1;
const steadyCpuMs = days > 1 ? endedCpu - firstDayCpu : endedCpu - startedCpu;
process.stdout.write(JSON.stringify({
  preset, agents, days,
  wallMs: ended - started,
  agentDaysPerSec: (agents * steadyDays) / (steadyMs / 1000),
  agentDaysPerCpuSec: (agents * steadyDays) / (steadyCpuMs / 1000),
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}) + '\n');
