/**
 * sim/cli/validate, and validation before `run`: a bad scenario is reported with its file and field
 * path, exits 2, and no output folder appears. A good file gets one "ok" line.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, listing, tempDir, writeScenario } from './exec.js';

const cwd = tempDir('cli-validate');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

interface BadCase { title: string; file: string; text?: string; field: string; more?: RegExp }

const BAD: BadCase[] = [
  { title: 'an unknown key, with a did-you-mean', file: 'typo.yaml', text: 'demurage:\n  rate: 0.1\n', field: 'demurage', more: /demurrage/ },
  { title: 'a value of the wrong type', file: 'type.yaml', text: 'agents: many\n', field: 'agents' },
  { title: 'a value out of range', file: 'range.yaml', text: 'demurrage:\n  rate: 5\n', field: 'demurrage.rate' },
  { title: 'a missing file', file: 'missing.yaml', field: 'missing.yaml' },
  { title: 'broken YAML', file: 'broken.yaml', text: 'agents: [1, 2\ndays: 3\n', field: 'broken.yaml' },
  { title: 'an unknown preset in extends, with a did-you-mean', file: 'preset.yaml', text: 'extends: two-tokn\n', field: 'extends', more: /two-token/ },
  // A plain object inherits toString and constructor: these once read as "given twice".
  { title: 'keys named like built-in methods (toString, constructor) as unknown keys', file: 'proto.yaml', text: 'toString: 1\nbank:\n  constructor: 2\n', field: 'toString: unknown key', more: /bank\.constructor: unknown key\. Valid keys of bank/ },
  // The name becomes a folder name (sim/scenario/names.ts): 300 characters once failed with exit 1.
  { title: 'a name of 300 characters', file: 'long-name.yaml', text: `name: ${'n'.repeat(300)}\n`, field: 'name', more: /at most 200 characters.*\(300 characters\)/ },
  { title: 'a name with a path separator', file: 'slash-name.yaml', text: 'name: a/b\n', field: 'name', more: /without \/ or \\/ },
  { title: 'a name that is ..', file: 'dots-name.yaml', text: 'name: ..\n', field: 'name', more: /other than "\.\."/ },
  { title: 'a name with a control character', file: 'ctl-name.yaml', text: 'name: "a\\x07b"\n', field: 'name', more: /printable characters, got U\+0007/ },
  { title: 'a dotted key named like a built-in method', file: 'proto-dotted.yaml', text: 'demurrage.valueOf: 1\n', field: 'demurrage.valueOf', more: /unknown key/ },
];

describe('cli/validate', { timeout: 60_000 }, () => {
  it('prints ok with the preset, agents and days of a good file, and exits 0', () => {
    const file = writeScenario(cwd, 'good.yaml', 'extends: gift\nagents: 50\ndays: 20\n');
    const r = abundance(['validate', file], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: good.yaml (gift, 50 agents, 20 days)\n');
  });

  for (const bad of BAD) {
    it(`rejects ${bad.title}: exit 2, file and field named`, () => {
      if (bad.text !== undefined) writeScenario(cwd, bad.file, bad.text);
      const r = abundance(['validate', bad.file], cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(bad.file);
      expect(r.stderr).toContain(bad.field);
      if (bad.more) expect(r.stderr).toMatch(bad.more);
      expect(r.stdout).toBe('');
    });

    it(`refuses to run ${bad.title}, exit 2 and no output folder`, () => {
      if (bad.text !== undefined) writeScenario(cwd, bad.file, bad.text);
      const before = listing(cwd);
      const r = abundance(['run', bad.file, '--out', 'out'], cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(bad.file);
      expect(r.stderr).toContain(bad.field);
      expect(existsSync(join(cwd, 'out'))).toBe(false);
      expect(listing(cwd)).toEqual(before);
    });
  }

  it('checks every file given and exits 2 if any is bad', () => {
    writeScenario(cwd, 'good2.yaml', 'agents: 10\n');
    writeScenario(cwd, 'bad2.yaml', 'agents: -1\n');
    const r = abundance(['validate', 'good2.yaml', 'bad2.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('ok: good2.yaml (two-token, 10 agents');
    expect(r.stderr).toContain('bad2.yaml');
  });

  it('names the flag when --set is wrong', () => {
    writeScenario(cwd, 'good3.yaml', 'agents: 10\n');
    const r = abundance(['run', 'good3.yaml', '--set', 'demurrage.rat=0.08', '--out', 'out3'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('demurrage.rat');
    expect(existsSync(join(cwd, 'out3'))).toBe(false);
  });
});
