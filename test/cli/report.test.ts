/**
 * sim/cli/report through the real binary: a compare-presets folder's report is rebuilt byte-identical;
 * sweep --report evaluates the claims and writes the report; bad input (a corrupt runs.csv too) exits 2 with the
 * file and field named, and nothing is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSweepFixture } from '../report/sweep/fixture.js';
import { abundance, listing, tempDir } from './exec.js';
import { snapshot } from './snapshot.js';

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

  it('sweep --report evaluates the claims and writes the sweep report; report rebuilds it from the folder', () => {
    writeFileSync(join(cwd, 'tiny.yaml'), 'compare: [gift, two-token]\nseeds: 2\nagents: 30\ndays: 150\naggregate.everyDays: 10\nsweep:\n  bank.k: [7, 30]\n');
    const made = abundance(['sweep', 'tiny.yaml', '--out', 'sw', '--workers', '1', '--quiet', '--report'], cwd);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(['runs.csv: sw/runs.csv', 'summary.csv: sw/summary.csv', 'report: sw/report.html', 'claims: sw/claims.json', ''].join('\n'));
    const claims = JSON.parse(readFileSync(join(cwd, 'sw', 'claims.json'), 'utf8')) as { claims: { id: string; verdict: string }[] };
    expect(claims.claims.map((c) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    const html = readFileSync(join(cwd, 'sw', 'report.html'), 'utf8');
    for (const c of claims.claims) expect(html).toContain(`<td class="${c.verdict.replace(' ', '-')}">${c.verdict}</td>`);
    expect(existsSync(join(cwd, 'sw', 'charts', 'param-bank.k.vl.json'))).toBe(true);
    const r = abundance(['report', 'sw'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^report: sw\/report\.html \(sweep, \d+ charts\)\n$/);
  });

  it('exits 2 with a did-you-mean for a missing folder, and writes nothing', () => {
    const before = listing(cwd);
    const r = abundance(['report', 'sww'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sww: no such folder; did you mean "sw"?\n');
    expect(listing(cwd)).toEqual(before);
  });

  it('exits 2 naming the missing run file of a sweep folder, and writes nothing', () => {
    writeSweepFixture(join(cwd, 'sw2'), { presets: ['gift'], replicates: 2, days: 20 });
    const before = listing(join(cwd, 'sw2'));
    const r = abundance(['report', 'sw2'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^sw2\/runs\/gift\/base\/r000\/metrics\.csv: /);
    expect(listing(join(cwd, 'sw2'))).toEqual(before);
  });

  it('exits 2 on a corrupt runs.csv and writes nothing, not even claims.json', () => {
    const dir = tempDir('cli-report-corrupt');
    try {
      writeFileSync(join(dir, 't.yaml'), 'compare: [gift]\nseeds: 2\nagents: 10\ndays: 10\n');
      expect(abundance(['sweep', 't.yaml', '--out', 'sw', '--quiet'], dir).code).toBe(0);
      const runsCsv = join(dir, 'sw', 'runs.csv');
      writeFileSync(runsCsv, readFileSync(runsCsv, 'utf8').replace(',base,', ',bsae,'));
      const before = snapshot(dir);
      const r = abundance(['report', 'sw'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('runs.csv line 2: point "bsae" is not in sweep.json; did you mean "base"?\n');
      expect(snapshot(dir)).toEqual(before);
      expect(existsSync(join(dir, 'sw', 'claims.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to replace charts/ holding a file no report wrote, or a folder where report.md goes: exit 2, nothing touched", () => {
    // rep/ is the compare-presets folder of the first test
    writeFileSync(join(cwd, 'rep', 'charts', 'my-notes.txt'), 'mine');
    const before = snapshot(join(cwd, 'rep'));
    const r = abundance(['report', 'rep'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rep: holds charts\/my-notes\.txt, which no report wrote: writing the report would replace it; move it away; nothing was written/);
    expect(snapshot(join(cwd, 'rep'))).toEqual(before);
    rmSync(join(cwd, 'rep', 'charts', 'my-notes.txt'));
    rmSync(join(cwd, 'rep', 'report.md'));
    mkdirSync(join(cwd, 'rep', 'report.md'));
    writeFileSync(join(cwd, 'rep', 'report.md', 'draft.txt'), 'mine');
    const folder = abundance(['report', 'rep'], cwd);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('rep: holds report.md, which no report wrote');
    expect(readFileSync(join(cwd, 'rep', 'report.md', 'draft.txt'), 'utf8')).toBe('mine');
    rmSync(join(cwd, 'rep', 'report.md'), { recursive: true });
    expect(abundance(['report', 'rep'], cwd).code).toBe(0);
  });

  it('exits 2 when the folder argument is missing', () => {
    const r = abundance(['report'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Not enough non-option arguments');
  });
});
