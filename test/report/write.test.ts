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
    const page = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>'); // the markup, libraries left out
    expect(/<script[^>]*\ssrc=/i.test(html)).toBe(false);
    expect(/href="http/i.test(page)).toBe(false);
    expect(/<(img|link)\b/i.test(page)).toBe(false);
    expect((page.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(ids.length);
    // each library once, then the boot script and the try-it panel's; one JSON spec per chart, equal to the saved .vl.json
    expect(html.split('vegaEmbed=').length - 1).toBe(1);
    expect((html.match(/<script>/g) ?? []).length).toBe(5);
    // the engine travels as text, run only inside a Web Worker, and the panel's data as JSON
    expect((html.match(/<script type="text\/plain" id="tryit-worker">/g) ?? []).length).toBe(1);
    expect((html.match(/<script type="application\/json" id="tryit-data">/g) ?? []).length).toBe(1);
    expect(page).toContain('<form id="tryit"');
    for (const id of ids) {
      const m = new RegExp(`<script type="application/json" id="spec-${id}">([^<]*)</script>`).exec(html);
      expect(m, id).not.toBeNull();
      expect(JSON.parse(m?.[1] ?? ''), id).toEqual(JSON.parse(readFileSync(join(dir, 'charts', `${id}.vl.json`), 'utf8')));
    }
    expect(page.includes(escapeHtml('Presets compared <60 days>'))).toBe(true);
    expect(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(true);

    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Presets compared <60 days>/);
    expect(md).toContain('![Abundance](charts/abundance.png)');
    expect(md).toMatch(/\| money supply CH \| tokens \| — \| [\d,]+ \|/);
    expect(md).toContain('| seed | 1 |');
  });

  it('a run report reads top-down in both files: contents, headline numbers, try it, the charts, then the detail', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    await writeReport(dir, input());
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    const sections = ['Headline numbers', 'Try it', 'Charts', 'End-of-run statistics', 'Files', 'Provenance'];
    const toc = sections.map((s, i) => `${i + 1}. [${s}](#${s.toLowerCase().replace(/ /g, '-')})`).join('\n');
    expect(md).toContain(toc);
    const at = sections.map((s) => md.indexOf(`## ${s}\n`));
    expect(at.every((x) => x > md.indexOf(toc))).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(md.indexOf('C1 giving away')).toBeLessThan(md.indexOf('## Try it'));
    expect(md.indexOf('![Abundance]')).toBeLessThan(md.indexOf('## End-of-run statistics'));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const ids = sections.map((s) => html.indexOf(`<h2 id="${s.toLowerCase().replace(/ /g, '-')}">${s}</h2>`));
    expect(ids.every((x) => x > 0)).toBe(true);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    for (const s of sections) expect(html).toContain(`<a href="#${s.toLowerCase().replace(/ /g, '-')}">${s}</a>`);
  });

  it('the same input twice gives byte-identical files', { timeout: 60_000 }, async () => {
    const [a, b] = [freshDir(), freshDir()];
    const first = await writeReport(a, input());
    await writeReport(b, input());
    const rel = first.files.map((f) => f.slice(a.length));
    expect(rel.length).toBeGreaterThan(10);
    for (const f of rel) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('the static SVG leaves out the hover layers, the saved spec keeps them', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    await writeReport(dir, input());
    const spec = readFileSync(join(dir, 'charts', 'abundance.vl.json'), 'utf8');
    expect(spec).toContain('"hover-goods_released"');
    const svg = readFileSync(join(dir, 'charts', 'abundance.svg'), 'utf8');
    expect(svg).toContain('mark-line');
    expect(svg).not.toContain('mark-symbol role-mark');
  });
});
