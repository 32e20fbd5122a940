/**
 * sim/io/lock: one writer per output folder. A second lock is refused naming the holder, a lock of a
 * dead process is taken over, a lock the program did not write is never touched, and release removes
 * the lock (and the parent made for it) but not another's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutput } from '../../sim/io/lock.js';
import { OutputPathError } from '../../sim/io/outputPath.js';
import { tempDir } from '../cli/exec.js';

const root = tempDir('lock');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lockOutput', () => {
  it('takes the lock beside the folder, refuses a second one naming the holder, and releases it', () => {
    const out = join(root, 'a', 'sweep');
    const release = lockOutput(out);
    expect(readdirSync(join(root, 'a'))).toEqual(['sweep.lock']);
    expect(JSON.parse(readFileSync(`${out}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockOutput(out)).toThrow(OutputPathError);
    expect(() => lockOutput(out)).toThrow(new RegExp(`output folder ".*sweep": is being written by another sweep \\(process ${process.pid} on `));
    release();
    expect(existsSync(join(root, 'a'))).toBe(false); // the parent made for the lock, removed again
    lockOutput(out)();
  });

  it('takes over the lock of a dead process', () => {
    const out = join(root, 'b');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${out}.lock`, JSON.stringify({ pid: dead, host: hostname(), since: 'then' }));
    const release = lockOutput(out);
    expect(JSON.parse(readFileSync(`${out}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  it('refuses, and leaves alone, a lock of another host or a file that is not a lock', () => {
    const out = join(root, 'c');
    writeFileSync(`${out}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere', since: 'then' }));
    expect(() => lockOutput(out)).toThrow(/process 1 on elsewhere since then.*or delete the lock if that process is gone/);
    writeFileSync(`${out}.lock`, 'my notes');
    expect(() => lockOutput(out)).toThrow(/c\.lock exists and is not a lock this program wrote/);
    expect(readFileSync(`${out}.lock`, 'utf8')).toBe('my notes');
  });

  it('does not remove a lock that is no longer its own', () => {
    const out = join(root, 'd');
    const release = lockOutput(out);
    writeFileSync(`${out}.lock`, JSON.stringify({ pid: 1, host: hostname(), since: 'later' }));
    release();
    expect(existsSync(`${out}.lock`)).toBe(true);
  });

  it('is keyed by the real folder: another spelling through a symlinked parent meets the same lock', () => {
    mkdirSync(join(root, 'real'), { recursive: true });
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    const release = lockOutput(join(root, 'real', 'sweep'));
    expect(() => lockOutput(join(root, 'alias', 'sweep'))).toThrow(/is being written by another sweep/);
    release();
    lockOutput(join(root, 'alias', 'sweep'))();
  });
});
