import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { executeRuns } from '../../sim/sweep/execute.js';
import { planSweep } from '../../sim/sweep/plan.js';
import { buildSpec } from '../../sim/sweep/spec.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-sweep-execute-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sweep/execute', { timeout: 120_000 }, () => {
  it('records a failing run with its error\'s first line, makes the others, and leaves no temporary folder', async () => {
    const plan = planSweep(buildSpec(parse('compare: [gift]\nseeds: 3\nagents: 20\ndays: 30\n'), 'f.yaml', 'f'), (f, o) => resolveScenario(f, 'f.yaml', o));
    // Break the second replicate's scenario behind the validator's back: the engine throws on it.
    const good = plan.scenarios.get('gift/base')!;
    const broken = { ...good, scenario: { ...good.scenario, institutions: { ...good.scenario.institutions, money: 'no-such-money' } } };
    plan.scenarios.set('broken/base', broken as typeof good);
    const runs = plan.runs.map((r, i) => (i === 1 ? { ...r, preset: 'broken' } : r));
    const dir = join(root, 'a');
    const result = await executeRuns(plan, dir, runs, { workers: 1 });
    expect(result.made).toBe(2);
    expect(result.failed).toEqual([{ run: 'runs/gift/base/r001', preset: 'broken', point: 'base', replicate: 1, seed: runs[1]!.seed, error: expect.any(String) }]);
    expect(result.failed[0]!.error).not.toContain('\n');
    expect(result.failed[0]!.error.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'runs/gift/base'))).toEqual(['r000', 'r002']);
    expect(existsSync(join(dir, 'runs/gift/base/r002/manifest.json'))).toBe(true);
  });
});
