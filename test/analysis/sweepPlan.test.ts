import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSweepPlan } from '../../sim/analysis/sweepPlan.js';
import { pointsOf, sweepJson } from './fixture.js';
import { tempDir } from '../cli/exec.js';

const root = tempDir('sweep-plan');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding `sweep.json` with this content. */
function folder(name: string, content: unknown): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sweep.json'), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('analysis/sweepPlan', () => {
  it('reads the plan of docs/sweeps.md: presets, grid and sensitivity points, runs', () => {
    const plan = readSweepPlan(folder('ok', sweepJson('x', ['gift', 'two-token'], pointsOf({ 'bank.k': [7] }), 2)));
    expect(plan.presets).toEqual(['gift', 'two-token']);
    expect(plan.points.map((p) => [p.id, p.kind, p.key, p.value, p.of])).toEqual([['base', 'grid', undefined, undefined, undefined], ['s-bank.k-7', 'sensitivity', 'bank.k', 7, 'base']]);
    expect(plan.runs).toHaveLength(8);
    expect(plan.runs[0]).toMatchObject({ run: 'runs/gift/base/r000', preset: 'gift', point: 'base', replicate: 0, seed: 1 });
  });

  it('says when the folder is missing, is a run folder, or is not a sweep folder', () => {
    expect(() => readSweepPlan(join(root, 'nope'))).toThrow(/nope: no such folder/);
    const run = join(root, 'run');
    mkdirSync(run);
    writeFileSync(join(run, 'metrics.csv'), 'day\n0\n');
    expect(() => readSweepPlan(run)).toThrow(/not a sweep folder \(no sweep.json; this is a run folder\)/);
  });

  it('names the file and the field of a malformed plan', () => {
    expect(() => readSweepPlan(folder('json', '{ "name": '))).toThrow(/sweep.json: not valid JSON/);
    const bad = sweepJson('x', ['gift'], pointsOf(), 1) as { runs: { replicate: unknown }[] };
    bad.runs[0]!.replicate = 'zero';
    expect(() => readSweepPlan(folder('field', bad))).toThrow(/sweep.json: runs\[0\]\.replicate: /);
    const stray = sweepJson('x', ['gift'], pointsOf(), 1) as { runs: { preset: string }[] };
    stray.runs[0]!.preset = 'market';
    expect(() => readSweepPlan(folder('stray', stray))).toThrow(/runs\.0\.preset: "market" is not in presets \(gift\)/);
  });
});
