/**
 * sim/cli/comparePresets (what `npm start` runs), small: every preset gets a run folder under
 * <out>/runs/, a comparison report is written into <out>/, and the report path and a five-line
 * summary are printed. An unknown preset exits 2 and writes nothing.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abundance, listing, tempDir } from './exec.js';

const cwd = tempDir('cli-compare');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('cli/comparePresets', { timeout: 600_000 }, () => {
  it('exits 2 on an unknown preset and writes nothing', () => {
    const r = abundance(['compare-presets', '--presets', 'gift,two-tokn', '--out', 'rep'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('two-tokn');
    expect(listing(cwd)).toEqual([]);
  });

  it('runs each preset and writes a comparison report with a five-line summary', () => {
    const r = abundance(['compare-presets', '--agents', '30', '--days', '40', '--seed', '2', '--out', 'rep'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`report: ${join('rep', 'report.html')}`);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('gift');
    expect(lines[1]).toContain('two-token');
    expect(lines[1]).toContain('peer-bank');
    const rep = join(cwd, 'rep');
    for (const f of ['report.html', 'report.md', 'manifest.json', 'charts']) expect(existsSync(join(rep, f)), f).toBe(true);
    expect(readdirSync(join(rep, 'runs')).sort()).toEqual(['gift', 'market', 'market-k', 'peer-bank', 'two-token']);
    for (const p of ['gift', 'market', 'market-k', 'peer-bank', 'two-token']) expect(existsSync(join(rep, 'runs', p, 'metrics.csv')), p).toBe(true);
    expect(listing(cwd)).toEqual(['rep']);
  });
});
