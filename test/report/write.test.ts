import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../sim/report/html.js';
import { writeReport, type ReportInput } from '../../sim/report/write.js';
import { syntheticTable } from './synthetic.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'abundance-report-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const input = (): ReportInput => ({
  title: 'Presets compared <60 days>',
  subtitle: 'gift & two-token, seed 1',
  runs: [
    { label: 'gift', table: syntheticTable(60, { shift: 0, money: false }) },
    { label: 'two-token', table: syntheticTable(60, { shift: 1, money: true }) },
  ],
  summary: ['C1 giving away is unsustainable: <script>alert(1)</script>'],
  provenance: { seed: 1, days: 60, version: '0.1.0' },
  links: [{ label: 'metrics', href: 'two-token/metrics.csv' }, { label: 'model', href: 'https://example.org/model' }],
});

describe('report/write', () => {
  it('writeReport writes every chart file, report.md and a self-contained report.html', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    const { files } = await writeReport(dir, input());
    const ids = ['abundance', 'campaigns', 'money', 'efficiency', 'prices', 'distribution'];
    for (const id of ids) {
      for (const ext of ['vl.json', 'svg', 'png']) expect(files).toContain(join(dir, 'charts', `${id}.${ext}`));
      const png = readFileSync(join(dir, 'charts', `${id}.png`));
      expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
    }
    for (const f of files) expect(readFileSync(f).length, f).toBeGreaterThan(0);

    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="http/i);
    expect(html).not.toMatch(/src="http/i);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(ids.length);
    expect(html).toContain(escapeHtml('Presets compared <60 days>'));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Presets compared <60 days>/);
    expect(md).toContain('![Abundance](charts/abundance.png)');
    expect(md).toMatch(/\| money supply CH \| tokens \| — \| [\d,]+ \|/);
    expect(md).toContain('| seed | 1 |');
  });

  it('the same input twice gives identical spec and SVG bytes', { timeout: 60_000 }, async () => {
    const [a, b] = [freshDir(), freshDir()];
    const first = await writeReport(a, input());
    await writeReport(b, input());
    const rel = first.files.map((f) => f.slice(a.length));
    for (const f of rel.filter((r) => r.endsWith('.vl.json') || r.endsWith('.svg') || r.endsWith('.md') || r.endsWith('.html'))) {
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    }
  });
});
