/** sim/io/atomic: output folders appear whole or not at all. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { moveIntoPlace, removeStaleTemps, tempSibling, writeAtomically } from '../../sim/io/atomic.js';

describe('io/atomic', () => {
  let root = '';
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'abundance-atomic-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names a temporary folder beside the target, with the pid, that .gitignore matches', () => {
    const tmp = tempSibling(join(root, 'out'));
    expect(tmp.startsWith(join(root, 'out.tmp-'))).toBe(true);
    expect(tmp).toContain(`-${process.pid}-`);
  });

  it('moves a finished folder into place, creating missing parents', async () => {
    const out = join(root, 'a', 'b', 'run');
    const value = await writeAtomically(out, async (tmp) => {
      writeFileSync(join(tmp, 'x.txt'), 'new');
      return 7;
    });
    expect(value).toBe(7);
    expect(readFileSync(join(out, 'x.txt'), 'utf8')).toBe('new');
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['run']);
  });

  it('replaces an existing folder whole, leaving none of its old files', async () => {
    const out = join(root, 'run');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    await writeAtomically(out, async (tmp) => writeFileSync(join(tmp, 'x.txt'), 'new'));
    expect(readdirSync(out)).toEqual(['x.txt']);
    expect(readdirSync(root)).toEqual(['run']);
  });

  it('deletes the temporary folder on an error and leaves the old folder as it was', async () => {
    const out = join(root, 'run');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    await expect(writeAtomically(out, async (tmp) => {
      writeFileSync(join(tmp, 'half.txt'), 'half');
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(readdirSync(root)).toEqual(['run']);
    expect(readdirSync(out)).toEqual(['old.txt']);
  });

  it('leaves nothing at all when there was no folder before the error', async () => {
    await expect(writeAtomically(join(root, 'run'), async () => { throw new Error('boom'); })).rejects.toThrow();
    expect(readdirSync(root)).toEqual([]);
  });

  it('removes the parent folders it made for a run that failed', async () => {
    await expect(writeAtomically(join(root, 'runs', 'deep', 'run'), async () => { throw new Error('boom'); })).rejects.toThrow();
    expect(readdirSync(root)).toEqual([]);
  });

  it('keeps a parent folder that was there before, or that got other files meanwhile', async () => {
    mkdirSync(join(root, 'runs'));
    await expect(writeAtomically(join(root, 'runs', 'run'), async () => { throw new Error('boom'); })).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['runs']);
    await expect(writeAtomically(join(root, 'a', 'b', 'run'), async () => {
      writeFileSync(join(root, 'a', 'other.txt'), 'x');
      throw new Error('boom');
    })).rejects.toThrow();
    expect(readdirSync(join(root, 'a'))).toEqual(['other.txt']);
  });

  it('moves a folder onto a missing target as a plain rename', () => {
    const tmp = join(root, 't');
    mkdirSync(tmp);
    moveIntoPlace(tmp, join(root, 'run'));
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(join(root, 'run'))).toBe(true);
  });

  it('removes the temporary siblings of dead processes before writing, never those of a live one or of another output', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const out = join(root, 'out');
    const names = [`out.tmp-${dead}-0a1b2c3d`, `out.tmp-old-${dead}-00ff00ff`, `out.tmp-${process.pid}-deadbeef`, `other.tmp-${dead}-0a1b2c3d`, `out.tmp-notes`];
    for (const n of names) mkdirSync(join(root, n));
    writeFileSync(join(root, `out.tmp-${dead}-12345678`), 'a stale file');
    await writeAtomically(out, async (tmp) => writeFileSync(join(tmp, 'x.txt'), 'new'));
    expect(readdirSync(root).sort()).toEqual(['other.tmp-' + dead + '-0a1b2c3d', 'out', `out.tmp-${process.pid}-deadbeef`, 'out.tmp-notes'].sort());
    expect(removeStaleTemps(out)).toBe(0);
  });
});
