/** sim/cli/publish through the real binary: an index of the reports below a folder; exit 2 when there are none. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, listing, tempDir } from './exec.js';

const cwd = tempDir('cli-publish');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('cli/publish', { timeout: 120_000 }, () => {
  it('writes reports/index.html linking each report with its date and title', () => {
    for (const [folder, title, created] of [['reports/a', 'Run A', '2025-01-01T00:00:00Z'], ['reports/b/c', 'Sweep C', '2025-02-01T00:00:00Z']] as const) {
      mkdirSync(join(cwd, folder), { recursive: true });
      writeFileSync(join(cwd, folder, 'report.html'), `<html><head><title>${title}</title></head></html>`);
      writeFileSync(join(cwd, folder, 'manifest.json'), JSON.stringify({ created }));
    }
    const r = abundance(['publish', 'reports'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`index: ${join('reports', 'index.html')} (2 reports)\n`);
    const html = readFileSync(join(cwd, 'reports', 'index.html'), 'utf8');
    expect(html.indexOf('b/c/report.html')).toBeLessThan(html.indexOf('a/report.html'));
    expect(html).toContain('<td class="date">2025-02-01 00:00 UTC</td><td><a href="b/c/report.html">Sweep C</a></td>');
  });

  it('exits 2 for a folder without reports and for a missing one, writing nothing', () => {
    mkdirSync(join(cwd, 'empty'));
    const r = abundance(['publish', 'empty'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empty: no report.html below it');
    expect(listing(join(cwd, 'empty'))).toEqual([]);
    const m = abundance(['publish', 'reprots'], cwd);
    expect(m.code).toBe(2);
    expect(m.stderr).toBe('reprots: no such folder; did you mean "reports"?\n');
  });
});
