/**
 * Bad input as a user hits it (the scenario side of the safe-input issue): every case exits 2 with a
 * message naming the file and the field, and writes nothing. Each test has its own temporary folder.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { abundance, listing, tempDir } from './exec.js';

const made: string[] = [];
const folder = (tag: string): string => {
  const dir = tempDir(`input-${tag}`);
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cli: extends reads scenario files only', { timeout: 120_000 }, () => {
  it('an absolute extends path is read as written, not re-rooted under the file\'s folder', () => {
    const cwd = folder('abs');
    const base = folder('abs-base');
    writeFileSync(join(base, 'base.yaml'), 'extends: gift\nagents: 30\n');
    writeFileSync(join(cwd, 'my.yaml'), `extends: ${join(base, 'base.yaml')}\ndays: 5\n`);
    const r = abundance(['validate', 'my.yaml'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: my.yaml (gift, 30 agents, 5 days)\n');
  });

  it('a ../.. path to a file that is no scenario is refused unread: exit 2, and none of its content is quoted', () => {
    const top = folder('secret');
    const cwd = join(top, 'a', 'b');
    mkdirSync(cwd, { recursive: true });
    const secret = 'TOKEN-3f9c1e-do-not-print';
    writeFileSync(join(top, 'secret.txt'), `${secret}\n`);
    writeFileSync(join(cwd, 'my.yaml'), 'extends: ../../secret.txt\n');
    for (const args of [['validate', 'my.yaml'], ['run', 'my.yaml', '--out', 'out']]) {
      const r = abundance(args, cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('my.yaml: extends: expected a preset name');
      expect(r.stderr).toContain('a scenario file ending in .yaml, .yml or .json, got "../../secret.txt"');
      expect(r.stderr + r.stdout).not.toContain(secret);
    }
    expect(listing(cwd)).toEqual(['my.yaml']);
  });

  it('a scenario-named file that holds no mapping is refused without quoting its text', () => {
    const cwd = folder('text');
    const secret = 'just-one-line-of-words-7c1d';
    writeFileSync(join(cwd, 'notes.yaml'), `${secret}\n`);
    writeFileSync(join(cwd, 'my.yaml'), 'extends: ./notes.yaml\n');
    const r = abundance(['validate', 'my.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.yaml: expected a mapping of scenario fields (key: value lines), got a text of 27 characters');
    expect(r.stderr).not.toContain(secret);
    expect(existsSync(join(cwd, 'runs'))).toBe(false);
  });
});
