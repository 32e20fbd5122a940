/**
 * `run --out` and `compare-presets --out` through the real binary, as the issue reported them: an
 * empty path, the working folder, a parent, a file, a fifo, a folder of unrelated files and the folder
 * holding the scenario are each refused with exit 2 and a message naming the path, and nothing the user
 * had changes. Each case runs in its own temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, tempDir } from './exec.js';
import { snapshot } from './snapshot.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const TINY = 'extends: gift\nagents: 5\ndays: 5\n';

/** A fresh folder holding a scenario, a file, a fifo and a folder of unrelated files. */
function userFolder(): string {
  const root = tempDir('out-path');
  made.push(root);
  const cwd = join(root, 'work');
  mkdirSync(join(cwd, 'notes'), { recursive: true });
  writeFileSync(join(cwd, 's.yaml'), TINY);
  writeFileSync(join(cwd, 'notes', 'todo.md'), 'keep me');
  writeFileSync(join(cwd, 'file.txt'), 'mine');
  writeFileSync(join(root, 'beside.txt'), 'beside');
  execFileSync('mkfifo', [join(cwd, 'pipe')]);
  return cwd;
}

const REFUSED: [string, (cwd: string) => string, RegExp][] = [
  ['an empty path', () => '', /output folder "": an empty path/],
  ['the working folder', () => '.', /output folder "\.": is the working folder/],
  ['the working folder by its full path', (cwd) => cwd, /is the working folder/],
  ['a parent', () => '..', /output folder "\.\.": is .*, a folder holding the working folder/],
  ['the root', () => '/', /output folder "\/": is \/, a folder holding the working folder/],
  ['an existing file', () => 'file.txt', /output folder "file.txt": is a file, not a folder/],
  ['a fifo (in place of /dev/null)', () => 'pipe', /output folder "pipe": is a fifo \(named pipe\), not a folder/],
  ['a folder of unrelated files', () => 'notes', /output folder "notes": is a folder holding other files \(todo.md\)/],
  ['a path below a file', () => 'file.txt/out', /output folder "file.txt\/out": .*file.txt is a file, so no folder can be made below it/],
];

describe('run --out: refused paths', { timeout: 120_000 }, () => {
  for (const [what, out, message] of REFUSED) {
    it(`refuses ${what} with exit 2, touching nothing`, () => {
      const cwd = userFolder();
      const before = snapshot(join(cwd, '..'));
      const r = abundance(['run', 's.yaml', '--out', out(cwd), '--no-report', '--quiet'], cwd);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('nothing was written');
      expect(r.stdout).toBe('');
      expect(snapshot(join(cwd, '..'))).toEqual(before);
    });
  }

  it('refuses the folder holding the scenario (run from its parent)', () => {
    const cwd = userFolder();
    const parent = join(cwd, '..');
    const before = snapshot(parent);
    const r = abundance(['run', 'work/s.yaml', '--out', 'work', '--no-report', '--quiet'], parent);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/output folder "work": is a folder holding other files \(file.txt, notes, pipe, s.yaml\), not a run folder/);
    expect(snapshot(parent)).toEqual(before);
  });

  it('writes a new folder, replaces an earlier run folder, and refuses one holding a file of the user', () => {
    const cwd = userFolder();
    const first = abundance(['run', 's.yaml', '--out', 'out/r1', '--no-report', '--quiet'], cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'r1', 'manifest.json'), 'utf8')).seed).toBe(1);
    const again = abundance(['run', 's.yaml', '--out', 'out/r1', '--no-report', '--quiet', '--seed', '2'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'r1', 'manifest.json'), 'utf8')).seed).toBe(2);
    writeFileSync(join(cwd, 'out', 'r1', 'extra.txt'), 'left by the user in the run folder');
    const before = snapshot(cwd);
    const refused = abundance(['run', 's.yaml', '--out', 'out/r1', '--no-report', '--quiet', '--seed', '3'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('output folder "out/r1": is a run folder that also holds files the program did not write there (extra.txt)');
    expect(snapshot(cwd)).toEqual(before);
    expect(existsSync(join(cwd, 'out', 'r1', 'extra.txt'))).toBe(true);
  });
});

describe('compare-presets --out: refused paths', { timeout: 120_000 }, () => {
  for (const [what, out, message] of REFUSED) {
    it(`refuses ${what} with exit 2, touching nothing`, () => {
      const cwd = userFolder();
      const before = snapshot(join(cwd, '..'));
      const r = abundance(['compare-presets', '--out', out(cwd), '--agents', '5', '--days', '5', '--presets', 'gift'], cwd);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(snapshot(join(cwd, '..'))).toEqual(before);
    });
  }

  it('refuses a run folder (another kind of output), and replaces an earlier comparison', () => {
    const cwd = userFolder();
    expect(abundance(['run', 's.yaml', '--out', 'r', '--no-report', '--quiet'], cwd).code).toBe(0);
    const before = snapshot(cwd);
    const r = abundance(['compare-presets', '--out', 'r', '--agents', '5', '--days', '5', '--presets', 'gift'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a compare-presets folder (manifest.json listing presets)');
    expect(snapshot(cwd)).toEqual(before);
    const c1 = abundance(['compare-presets', '--out', 'c', '--agents', '5', '--days', '5', '--presets', 'gift'], cwd);
    expect(c1.code, c1.stderr).toBe(0);
    const c2 = abundance(['compare-presets', '--out', 'c', '--agents', '5', '--days', '5', '--presets', 'gift', '--seed', '3'], cwd);
    expect(c2.code, c2.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'c', 'manifest.json'), 'utf8')).seed).toBe(3);
  });
});
