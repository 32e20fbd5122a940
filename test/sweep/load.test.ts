import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { loadSweep } from '../../sim/sweep/load.js';
import { scenarioOf } from '../../sim/sweep/plan.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-sweep-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sweep/load', () => {
  it('follows an extends path relative to the sweep file, and labels the runs with its root preset', () => {
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'base.yaml'), 'extends: peer-bank\nbank: { k: 45 }\nagents: 50\n');
    writeFileSync(join(root, 'sub', 's.yaml'), 'extends: ./base.yaml\nseeds: 2\nsweep: { demurrage.rate: [0.01, 0.02] }\n');
    const { plan } = loadSweep(join(root, 'sub', 's.yaml'));
    expect(plan.presets).toEqual(['peer-bank']);
    expect(plan.name).toBe('s');
    const s = scenarioOf(plan, plan.runs[3]!);
    expect(s).toMatchObject({ agents: 50, bank: { k: 45 }, demurrage: { rate: 0.02 }, institutions: { money: 'peer-bank' } });
  });

  it('reads JSON too, and records the sha256 of the file\'s bytes', () => {
    const file = join(root, 'j.json');
    writeFileSync(file, JSON.stringify({ compare: ['gift', 'market'], seeds: 1, sweep: { 'pricing.mu0': { arange: [0.05, 0.2, 0.05] } } }));
    const loaded = loadSweep(file);
    expect(loaded.plan.points.map((p) => p.params['pricing.mu0'])).toEqual([0.05, 0.1, 0.15]);
    expect(loaded.fileHash).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('names a missing file, a missing extends file and bad YAML', () => {
    const message = (file: string): string => {
      try {
        loadSweep(file);
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message(join(root, 'none.yaml'))).toMatch(/none.yaml: sweep file not found$/);
    writeFileSync(join(root, 'e.yaml'), 'extends: ./gone.yaml\n');
    expect(message(join(root, 'e.yaml'))).toMatch(/e.yaml: extends: file not found: .*gone.yaml/);
    writeFileSync(join(root, 'y.yaml'), 'sweep: [1, 2\n');
    expect(message(join(root, 'y.yaml'))).toMatch(/y.yaml:\d+:\d+: invalid YAML/);
  });
});
