/**
 * sim/cli/report through the real binary: a compare-presets folder's report is rebuilt byte-identical;
 * a sweep folder gets its report with its claims; bad input exits 2 with the file and field named, and
 * nothing is written.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsFixture, writeSweepFixture } from '../report/sweep/fixture.js';
import { abundance, listing, tempDir } from './exec.js';

const cwd = tempDir('cli-report');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const reportFiles = (dir: string): Map<string, Buffer> =>
  new Map(['report.html', 'report.md', ...readdirSync(join(dir, 'charts')).map((f) => `charts/${f}`)].map((f) => [f, readFileSync(join(dir, f))]));

describe('cli/report', { timeout: 600_000 }, () => {
  it('rebuilds a compare-presets report byte-identical from the folder alone', () => {
    const made = abundance(['compare-presets', '--presets', 'gift,two-token', '--agents', '20', '--days', '40', '--out', 'rep'], cwd);
    expect(made.code, made.stderr).toBe(0);
    const before = reportFiles(join(cwd, 'rep'));
    rmSync(join(cwd, 'rep', 'report.html'));
    const r = abundance(['report', 'rep'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`report: ${join('rep', 'report.html')} (comparison, ${[...before.keys()].filter((f) => f.endsWith('.vl.json')).length} charts)\n`);
    const after = reportFiles(join(cwd, 'rep'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [f, bytes] of before) expect(after.get(f)?.equals(bytes), f).toBe(true);
  });

  it('writes a sweep folder\'s report, with the verdicts of its claims.json', () => {
    writeSweepFixture(join(cwd, 'sw'), { presets: ['gift', 'two-token'], grid: { 'bank.k': [7, 30] }, replicates: 2, days: 30, claims: claimsFixture() });
    const r = abundance(['report', 'sw'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^report: sw\/report\.html \(sweep, \d+ charts\)\n$/);
    const html = readFileSync(join(cwd, 'sw', 'report.html'), 'utf8');
    expect(html.includes('<td class="supported">supported</td>')).toBe(true);
    expect(existsSync(join(cwd, 'sw', 'charts', 'param-bank.k.vl.json'))).toBe(true);
  });

  it('exits 2 with a did-you-mean for a missing folder, and writes nothing', () => {
    const before = listing(cwd);
    const r = abundance(['report', 'sww'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sww: no such folder; did you mean "sw"?\n');
    expect(listing(cwd)).toEqual(before);
  });

  it('exits 2 naming the field of a malformed claims.json, and writes nothing', () => {
    writeSweepFixture(join(cwd, 'sw2'), { presets: ['gift'], replicates: 2, days: 20 });
    writeFileSync(join(cwd, 'sw2', 'claims.json'), JSON.stringify({ protocol: 'MODEL.md section 9', claims: [{ id: 'C1' }] }));
    const before = listing(join(cwd, 'sw2'));
    const r = abundance(['report', 'sw2'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`${join('sw2', 'claims.json')}: claims[0].title: expected a string, got nothing (the field is missing)`);
    expect(listing(join(cwd, 'sw2'))).toEqual(before);
  });

  it('exits 2 when the folder argument is missing', () => {
    const r = abundance(['report'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Not enough non-option arguments');
  });
});
