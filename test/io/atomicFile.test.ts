import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../sim/io/atomicFile.js';
import { tempDir } from '../cli/exec.js';

const dir = tempDir('atomic-file');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('io/atomicFile', () => {
  it('replaces a file whole and leaves no temporary file', () => {
    writeFileSync(join(dir, 'a.csv'), 'old\n');
    writeFileAtomically(join(dir, 'a.csv'), 'new\n');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('throws into a folder that is not there and leaves nothing behind', () => {
    expect(() => writeFileAtomically(join(dir, 'missing', 'b.csv'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('removes its temporary file when the rename fails (the target is a folder)', () => {
    const sub = join(dir, 'sub');
    mkdirSync(join(sub, 'c.csv'), { recursive: true });
    expect(() => writeFileAtomically(join(sub, 'c.csv'), 'x')).toThrow();
    expect(readdirSync(sub)).toEqual(['c.csv']);
  });
});
