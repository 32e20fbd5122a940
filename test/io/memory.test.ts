/**
 * sim/io/memory: the memory a run needs, and the refusal (exit 2, naming agents, with the size) of runs
 * that would not fit; the machine's memory is passed in, so the refusal is tested with any figure.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { checkMemory, runBytes } from '../../sim/io/memory.js';

const GB = 2 ** 30;
const resolved = (input: Record<string, unknown>) => resolveScenario(input, 'my.yaml');

describe('io/memory', () => {
  it('grows with agents, liked genres and the windows each agent keeps', () => {
    const perAgent = (preset: string): number =>
      (runBytes(resolved({ extends: preset, agents: 100_000 }).scenario) - runBytes(resolved({ extends: preset, agents: 1000 }).scenario)) / 99_000;
    // At least the benchmark's figures at 100,000 agents (docs/performance.md): 2,571 (two-token), 1,565 (gift).
    expect(perAgent('two-token')).toBeGreaterThan(2571);
    expect(perAgent('gift')).toBeGreaterThan(1565);
    const bank = resolved({ extends: 'peer-bank', agents: 1000, 'bank.emaDays': 3650 }).scenario;
    expect(runBytes(bank) - runBytes(resolved({ extends: 'peer-bank', agents: 1000 }).scenario)).toBe(1000 * 4 * 2 * (3650 - 28)); // one window per token, CH and MH
  });

  it('lets a run that fits start', () => {
    expect(() => checkMemory([resolved({ agents: 1000 })], 1, 8 * GB)).not.toThrow();
  });

  it('refuses a run that does not fit, naming agents, the size it needs and the machine\'s', () => {
    const r = resolved({ agents: 5_000_000 });
    let error: unknown;
    try {
      checkMemory([r], 1, 4 * GB);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error).toMatchObject({ exitCode: 2, file: 'my.yaml', fieldPath: 'agents' });
    expect((error as ScenarioError).message).toMatch(/^my\.yaml: agents: 5,000,000 agents need about \d+ GB; this machine has 4\.0 GB \(a run may use 80 %\): at most about [\d,]+ agents$/);
  });

  it('counts the runs in flight', () => {
    const r = resolved({ agents: 400_000 });
    const one = runBytes(r.scenario);
    const machine = (one * 1.5) / 0.8;
    expect(() => checkMemory([r, r], 1, machine)).not.toThrow();
    expect(() => checkMemory([r, r], 2, machine)).toThrow(/each, .* for 2 runs at a time; .*fewer --workers fit more/);
    expect(() => checkMemory([r], 4, machine)).not.toThrow(); // one run is never more than one in flight
  });
});
