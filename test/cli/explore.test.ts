/**
 * `abundance explore`: one standalone page with the charts of a run and the try-it panel; written to
 * --out, which may be new or a page explore wrote, and is refused (exit 2, nothing written) otherwise.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, tempDir } from './exec.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const d = tempDir('explore');
  dirs.push(d);
  return d;
};

describe('cli/explore', { timeout: 120_000 }, () => {
  it('writes one page with the run\'s charts and the try-it panel, and replaces its own page', () => {
    const cwd = fresh();
    const first = abundance(['explore', '--agents', '20', '--days', '30', '--seed', '4', '--out', 'page.html'], cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^explore page: page\.html \(/);
    const html = readFileSync(join(cwd, 'page.html'), 'utf8');
    expect(html).toContain('<meta name="generator" content="abundance explore">');
    expect(html).toContain('<title>Explore: two-token</title>');
    expect(html).toContain('<form id="tryit"');
    expect(html).toContain('<option value="0">two-token (this run)</option>');
    expect(html).toContain('id="spec-abundance"');
    expect(html).not.toContain('href="metrics.csv"'); // standalone: no run folder beside it
    const again = abundance(['explore', '--agents', '20', '--days', '30', '--seed', '4', '--out', 'page.html', '--quiet'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('');
    expect(readFileSync(join(cwd, 'page.html'), 'utf8')).toBe(html);
  });

  it('without --out, writes explore.html in the current folder', () => {
    const cwd = fresh();
    const r = abundance(['explore', 'peer-bank', '--agents', '20', '--days', '10', '--quiet'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'explore.html'), 'utf8')).toContain('<title>Explore: peer-bank</title>');
  });

  it('refuses a page below a file before running, with exit 2', () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'notes.txt'), 'mine');
    const r = abundance(['explore', '--agents', '20', '--days', '10', '--out', 'notes.txt/x.html'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/notes\.txt is not a folder, so no file can be made below it; nothing was written/);
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file it did not write, a folder and an empty path, writing nothing', () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'notes.html'), 'mine');
    mkdirSync(join(cwd, 'folder'));
    for (const out of ['notes.html', 'folder', '']) {
      const r = abundance(['explore', '--agents', '10', '--days', '5', '--out', out], cwd);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toMatch(/^output file ".*": .*; nothing was written\n$/);
    }
    expect(readFileSync(join(cwd, 'notes.html'), 'utf8')).toBe('mine');
  });

  it('an invalid scenario flag is refused before anything runs', () => {
    const cwd = fresh();
    const r = abundance(['explore', 'two-token', '--set', 'bank.k=0', '--out', 'p.html'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bank.k');
  });
});
