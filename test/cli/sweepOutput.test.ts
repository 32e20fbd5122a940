/**
 * The sweep folder through the real binary, as the issue reported it: a sweep named ".." or "." and
 * `--replace --out` of a folder of unrelated files are refused (exit 2, nothing touched); a second
 * sweep writing the same folder is refused while the first runs, and the first completes intact; a
 * truncated run is named and made again by --resume. Each case runs in its own temporary folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, BIN, tempDir } from './exec.js';
import { snapshot } from './snapshot.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const TINY = 'compare: [gift]\nseeds: 2\nagents: 10\ndays: 10\n';

/** A fresh working folder with a sweep file and some files of the user's. */
function userFolder(sweep = TINY): string {
  const cwd = tempDir('sweep-out');
  made.push(cwd);
  writeFileSync(join(cwd, 's.yaml'), sweep);
  mkdirSync(join(cwd, 'notes'));
  writeFileSync(join(cwd, 'notes', 'todo.md'), 'keep me');
  return cwd;
}

describe('sweep: refused output folders', { timeout: 120_000 }, () => {
  it('a sweep named ".." is refused under --replace (its folder would be the working folder)', () => {
    const cwd = userFolder(`name: ".."\n${TINY}`);
    const before = snapshot(cwd);
    const r = abundance(['sweep', 's.yaml', '--replace', '--quiet'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("s.yaml: name: expected a name other than \"..\""); // the sweep file's name is checked before any folder
    expect(snapshot(cwd)).toEqual(before);
    // The same folder named by --out (a valid name) is refused by the output check.
    writeFileSync(join(cwd, 'ok.yaml'), TINY);
    const withOk = snapshot(cwd);
    const out = abundance(['sweep', 'ok.yaml', '--replace', '--quiet', '--out', 'runs/..'], cwd);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('output folder "runs/..": is the working folder');
    expect(snapshot(cwd)).toEqual(withOk);
  });

  it('a sweep named "." is refused under --replace when runs/ holds other things', () => {
    const cwd = userFolder(`name: "."\n${TINY}`);
    mkdirSync(join(cwd, 'runs', 'mine'), { recursive: true });
    writeFileSync(join(cwd, 'runs', 'mine', 'a.txt'), 'mine');
    const before = snapshot(cwd);
    const r = abundance(['sweep', 's.yaml', '--replace', '--quiet'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("s.yaml: name: expected a name other than \".\"");
    expect(snapshot(cwd)).toEqual(before);
    writeFileSync(join(cwd, 'ok.yaml'), TINY);
    const out = abundance(['sweep', 'ok.yaml', '--replace', '--quiet', '--out', 'runs/.'], cwd);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('output folder "runs/.": is a folder holding other files (mine), not a sweep folder (sweep.json)');
  });

  it('--replace, --resume or a plain sweep into a folder of unrelated files is refused', () => {
    const cwd = userFolder();
    const before = snapshot(cwd);
    for (const flags of [['--replace'], ['--resume'], []]) {
      const r = abundance(['sweep', 's.yaml', '--out', 'notes', '--quiet', ...flags], cwd);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toContain('output folder "notes": is a folder holding other files (todo.md), not a sweep folder (sweep.json)');
      expect(snapshot(cwd)).toEqual(before);
    }
  });

  it('--replace replaces an earlier sweep folder and leaves no lock', () => {
    const cwd = userFolder();
    expect(abundance(['sweep', 's.yaml', '--out', 'w', '--quiet'], cwd).code).toBe(0);
    const again = abundance(['sweep', 's.yaml', '--out', 'w', '--quiet', '--replace'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['notes', 's.yaml', 'w']);
    expect(readdirSync(join(cwd, 'w')).sort()).toEqual(['manifest.json', 'metrics.parquet', 'runs', 'runs.csv', 'runs.parquet', 'summary.csv', 'summary.parquet', 'sweep.json', 'timings.json']);
  });
});

describe('sweep: one writer at a time, damaged runs made again', { timeout: 300_000 }, () => {
  it('a second --resume of a folder being written exits 2 naming it; the first completes intact', async () => {
    const cwd = userFolder('extends: two-token\nseeds: 6\nagents: 200\ndays: 365\n');
    const first = spawn(process.execPath, [BIN, 'sweep', 's.yaml', '--workers', '1', '--out', 'w', '--resume', '--quiet'], { cwd });
    let firstErr = '';
    first.stderr.on('data', (d: Buffer) => { firstErr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    const point = join(cwd, 'w', 'runs', 'two-token', 'base');
    // Wait for the first sweep to be under way: its lock taken and a run in progress.
    while (!(existsSync(join(cwd, 'w.lock')) && existsSync(point) && readdirSync(point).length > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const second = abundance(['sweep', 's.yaml', '--workers', '1', '--out', 'w', '--resume', '--quiet'], cwd);
    expect(first.exitCode, 'the first sweep ended before the second was refused').toBe(null);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`output folder "w": is being written by another sweep (process ${first.pid} on `);
    expect(await exited, firstErr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['notes', 's.yaml', 'w']);
    const runs = readdirSync(join(cwd, 'w', 'runs', 'two-token', 'base')).sort();
    expect(runs).toEqual(['r000', 'r001', 'r002', 'r003', 'r004', 'r005']);
    expect(readFileSync(join(cwd, 'w', 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(7);
  });

  it('--resume names a run whose metrics.csv was truncated and makes it again, giving the files of an intact sweep', () => {
    const cwd = userFolder();
    expect(abundance(['sweep', 's.yaml', '--out', 'w', '--quiet'], cwd).code).toBe(0);
    const runsCsv = readFileSync(join(cwd, 'w', 'runs.csv'), 'utf8');
    const metrics = join(cwd, 'w', 'runs', 'gift', 'base', 'r001', 'metrics.csv');
    const size = readFileSync(metrics).length;
    truncateSync(metrics, 100);
    const r = abundance(['sweep', 's.yaml', '--out', 'w', '--resume'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`run runs/gift/base/r001: metrics.csv is 100 bytes, manifest.json says ${size}: making it again`);
    expect(r.stdout).toContain('runs: 1 made, 1 reused');
    expect(readFileSync(metrics).length).toBe(size);
    expect(readFileSync(join(cwd, 'w', 'runs.csv'), 'utf8')).toBe(runsCsv);
  });

  it('--resume refuses to make again a run whose folder holds a file of the user\'s (exit 2), and deletes nothing', () => {
    const cwd = userFolder();
    expect(abundance(['sweep', 's.yaml', '--out', 'w', '--quiet'], cwd).code).toBe(0);
    const run = join(cwd, 'w', 'runs', 'gift', 'base', 'r001');
    truncateSync(join(run, 'metrics.csv'), 100);
    writeFileSync(join(run, 'notes.md'), 'mine');
    const before = snapshot(cwd);
    const r = abundance(['sweep', 's.yaml', '--out', 'w', '--resume', '--quiet'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('r001": holds files the program did not write there (notes.md)');
    expect(snapshot(cwd)).toEqual(before);
  });
});
