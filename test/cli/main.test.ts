/**
 * sim/cli/main: the command line as a user meets it, through the real binary. Help exits 0; every
 * usage error (unknown command or flag, missing argument, a flag that is not a number) exits 2 with a
 * message on stderr, and writes nothing.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, listing, tempDir } from './exec.js';

const cwd = tempDir('cli-main');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('cli/main', { timeout: 60_000 }, () => {
  it('prints help listing every command and exits 0', () => {
    const r = abundance(['--help'], cwd);
    expect(r.code).toBe(0);
    for (const command of ['run <scenario>', 'validate <scenario..>', 'presets', 'compare-presets']) {
      expect(r.stdout).toContain(command);
    }
  });

  it('prints help for each command and exits 0', () => {
    for (const [command, flag] of [['run', '--seed'], ['validate', 'scenario'], ['presets', '--help'], ['compare-presets', '--presets']] as const) {
      const r = abundance([command, '--help'], cwd);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain(flag);
    }
  });

  it('exits 2 on an unknown command, naming it', () => {
    const r = abundance(['simulate', 'x.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('simulate');
    expect(r.stderr).toContain('--help');
  });

  it('exits 2 on an unknown flag, naming it', () => {
    const r = abundance(['run', 'two-token', '--sed', '7'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sed');
  });

  it('exits 2 on a missing argument', () => {
    expect(abundance(['run'], cwd).code).toBe(2);
    expect(abundance(['validate'], cwd).code).toBe(2);
    expect(abundance([], cwd).code).toBe(2);
    expect(abundance(['run', 'two-token', '--set'], cwd).code).toBe(2);
  });

  it('exits 2 when a numeric flag is not a number, naming the flag', () => {
    const r = abundance(['run', 'two-token', '--seed', 'abc'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed expects a number, got "abc"');
  });

  it('writes nothing on a usage error', () => {
    expect(listing(cwd)).toEqual([]);
  });
});
