import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../sim/io/manifest.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { checkFolder, clearLeftovers, isComplete, runProblem, SweepFolderExists } from '../../sim/sweep/folder.js';
import { planSweep, resolvedOf, scenarioOf } from '../../sim/sweep/plan.js';
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

  it('trusts a run folder only with a manifest.json of the planned scenario and files of the sizes it records', () => {
    const dir = join(root, 'b');
    const run = plan.runs[1]!;
    const runDir = join(dir, run.run);
    mkdirSync(runDir, { recursive: true });
    expect(isComplete(plan, dir, run)).toBe(false);
    writeFileSync(join(runDir, 'manifest.json'), '{"scenarioHash": "');
    expect(isComplete(plan, dir, run)).toBe(false); // half-written JSON
    const manifest = (of: typeof run, bytes: Record<string, number>): string =>
      JSON.stringify(buildManifest({ ...resolvedOf(plan, of), scenario: scenarioOf(plan, of) }, { days: 1, agents: 20, wallMs: 1 }, { totalMs: 2, created: new Date(0) }, ['manifest.json'], bytes));
    writeFileSync(join(runDir, 'manifest.json'), manifest(plan.runs[0]!, { 'agents.csv': 3 }));
    expect(runProblem(plan, dir, run)).toBe('other'); // another replicate's scenario
    const { bytes: _, ...old } = JSON.parse(manifest(run, {})) as Record<string, unknown>;
    writeFileSync(join(runDir, 'manifest.json'), JSON.stringify(old));
    expect(runProblem(plan, dir, run)).toBe('manifest.json records no file sizes'); // an older version's: made again
    writeFileSync(join(runDir, 'manifest.json'), manifest(run, {}));
    expect(runProblem(plan, dir, run)).toBe('manifest.json records no file sizes');
    writeFileSync(join(runDir, 'manifest.json'), manifest(run, { 'agents.csv': 3, 'metrics.csv': 6 }));
    writeFileSync(join(runDir, 'metrics.csv'), 'day\n1\n');
    expect(runProblem(plan, dir, run)).toBe('agents.csv is missing');
    writeFileSync(join(runDir, 'agents.csv'), 'id\n');
    expect(isComplete(plan, dir, run)).toBe(true);
    writeFileSync(join(runDir, 'metrics.csv'), 'day\n');
    expect(runProblem(plan, dir, run)).toBe('metrics.csv is 4 bytes, manifest.json says 6');
    expect(isComplete(plan, dir, run)).toBe(false);
    expect(runProblem(plan, join(root, 'nowhere'), run)).toBe('absent');
  });

  it('deletes the temporary folders and files a dead sweep left, and nothing else (not those of a live process)', () => {
    const dir = join(root, 'c');
    const point = join(dir, 'runs/gift/base');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(point, 'r000'), { recursive: true });
    mkdirSync(join(point, `r001.tmp-${dead}-00ff00ff`));
    mkdirSync(join(point, `r000.tmp-old-${dead}-abcdef12`));
    mkdirSync(join(point, `r002.tmp-${process.pid}-abcdef12`));
    writeFileSync(join(dir, `summary.csv.tmp-${dead}-0a0b0c0d`), '');
    writeFileSync(join(dir, 'notes.tmp.txt'), '');
    expect(clearLeftovers(plan, dir)).toBe(3);
    expect(existsSync(join(point, 'r000'))).toBe(true);
    expect(existsSync(join(point, `r001.tmp-${dead}-00ff00ff`))).toBe(false);
    expect(existsSync(join(point, `r002.tmp-${process.pid}-abcdef12`))).toBe(true);
    expect(existsSync(join(dir, 'notes.tmp.txt'))).toBe(true);
  });
});
