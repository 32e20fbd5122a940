/**
 * sim/io/runFolder: a run folder appears whole or not at all. The engine is replaced by small fakes
 * (dependency injection), so these tests do not wait for it and can fail it on purpose.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioSchema, type Scenario } from '../../sim/scenario/schema.js';
import type { RunSink } from '../../sim/engine/sink.js';
import type { RunResult } from '../../sim/engine/simulate.js';
import { COLUMNS, col } from '../../sim/metrics/columns.js';
import { AGENT_COLUMNS } from '../../sim/metrics/agentColumns.js';
import { writeRunFolder } from '../../sim/io/runFolder.js';

const resolvedOf = (scenario: Scenario) => ({ scenario, origin: 'test.yaml', chain: ['test.yaml', 'two-token'], preset: 'two-token' });

/** A fake engine: one metrics row a day (reusing one array, as the engine does), agents at the end, a flow a day. */
function fakeSimulate(failOnDay = -1) {
  return (scenario: Scenario, sink: RunSink): RunResult => {
    const row = new Float64Array(COLUMNS.length).fill(NaN);
    for (let day = 0; day < scenario.days; day++) {
      if (day === failOnDay) throw new Error(`invariant broken on day ${day}`);
      row[col('day')] = day;
      row[col('money_ch')] = 1.5 * day;
      row[col('cost_index')] = 1 / (day + 1);
      sink.metrics(row);
      sink.flow(day, 'ch', 'input', 'producers', 0, 1234 * day, 1234 * day);
    }
    const agent = new Float64Array(AGENT_COLUMNS.length).fill(NaN);
    agent[0] = scenario.days - 1;
    agent[1] = 0;
    agent[2] = 1;
    sink.agent(agent);
    return { days: scenario.days, agents: scenario.agents, wallMs: 1 };
  };
}


describe('io/runFolder', () => {
  let root = '';
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'abundance-run-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the CSV files, the manifest and the metrics table of a run', async () => {
    const scenario = ScenarioSchema.parse({ agents: 4, days: 3, seed: 9 });
    const out = join(root, 'run');
    const run = await writeRunFolder(out, resolvedOf(scenario), {}, { simulate: fakeSimulate() });
    expect(readdirSync(out).sort()).toEqual(['agents.csv', 'flows.csv', 'manifest.json', 'metrics.csv']);
    const metrics = readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n');
    expect(metrics[0]).toBe(COLUMNS.map((c) => c.name).join(','));
    expect(metrics[3]?.split(',').slice(0, 2)).toEqual(['2', '']);
    expect(metrics[3]?.split(',')[col('money_ch')]).toBe('3.000');
    expect(readFileSync(join(out, 'flows.csv'), 'utf8')).toBe(
      'day,currency,kind,sector,amount,paid,received\n0,ch,input,producers,0.000,0.000,0.000\n1,ch,input,producers,0.000,1.234,1.234\n2,ch,input,producers,0.000,2.468,2.468\n');
    expect(readFileSync(join(out, 'agents.csv'), 'utf8').split('\n')[1]?.startsWith('2,0,labour-rich,')).toBe(true);
    expect(run.table.rows).toHaveLength(3);
    expect(run.table.rows[2]?.[col('money_ch')]).toBe(3);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 9, agents: 4, days: 3, preset: 'two-token', origin: 'test.yaml' });
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.scenario.seed).toBe(9);
    expect(manifest.packages.yargs).toMatch(/^18\./);
    const size = (f: string): number => statSync(join(out, f)).size;
    expect(manifest.bytes).toEqual({ 'agents.csv': size('agents.csv'), 'flows.csv': size('flows.csv'), 'metrics.csv': size('metrics.csv') });
  });

  it('lists the files addFiles adds in manifest.json, and gives it the simulated run', async () => {
    const scenario = ScenarioSchema.parse({ agents: 2, days: 2, name: 'mine' });
    const out = join(root, 'run');
    const seen: number[] = [];
    const run = await writeRunFolder(out, resolvedOf(scenario), {
      addFiles: async (dir, r) => {
        seen.push(r.table.rows.length, r.result.days);
        writeFileSync(join(dir, 'extra.txt'), 'x');
        return ['extra.txt'];
      },
    }, { simulate: fakeSimulate() });
    expect(seen).toEqual([2, 2]);
    expect(run.manifest.files).toEqual(['agents.csv', 'extra.txt', 'flows.csv', 'manifest.json', 'metrics.csv']);
    expect(Object.keys(run.manifest.bytes)).toEqual(['agents.csv', 'flows.csv', 'metrics.csv']);
  });

  it('leaves no folder and no temporary folder when the engine fails mid-run', async () => {
    const scenario = ScenarioSchema.parse({ agents: 4, days: 10 });
    const out = join(root, 'run');
    await expect(writeRunFolder(out, resolvedOf(scenario), {}, { simulate: fakeSimulate(5) }))
      .rejects.toThrow('invariant broken on day 5');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('keeps the previous run folder untouched when a new run into it fails', async () => {
    const scenario = ScenarioSchema.parse({ agents: 4, days: 3 });
    const out = join(root, 'run');
    await writeRunFolder(out, resolvedOf(scenario), {}, { simulate: fakeSimulate() });
    const before = readFileSync(join(out, 'metrics.csv'), 'utf8');
    await expect(writeRunFolder(out, resolvedOf(scenario), {}, { simulate: fakeSimulate(1) }))
      .rejects.toThrow();
    expect(readFileSync(join(out, 'metrics.csv'), 'utf8')).toBe(before);
    expect(readdirSync(root)).toEqual(['run']);
  });

  it('leaves nothing when adding files fails after the simulation', async () => {
    const scenario = ScenarioSchema.parse({ agents: 4, days: 3 });
    const failing = async (): Promise<string[]> => { throw new Error('no fonts'); };
    await expect(writeRunFolder(join(root, 'run'), resolvedOf(scenario), { addFiles: failing }, { simulate: fakeSimulate() }))
      .rejects.toThrow('no fonts');
    expect(readdirSync(root)).toEqual([]);
  });
});
