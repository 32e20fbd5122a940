/**
 * One benchmark measurement in a fresh process (so peak memory is its own): simulate a preset for
 * `agents` x `days` with a sink that drops everything, and print JSON with the wall time of the days
 * after the first (JIT warm-up excluded), the CPU time of the same days (on a machine shared with other
 * work, CPU time is the steadier of the two: it leaves out the time spent waiting for a core), and the
 * process's peak resident memory.
 */
import { loadScenarioFile } from '../sim/scenario/file.js';
import { simulate } from '../sim/engine/simulate.js';
import type { RunSink } from '../sim/engine/sink.js';

const [preset = 'two-token', agentsArg = '1000', daysArg = '100'] = process.argv.slice(2);
const agents = Number(agentsArg);
const days = Number(daysArg);
const { scenario } = loadScenarioFile(preset, { overrides: { agents, days, seed: 1 } });
const drop: RunSink = { metrics() {}, agent() {}, flow() {} };
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
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
