/**
 * The yardstick of `npm run bench`: the Boltzmann wealth model (Mesa's and NetLogo's benchmark) as a
 * typed-array loop. N agents start with 1 unit of wealth each (Int32Array); each step, every agent with
 * wealth > 0 gives 1 unit to a uniformly drawn other agent; the draws come from an inline xorshift32.
 * About the fastest a JavaScript agent loop with a random partner per agent-step gets on this machine,
 * so an engine's agent-days per second divided by its agent-steps per second is a machine-independent
 * share ("x % of the loop"). Measured in the bench's own process, in CPU time, best of `repeat`.
 *
 *   boltzmann(agents = 100_000, steps = 200, repeat = 3) -> { agentStepsPerCpuSec, checksum }
 */
export interface LoopResult { agents: number; steps: number; agentStepsPerCpuSec: number; checksum: number }

function run(wealth: Int32Array, steps: number, seed: number): number {
  const n = wealth.length;
  let x = seed | 0 || 1;
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < n; i++) {
      if (wealth[i]! <= 0) continue;
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
      let j = Math.floor(((x >>> 0) / 4294967296) * (n - 1)); // another agent: 0..n-2, skipping i
      if (j >= i) j++;
      wealth[i]!--;
      wealth[j]!++;
    }
  }
  return x;
}

const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

export function boltzmann(agents = 100_000, steps = 200, repeat = 3): LoopResult {
  let best = 0;
  let checksum = 0;
  for (let r = 0; r < repeat; r++) {
    const wealth = new Int32Array(agents).fill(1);
    run(wealth, 5, 7 + r); // warm-up: the JIT compiles the loop
    wealth.fill(1);
    const t0 = cpuMs();
    checksum = run(wealth, steps, 12345 + r);
    const ms = cpuMs() - t0;
    best = Math.max(best, (agents * steps) / (ms / 1000));
    let total = 0;
    for (let i = 0; i < agents; i++) total += wealth[i]!;
    if (total !== agents) throw new Error(`boltzmann: wealth not conserved (${total} of ${agents})`);
  }
  return { agents, steps, agentStepsPerCpuSec: best, checksum };
}
