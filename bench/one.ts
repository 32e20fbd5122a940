/**
 * One benchmark measurement in a fresh process (so peak memory is its own): simulate a preset for
 * `agents` x `days` with a sink that drops everything, and print JSON with the wall time of the days
 * after the first (JIT warm-up excluded) and the process's peak resident memory.
 */
import { loadScenarioFile } from '../sim/scenario/file.js';
import { simulate } from '../sim/engine/simulate.js';
import type { RunSink } from '../sim/engine/sink.js';

const [preset = 'two-token', agentsArg = '1000', daysArg = '100'] = process.argv.slice(2);
const agents = Number(agentsArg);
const days = Number(daysArg);
const { scenario } = loadScenarioFile(preset, { overrides: { agents, days, seed: 1 } });
const drop: RunSink = { metrics() {}, agent() {}, flow() {} };
let firstDayEnd = 0;
const started = performance.now();
simulate(scenario, drop, { onDay: (day) => { if (day === 0) firstDayEnd = performance.now(); } });
const ended = performance.now();
const steadyMs = days > 1 ? ended - firstDayEnd : ended - started;
const steadyDays = days > 1 ? days - 1 : 1;
process.stdout.write(JSON.stringify({
  preset, agents, days,
  wallMs: ended - started,
  agentDaysPerSec: (agents * steadyDays) / (steadyMs / 1000),
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}) + '\n');
