/** sim/io/pid: a live pid (this process, its parent) reads as alive, the pid of an exited child as dead. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processAlive } from '../../sim/io/pid.js';

describe('processAlive', () => {
  it('is true for this process and its parent, false for an exited child and for nonsense', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(process.ppid)).toBe(true);
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(processAlive(child.pid!)).toBe(false);
    expect(processAlive(0)).toBe(false);
    expect(processAlive(-1)).toBe(false);
    expect(processAlive(1.5)).toBe(false);
  });
});
