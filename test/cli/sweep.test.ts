/**
 * sim/cli/sweep through the real binary: exit 2 with nothing written for a bad sweep file or an old
 * folder, the paths printed at the end, byte-identical files with --workers 1 and 2, and Ctrl-C in the
 * middle leaving only complete runs, which --resume then completes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, BIN, listing, tempDir, writeScenario } from './exec.js';

const cwd = tempDir('cli-sweep');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const read = (...path: string[]): string => readFileSync(join(cwd, ...path), 'utf8');

/** Every entry under `dir`, relative, with `/`. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();
}

describe('cli/sweep: bad input', { timeout: 120_000 }, () => {
  it('is listed in the help, and its own help says an existing folder is refused unless --resume', () => {
    expect(abundance(['--help'], cwd).stdout).toContain('sweep <file>');
    const r = abundance(['sweep', '--help'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('An existing sweep folder is refused (never replaced or mixed) unless --resume or --replace; a folder of other files always');
    const bad = abundance(['sweep', 'x.yaml', '--workers', 'two'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--workers expects a number, got "two"');
  });

  it('exits 2 with the file, the field path, the expected value and a did-you-mean, writing nothing', () => {
    writeScenario(cwd, 'bad.yaml', 'compare: [gift, peer-bnk]\nseeds: 2\nsweep:\n  bank.k: { values: [-1, 30] }\n  demurage.rate: [0.1]\n');
    const r = abundance(['sweep', 'bad.yaml', '--out', 'out-bad'], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'bad.yaml: compare[1]: unknown preset "peer-bnk"; did you mean "peer-bank"? (known presets: gift, market, market-k, two-token, peer-bank)',
      'bad.yaml: sweep.bank.k.values[0]: expected a number > 0 and <= 3650, got -1',
      'bad.yaml: sweep.demurage.rate: unknown scenario key; did you mean "demurrage.rate"? (the keys of docs/scenarios.md, dotted, e.g. bank.k)',
    ]);
    expect(listing(cwd)).toEqual(['bad.yaml']);
  });

  it('exits 2 for a flag that would override a swept key, and for a missing file', () => {
    writeScenario(cwd, 'k.yaml', 'extends: peer-bank\nsweep: { bank.k: [7, 90] }\n');
    const r = abundance(['sweep', 'k.yaml', '--set', 'bank.k=30'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--set bank.k=30: bank.k is swept by k.yaml');
    const missing = abundance(['sweep', 'nope.yaml'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: sweep file not found');
    expect(listing(cwd)).toEqual(['bad.yaml', 'k.yaml']);
  });

  it('exits 2 for an unknown --run-files, writing nothing', () => {
    const bad = abundance(['sweep', 'k.yaml', '--run-files', 'parquet'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/run-files.*Given: "parquet", Choices: "csv", "none"/s);
    expect(listing(cwd)).toEqual(['bad.yaml', 'k.yaml']);
  });
});

describe('cli/sweep: runs', { timeout: 300_000 }, () => {
  it('prints where runs.csv and summary.csv are; --workers 1 and 2 give byte-identical files', () => {
    writeScenario(cwd, 'tiny.yaml', 'compare: [gift, two-token]\nseeds: 2\nagents: 30\ndays: 60\nsweep: { demurrage.rate: [0.02, 0.1] }\n');
    const a = abundance(['sweep', 'tiny.yaml', '--workers', '1', '--out', 'w1', '--quiet'], cwd);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe(`runs.csv: ${join('w1', 'runs.csv')}\nsummary.csv: ${join('w1', 'summary.csv')}\n`);
    const b = abundance(['sweep', 'tiny.yaml', '--workers', '2', '--out', 'w2'], cwd);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain('sweep tiny: 8 runs (2 presets x 2 points x 2 replicates), 2 workers -> w2');
    expect(b.stdout).toContain('runs: 8 made, 0 reused');
    for (const f of ['runs.csv', 'summary.csv', 'sweep.json', 'manifest.json']) expect(read('w2', f), f).toBe(read('w1', f));
    expect(tree(join(cwd, 'w1')).filter((p) => p.endsWith('flows.csv'))).toEqual([]);
  });

  it('refuses an existing folder without --resume (exit 2) and says how to go on', () => {
    const before = read('w1', 'runs.csv');
    const r = abundance(['sweep', 'tiny.yaml', '--out', 'w1'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/w1 already exists and is not empty: pass --resume/);
    expect(read('w1', 'runs.csv')).toBe(before);
    const again = abundance(['sweep', 'tiny.yaml', '--out', 'w1', '--resume'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('runs: 0 made, 8 reused');
    expect(read('w1', 'runs.csv')).toBe(before);
  });

  it('Ctrl-C leaves only complete runs and exits 130; --resume then gives the files of an uninterrupted sweep', async () => {
    writeScenario(cwd, 'long.yaml', 'extends: two-token\nseeds: 4\nagents: 150\ndays: 300\n');
    const child = spawn(process.execPath, [BIN, 'sweep', 'long.yaml', '--workers', '1', '--out', 'int'], { cwd });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const point = join(cwd, 'int', 'runs', 'two-token', 'base');
    const deadline = Date.now() + 120_000;
    const state = (): string[] => (existsSync(point) ? readdirSync(point) : []);
    // Wait for one finished run and the next one under way in its temporary folder.
    while (!(state().includes('r000') && state().some((n) => n.includes('.tmp-'))) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(state()).toContain('r000');
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const left = tree(join(cwd, 'int'));
    expect(left.filter((p) => p.includes('.tmp-'))).toEqual([]);
    const runs = readdirSync(point);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThan(4);
    for (const run of runs) expect(existsSync(join(point, run, 'manifest.json')), run).toBe(true);
    expect(existsSync(join(cwd, 'int', 'runs.csv'))).toBe(false);

    const resumed = abundance(['sweep', 'long.yaml', '--workers', '2', '--out', 'int', '--resume'], cwd);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`runs: ${4 - runs.length} made, ${runs.length} reused`);
    const fresh = abundance(['sweep', 'long.yaml', '--workers', '2', '--out', 'fresh', '--quiet'], cwd);
    expect(fresh.code, fresh.stderr).toBe(0);
    for (const f of ['runs.csv', 'summary.csv']) expect(read('int', f), f).toBe(read('fresh', f));
  });
});
