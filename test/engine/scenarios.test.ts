/**
 * Every scenario file in scenarios/ runs (small: 120 agents, 200 days) in audit mode with its invariants
 * intact. Sweep files (scenarios/sweeps/) are not scenarios: test/sweep/files.test.ts runs them.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { memorySink } from '../../sim/engine/sink.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { REPO_ROOT } from '../../sim/scenario/generate.js';
import { column, expectCellsWellDefined } from '../helpers/metrics.js';

const dir = join(REPO_ROOT, 'scenarios');
const files = (readdirSync(dir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.yaml') && !f.split(sep).includes('sweeps'))
  .sort();

describe('engine/simulate on every scenario file', () => {
  it('finds the scenario files', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s runs 200 days in audit mode: no invariant breaks, cells defined where they should be, goods made', (file) => {
    const s = loadScenarioFile(join(dir, file), { overrides: { agents: 120, days: 200 } }).scenario;
    const sink = memorySink();
    const result = simulate(s, sink, { audit: true });
    expect(result.days).toBe(200);
    expect(sink.run.metrics).toHaveLength(200);
    expectCellsWellDefined(sink.run.metrics, s);
    expect(column(sink.run.metrics, 'goods_total').at(-1)).toBeGreaterThan(0);
    expect(column(sink.run.metrics, 'day')).toEqual(Array.from({ length: 200 }, (_, d) => d));
    // agents.csv: a row per agent at the end (agentsEveryDays >= 90 gives 2 or 3 snapshots in 200 days).
    expect(sink.run.agents.length % 120).toBe(0);
    expect(sink.run.agents.length).toBeGreaterThanOrEqual(120);
  }, 30_000);
});
