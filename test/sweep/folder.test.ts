import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioHash } from '../../sim/io/manifest.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { checkFolder, clearLeftovers, isComplete, SweepFolderExists } from '../../sim/sweep/folder.js';
import { planSweep, scenarioOf } from '../../sim/sweep/plan.js';
import { buildSpec } from '../../sim/sweep/spec.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-sweep-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const plan = planSweep(buildSpec(parse('compare: [gift]\nseeds: 2\nagents: 20\n'), 'f.yaml', 'f'), (f, o) => resolveScenario(f, 'f.yaml', o));

describe('sweep/folder', () => {
  it('takes an absent or empty folder, and an old one only with resume', () => {
    const dir = join(root, 'a');
    expect(() => checkFolder(dir, false)).not.toThrow();
    mkdirSync(dir);
    expect(() => checkFolder(dir, false)).not.toThrow();
    writeFileSync(join(dir, 'runs.csv'), '');
    expect(() => checkFolder(dir, false)).toThrow(SweepFolderExists);
    expect(() => checkFolder(dir, false)).toThrow(/--resume/);
    expect(() => checkFolder(dir, true)).not.toThrow();
    expect(() => checkFolder(join(dir, 'runs.csv'), true)).toThrow(SweepFolderExists);
  });

  it('trusts a run folder only with a manifest.json of the planned scenario', () => {
    const dir = join(root, 'b');
    const run = plan.runs[1]!;
    const runDir = join(dir, run.run);
    mkdirSync(runDir, { recursive: true });
    expect(isComplete(plan, dir, run)).toBe(false);
    writeFileSync(join(runDir, 'manifest.json'), '{"scenarioHash": "');
    expect(isComplete(plan, dir, run)).toBe(false); // half-written JSON
    writeFileSync(join(runDir, 'manifest.json'), JSON.stringify({ scenarioHash: scenarioHash(scenarioOf(plan, plan.runs[0]!)) }));
    expect(isComplete(plan, dir, run)).toBe(false); // another replicate's scenario
    writeFileSync(join(runDir, 'manifest.json'), JSON.stringify({ scenarioHash: scenarioHash(scenarioOf(plan, run)) }));
    expect(isComplete(plan, dir, run)).toBe(true);
  });

  it('deletes the temporary folders and files an interrupted sweep left, and nothing else', () => {
    const dir = join(root, 'c');
    const point = join(dir, 'runs/gift/base');
    mkdirSync(join(point, 'r000'), { recursive: true });
    mkdirSync(join(point, 'r001.tmp-123-00ff00ff'));
    mkdirSync(join(point, 'r000.tmp-old-9-abcdef12'));
    writeFileSync(join(dir, 'summary.csv.tmp-4-0a0b0c0d'), '');
    writeFileSync(join(dir, 'notes.tmp.txt'), '');
    expect(clearLeftovers(plan, dir)).toBe(3);
    expect(existsSync(join(point, 'r000'))).toBe(true);
    expect(existsSync(join(point, 'r001.tmp-123-00ff00ff'))).toBe(false);
    expect(existsSync(join(dir, 'notes.tmp.txt'))).toBe(true);
  });
});
