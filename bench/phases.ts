/**
 * Where a day's time goes, step by step: each step of the day's phases (sim/engine/phases.ts), the
 * invariants of MODEL.md section 8, the windows and the metrics row, timed around its call in a copy of
 * the day's loop of sim/engine/simulate.ts. A benchmark, not a test: figures vary with the machine.
 *
 *   npx tsx bench/phases.ts [presets = market,two-token,peer-bank] [agents = 500] [days = 1095] [repeat = 3]
 *
 * Every preset first runs 100 agents x 300 days untimed (the JIT's warm-up), then `repeat` whole runs
 * of `agents` x `days`, seed 1; of each preset the run with the least total counts, and the table sums
 * them over the presets, steps in the order of the day. Before any timing the copy of the loop is
 * checked against simulate itself, every metrics row of a short run of each preset to the bit, so it
 * cannot drift from the engine unnoticed.
 */
import { loadScenarioFile } from '../sim/scenario/file.js';
import type { Scenario } from '../sim/scenario/schema.js';
import { simulate } from '../sim/engine/simulate.js';
import { DROP_ROWS } from '../sim/engine/sink.js';
import { World } from '../sim/engine/world.js';
import { PHASES, WINDOWS } from '../sim/engine/phases.js';
import { Invariants } from '../sim/money/invariants.js';
import { observe } from '../sim/metrics/observe.js';
import { COLUMNS } from '../sim/metrics/columns.js';
import type { Step } from '../sim/money/kind.js';

const [presetsArg = 'market,two-token,peer-bank', agentsArg = '500', daysArg = '1095', repeatArg = '3'] = process.argv.slice(2);
const presets = presetsArg.split(',');
const agents = Number(agentsArg);
const days = Number(daysArg);
const repeat = Number(repeatArg);
for (const [name, v] of [['agents', agents], ['days', days], ['repeat', repeat]] as const) {
  if (!(Number.isInteger(v) && v >= 1)) throw new Error(`bench/phases: ${name} must be a whole number >= 1, got ${v}`);
}

/** The steps of the day in order, named `phase.step`, then the end of the day's parts. */
const steps: { name: string; step: Step }[] = PHASES.flatMap((p) => p.steps.map((step) => ({ name: `${p.name}.${step.name}`, step })));
const names = [...steps.map((s) => s.name), 'invariants', ...WINDOWS.steps.map((s) => `${WINDOWS.name}.${s.name}`), 'observe (the metrics row)'];

/** simulate's day loop with a clock around each part; returns the metrics rows when `rows` is given. */
function run(scenario: Scenario, ms: Float64Array, rows?: Float64Array[]): void {
  const w = new World(scenario, false);
  const invariants = new Invariants();
  const row = new Float64Array(COLUMNS.length);
  const nSteps = steps.length;
  for (let day = 0; day < scenario.days; day++) {
    w.beginDay(day);
    if (day === 0) w.money.init(w);
    for (let k = 0; k < nSteps; k++) {
      const t = performance.now();
      steps[k]!.step(w);
      ms[k]! += performance.now() - t;
    }
    let t = performance.now();
    invariants.check(w);
    ms[nSteps]! += performance.now() - t;
    for (let k = 0; k < WINDOWS.steps.length; k++) {
      t = performance.now();
      WINDOWS.steps[k]!(w);
      ms[nSteps + 1 + k]! += performance.now() - t;
    }
    t = performance.now();
    observe(w, row);
    ms[names.length - 1]! += performance.now() - t;
    rows?.push(Float64Array.from(row));
    w.endDay();
  }
}

const scenarioOf = (preset: string, n: number, d: number): Scenario => loadScenarioFile(preset, { overrides: { agents: n, days: d, seed: 1 } }).scenario;

// The copy's rows are simulate's, bit for bit (NaN as NaN).
for (const preset of presets) {
  const scenario = scenarioOf(preset, 40, 120);
  const expected: Float64Array[] = [];
  simulate(scenario, { ...DROP_ROWS, metrics: (row) => void expected.push(Float64Array.from(row)) });
  const got: Float64Array[] = [];
  run(scenario, new Float64Array(names.length), got);
  const same = got.length === expected.length && got.every((row, d) => row.every((v, j) => Object.is(v, expected[d]![j])));
  if (!same) throw new Error(`bench/phases: its copy of simulate's day loop no longer gives simulate's rows (${preset}); make it follow sim/engine/simulate.ts`);
}

const total = new Float64Array(names.length);
let agentDays = 0;
for (const preset of presets) {
  run(scenarioOf(preset, 100, 300), new Float64Array(names.length));
  const scenario = scenarioOf(preset, agents, days);
  let best: Float64Array | undefined;
  for (let r = 0; r < repeat; r++) {
    const ms = new Float64Array(names.length);
    run(scenario, ms);
    if (best === undefined || ms.reduce((x, y) => x + y, 0) < best.reduce((x, y) => x + y, 0)) best = ms;
  }
  for (let k = 0; k < names.length; k++) total[k]! += best![k]!;
  agentDays += agents * days;
}
const sum = total.reduce((x, y) => x + y, 0);
console.log(`Where the day's time goes: ${presets.join(', ')}, ${agents} agents x ${days} days, seed 1, the least of ${repeat} runs of each preset, summed (wall time of each part, ${Math.round(sum).toLocaleString('en')} ms in all, ${Math.round((1e6 * sum) / agentDays).toLocaleString('en')} ns per agent-day)`);
console.log('');
console.log('| step | ms | share | ns per agent-day |');
console.log('|---|---:|---:|---:|');
for (let k = 0; k < names.length; k++) {
  console.log(`| ${names[k]} | ${total[k]!.toFixed(0)} | ${((100 * total[k]!) / sum).toFixed(1)} % | ${((1e6 * total[k]!) / agentDays).toFixed(0)} |`);
}
