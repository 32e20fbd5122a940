/**
 * sim/report/folder: `abundance report <dir>` tells a run, a comparison and a sweep folder apart, rebuilds
 * a run's report byte for byte from its files, evaluates a sweep's claims from its runs, and refuses bad input with a
 * ReportError before writing anything.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { writeRun } from '../../sim/report/runReport.js';
import { ReportError } from '../../sim/report/errors.js';
import { folderKind, reportFolder } from '../../sim/report/folder.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { writeSweepFixture } from './sweep/fixture.js';
import { sweep } from '../../sim/sweep/run.js';
import { claimsJson, evaluateClaims } from '../../sim/analysis/claims.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const errorOf = async (f: () => unknown): Promise<string> => {
  try {
    await f();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return (error as Error).message;
  }
  return 'no error';
};

describe('report/folder', () => {
  it('rebuilds a run folder\'s report byte-identical to the one the run wrote', { timeout: 120_000 }, async () => {
    const dir = join(root, 'run');
    await writeRun(dir, loadScenarioFile('peer-bank', { overrides: { agents: 30, days: 60, seed: 4 } }), {}, { simulate });
    const before = new Map(['report.html', 'report.md', ...readdirSync(join(dir, 'charts')).map((f) => `charts/${f}`)]
      .map((f) => [f, readFileSync(join(dir, f))]));
    rmSync(join(dir, 'charts', 'abundance.svg'));
    writeFileSync(join(dir, 'charts', 'stale.svg'), 'old');
    expect(folderKind(dir)).toBe('run');
    const { kind, files } = await reportFolder(dir);
    expect(kind).toBe('run');
    expect(files.length).toBe(before.size);
    for (const [f, bytes] of before) expect(readFileSync(join(dir, f)).equals(bytes), f).toBe(true);
    expect(existsSync(join(dir, 'charts', 'stale.svg'))).toBe(false);
  });

  it('links only the files a run folder has (a sweep keeps no flows.csv per run)', { timeout: 120_000 }, async () => {
    const dir = join(root, 'run');
    rmSync(join(dir, 'flows.csv'));
    await reportFolder(dir);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('- [agents.csv](agents.csv)');
    expect(md).not.toContain('flows.csv');
  });

  it('a sweep folder gets its report with the claims evaluated anew from its runs, never from an old claims.json', { timeout: 300_000 }, async () => {
    const file = join(root, 'tiny.yaml');
    writeFileSync(file, 'compare: [gift, two-token, peer-bank]\nseeds: 2\nagents: 40\ndays: 200\naggregate.everyDays: 10\n');
    const dir = join(root, 'sweep');
    await sweep(file, { out: dir, workers: 1 });
    writeFileSync(join(dir, 'claims.json'), JSON.stringify({ protocol: 'stale', claims: [] }));
    expect(folderKind(dir)).toBe('sweep');
    await reportFolder(dir);
    const written = readFileSync(join(dir, 'claims.json'), 'utf8');
    expect(written).toBe(claimsJson(await evaluateClaims(dir)));
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const claim of (JSON.parse(written) as { claims: { id: string; verdict: string }[] }).claims) {
      expect(md).toMatch(new RegExp(`\\| ${claim.id} \\| [^|]+ \\| ${claim.verdict} \\|`));
    }
  });

  it('a sweep folder without its run folders is refused, naming the file, and no report is written', async () => {
    const dir = join(root, 'sweep-bare');
    writeSweepFixture(dir, { presets: ['gift'], replicates: 2, days: 20 });
    await expect(reportFolder(dir)).rejects.toThrow(/runs\/gift\/base\/r000\/metrics\.csv/);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    expect(existsSync(join(dir, 'claims.json'))).toBe(false);
    expect(existsSync(join(dir, 'charts'))).toBe(false);
  });

  it('a missing folder gets a did-you-mean, a folder of another kind says what a report needs', async () => {
    mkdirSync(join(root, 'empty'));
    expect(await errorOf(() => folderKind(join(root, 'swep')))).toBe(`${join(root, 'swep')}: no such folder; did you mean "${join(root, 'sweep')}"?`);
    expect(await errorOf(() => folderKind(join(root, 'empty')))).toMatch(/empty: not a run, comparison or sweep folder \(expected sweep\.json/);
  });

  it('a run manifest without its fields is refused at the field, before anything is written', async () => {
    const dir = join(root, 'bad-run');
    mkdirSync(dir);
    writeFileSync(join(dir, 'metrics.csv'), 'day,goods_total\n0,1\n');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ name: 'x', preset: 'gift', origin: 'gift', seed: '1', agents: 2, days: 1, scenarioHash: 'ab', engineVersion: '0.1.0' }));
    const lines = (await errorOf(() => reportFolder(dir))).split('\n');
    expect(lines).toContain(`${join(dir, 'manifest.json')}: seed: expected a number, got "1"`);
    expect(lines).toContain(`${join(dir, 'manifest.json')}: scenario: expected an object, got nothing (the field is missing)`);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'metrics.csv']);
  });
});
