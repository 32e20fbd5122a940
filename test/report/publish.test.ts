/**
 * sim/report/publish: the index lists every report.html below a folder with its title, date and kind,
 * newest first, with relative links; hidden and temporary folders are skipped; the index is written
 * atomically; a folder without reports is refused, and so is an index.html publish did not write.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportError } from '../../sim/report/errors.js';
import { findReports, publish } from '../../sim/report/publish.js';

const page = (title: string): string => `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body></body></html>\n`;

describe('report/publish', () => {
  let root = '';
  const put = (folder: string, title: string, manifest?: object, extra: Record<string, string> = {}): void => {
    mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, folder, 'report.html'), page(title));
    if (manifest !== undefined) writeFileSync(join(root, folder, 'manifest.json'), JSON.stringify(manifest));
    for (const [f, text] of Object.entries(extra)) writeFileSync(join(root, folder, f), text);
  };
  // The marks of each kind of output (sim/io/outputPath.ts outputKindOf): a run's manifest has a scenario hash and a seed.
  const run = { scenarioHash: 'ab', seed: 1 };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'abundance-publish-'));
    put('old run', 'two-token &amp; friends', { created: '2024-05-01T10:00:00.000Z', ...run }, { 'metrics.csv': '' });
    put('latest', 'Presets compared: gift vs two-token', { created: '2025-03-01T09:30:00.000Z', presets: ['gift'], runs: [] });
    put('latest/runs/gift', 'gift', { created: '2025-03-01T09:29:00.000Z', ...run }, { 'metrics.csv': '' });
    // A sweep's manifest holds nothing that varies: its date is in timings.json.
    put('sweeps/claims', 'Sweep: claims', {}, { 'sweep.json': '{"runs": []}', 'timings.json': JSON.stringify({ created: '2025-02-01T00:00:00.000Z' }) });
    put('loose', 'No manifest');
    put('.hidden', 'hidden');
    put('x.tmp-12-ab', 'half written');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds every report, newest first, with title, date, kind and a relative link', () => {
    const found = findReports(root);
    expect(found.map((r) => [r.folder, r.title, r.created?.slice(0, 10) ?? null, r.kind])).toEqual([
      ['latest', 'Presets compared: gift vs two-token', '2025-03-01', 'comparison'],
      ['latest/runs/gift', 'gift', '2025-03-01', 'run'],
      ['sweeps/claims', 'Sweep: claims', '2025-02-01', 'sweep'],
      ['old run', 'two-token & friends', '2024-05-01', 'run'],
      ['loose', 'No manifest', null, 'report'],
    ]);
    expect(found.find((r) => r.folder === 'old run')?.href).toBe('old%20run/report.html');
  });

  it('writes index.html with a row per report and leaves no temporary file', () => {
    const { file, reports } = publish(root);
    expect(reports).toHaveLength(5);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<td class="date">2025-03-01 09:30 UTC</td><td><a href="latest/report.html">Presets compared: gift vs two-token</a></td><td class="kind">comparison</td>');
    expect(html).toContain('<a href="old%20run/report.html">two-token &amp; friends</a>');
    expect(html).toContain('<td class="date">—</td><td><a href="loose/report.html">No manifest</a>');
    expect(html).not.toContain('hidden');
    expect(html).not.toContain('half written');
    expect(readdirSync(root).filter((f) => f.includes('.tmp-') && f.startsWith('index'))).toEqual([]);
    expect(publish(root).reports).toHaveLength(5); // an index beside the reports is not a report
  });

  it('a folder without any report.html is refused and gets no index', () => {
    const empty = join(root, 'sweeps', 'nothing');
    mkdirSync(empty);
    expect(() => publish(empty)).toThrow(ReportError);
    expect(() => publish(empty)).toThrow(/no report\.html below it/);
    expect(existsSync(join(empty, 'index.html'))).toBe(false);
  });

  it('never replaces an index.html it did not write, and replaces its own', () => {
    writeFileSync(join(root, 'index.html'), '<h1>my home page</h1>\n');
    expect(() => publish(root)).toThrow(/index\.html: exists and was not written by "abundance publish": it is not replaced/);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe('<h1>my home page</h1>\n');
    rmSync(join(root, 'index.html'));
    publish(root);
    put('newer', 'Newer', { created: '2026-01-01T00:00:00.000Z' });
    expect(publish(root).reports).toHaveLength(6);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toContain('newer/report.html');
  });
});
