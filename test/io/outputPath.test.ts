/**
 * sim/io/outputPath: which paths may become an output folder of a kind, judged by where they really lead.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputPath, OutputPathError } from '../../sim/io/outputPath.js';
import { tempDir } from '../cli/exec.js';

const dir = tempDir('output-path');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]): string => join(dir, ...p);

function refusal(path: string, kind: 'run' | 'comparison' | 'sweep' = 'run'): string {
  try {
    checkOutputPath(path, kind);
  } catch (error) {
    expect(error).toBeInstanceOf(OutputPathError);
    expect((error as OutputPathError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('checkOutputPath', () => {
  it('refuses an empty path, the working folder and every folder above it, also through a symlink', () => {
    expect(refusal('')).toBe('output folder "": an empty path is not a folder to write; name a new folder; nothing was written');
    expect(refusal('   ')).toContain('an empty path');
    expect(refusal(process.cwd())).toContain('is the working folder');
    expect(refusal('.')).toContain('is the working folder');
    expect(refusal('..')).toContain('a folder holding the working folder');
    expect(refusal('/')).toContain('a folder holding the working folder');
    expect(refusal(join(process.cwd(), 'x', '..'))).toContain('is the working folder');
    symlinkSync(process.cwd(), at('to-cwd'));
    expect(refusal(at('to-cwd'))).toContain('is a symbolic link'); // a link is never written through: the writers rename at the link itself
    expect(refusal(`${at('to-cwd')}/`)).toContain('is a symbolic link'); // a trailing slash too (the writers would rename the link)
    symlinkSync(dirname(process.cwd()), at('to-parent'));
    expect(refusal(at('to-parent'))).toContain('is a symbolic link');
  });

  it('refuses a file, a fifo, and a path below either, naming what is there', () => {
    writeFileSync(at('file.txt'), 'mine');
    expect(refusal(at('file.txt'))).toContain('is a file, not a folder');
    execFileSync('mkfifo', [at('fifo')]);
    expect(refusal(at('fifo'))).toContain('is a fifo (named pipe), not a folder');
    expect(refusal(at('file.txt', 'sub'))).toContain(`${at('file.txt')} is a file, so no folder can be made below it`);
  });

  it('refuses a folder of other files, and an output of another kind', () => {
    mkdirSync(at('mine'));
    writeFileSync(at('mine', 'notes.md'), 'mine');
    writeFileSync(at('mine', 'scenario.yaml'), 'extends: gift\n');
    expect(refusal(at('mine'))).toContain('is a folder holding other files (notes.md, scenario.yaml), not a run folder (manifest.json of a run)');
    mkdirSync(at('run'));
    writeFileSync(at('run', 'manifest.json'), JSON.stringify({ seed: 1, scenarioHash: 'ab', files: [] }));
    expect(refusal(at('run'), 'sweep')).toContain('not a sweep folder (sweep.json)');
    expect(refusal(at('run'), 'comparison')).toContain('not a compare-presets folder (manifest.json listing presets)');
    writeFileSync(at('mine', 'manifest.json'), '{ not json');
    expect(refusal(at('mine'))).toContain('not a run folder');
  });

  it('accepts a new path (nested too), an empty folder, and an earlier output of the same kind', () => {
    expect(checkOutputPath(at('new'), 'run')).toBe(at('new'));
    expect(checkOutputPath(at('new', 'deeper', 'still'), 'sweep')).toBe(at('new', 'deeper', 'still'));
    mkdirSync(at('empty'));
    expect(checkOutputPath(at('empty'), 'comparison')).toBe(at('empty'));
    expect(checkOutputPath(at('run'), 'run')).toBe(at('run'));
    mkdirSync(at('cmp'));
    writeFileSync(at('cmp', 'manifest.json'), JSON.stringify({ presets: ['gift'], runs: [] }));
    expect(checkOutputPath(at('cmp'), 'comparison')).toBe(at('cmp'));
    expect(() => checkOutputPath(at('cmp'), 'run')).toThrow(OutputPathError);
    mkdirSync(at('sw'));
    writeFileSync(at('sw', 'sweep.json'), JSON.stringify({ runs: [] }));
    expect(checkOutputPath(at('sw'), 'sweep')).toBe(at('sw'));
    symlinkSync(at('run'), at('to-run'));
    expect(refusal(at('to-run'))).toContain('is a symbolic link: the output would replace the link'); // it would replace the link, not the run
    symlinkSync(at('nowhere'), at('dangling'));
    expect(refusal(at('dangling'))).toContain('is a symbolic link'); // refused before the run, not after it
  });

  it('touches nothing', () => {
    // (not recursive: the symlinks above lead to the working folder)
    const state = (): string[][] => [readdirSync(dir).sort(), readdirSync(at('mine')).sort(), readdirSync(at('run')).sort()];
    const before = state();
    for (const p of ['', '.', at('new', 'x'), at('mine'), at('file.txt'), at('run')]) {
      try { checkOutputPath(p, 'run'); } catch { /* refused */ }
    }
    expect(state()).toEqual(before);
  });

  it('refuses to replace an earlier output that holds files the program did not write, but lets a sweep be filled', () => {
    mkdirSync(at('run2'));
    writeFileSync(at('run2', 'manifest.json'), JSON.stringify({ seed: 1, scenarioHash: 'ab', files: ['metrics.csv', 'manifest.json', 'extra.csv'] }));
    for (const f of ['metrics.csv', 'extra.csv', 'report.html', `report.tmp-${process.pid}-0a0b0c0d`]) writeFileSync(at('run2', f), '');
    expect(checkOutputPath(at('run2'), 'run')).toBe(at('run2'));
    writeFileSync(at('run2', 'notes.md'), 'mine');
    expect(refusal(at('run2'))).toContain('is a run folder that also holds files the program did not write there (notes.md): replacing it would delete them');
    mkdirSync(at('sw2'));
    writeFileSync(at('sw2', 'sweep.json'), JSON.stringify({ runs: [] }));
    mkdirSync(at('sw2', '.git'));
    expect(refusal(at('sw2'), 'sweep')).toContain('is a sweep folder that also holds files the program did not write there (.git)');
    expect(checkOutputPath(at('sw2'), 'sweep', 'fill')).toBe(at('sw2'));
  });

  it("looks inside a report's charts/ (replaced whole, also when a sweep is filled) and a comparison's runs/", () => {
    mkdirSync(at('sw3', 'charts'), { recursive: true });
    writeFileSync(at('sw3', 'sweep.json'), JSON.stringify({ runs: [] }));
    for (const f of ['fan-goods.vl.json', 'fan-goods.svg', 'fan-goods.png']) writeFileSync(at('sw3', 'charts', f), '');
    expect(checkOutputPath(at('sw3'), 'sweep')).toBe(at('sw3'));
    writeFileSync(at('sw3', 'charts', 'my-notes.txt'), 'mine');
    expect(refusal(at('sw3'), 'sweep')).toContain('(charts/my-notes.txt)');
    expect(() => checkOutputPath(at('sw3'), 'sweep', 'fill')).toThrow(/charts\/my-notes\.txt/);
    rmSync(at('sw3', 'charts', 'my-notes.txt'));
    // A known name is the program's only as what it writes: a folder named report.md or claims.json is the
    // user's, refused whether the sweep is replaced or filled (--resume deletes the derived files).
    mkdirSync(at('sw3', 'report.md'));
    writeFileSync(at('sw3', 'report.md', 'draft.txt'), 'mine');
    expect(refusal(at('sw3'), 'sweep')).toContain('(report.md)');
    expect(() => checkOutputPath(at('sw3'), 'sweep', 'fill')).toThrow(/holds files the program did not write there \(report\.md\)/);
    rmSync(at('sw3', 'report.md'), { recursive: true });
    expect(checkOutputPath(at('sw3'), 'sweep', 'fill')).toBe(at('sw3'));
    mkdirSync(at('cmp', 'runs', 'gift'), { recursive: true });
    writeFileSync(at('cmp', 'manifest.json'), JSON.stringify({ presets: ['gift'], runs: [{ preset: 'gift', folder: 'runs/gift', scenarioHash: 'ab' }] }));
    for (const f of ['manifest.json', 'metrics.csv', 'agents.csv', 'flows.csv']) writeFileSync(at('cmp', 'runs', 'gift', f), '');
    expect(checkOutputPath(at('cmp'), 'comparison')).toBe(at('cmp'));
    writeFileSync(at('cmp', 'runs', 'gift', 'mine.csv'), 'x');
    mkdirSync(at('cmp', 'runs', 'market'));
    expect(refusal(at('cmp'), 'comparison')).toContain('(runs/gift/mine.csv, runs/market)');
  });
});
