/**
 * The browser check of a sweep report: a small real sweep (two grid keys, three presets, three seeds)
 * gets its report, claims evaluated from its runs, from `reportFolder`; headless Chromium opens report.html offline. Every
 * chart (fan charts, small multiples, heatmaps) must be drawn with its axis titles and show a tooltip
 * on hover; clicking a preset in a legend must fade the other presets; the answer at the top must show
 * each verdict with its reason, before the charts; and the page must log no error or warning and make no network request.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFolder } from '../../sim/report/folder.js';
import { sweep } from '../../sim/sweep/run.js';
import { BrowserSlot, openReport, type OpenedReport } from './browser.js';
import { axisTitles, axisTitleTexts, clickLegend, drawnProblem, figureIds, hoverTooltip, lineOpacities, specOf } from './checks.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-e2e-sweep-'));
const dir = join(root, 'sweep');
const PRESETS = ['gift', 'two-token', 'peer-bank'];
const browser = new BrowserSlot();
let opened: OpenedReport | undefined;
/** The opened report (opened once, by the first test that needs it). */
const report = async (): Promise<OpenedReport> => (opened ??= await openReport(browser.get(), join(dir, 'report.html')));

beforeAll(async () => {
  const file = join(root, 'e2e.yaml');
  writeFileSync(file, [`compare: [${PRESETS.join(', ')}]`, 'seeds: 3', 'agents: 30', 'days: 120', 'aggregate.everyDays: 2',
    'sweep:', '  bank.k: [7, 30]', '  demurrage.rate: [0, 0.06]', ''].join('\n'));
  await sweep(file, { out: dir, workers: 1 });
  await reportFolder(dir);
  await browser.start();
}, 180_000);

afterAll(async () => {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
});

/** The colour the chart's spec gives a preset. */
function colourOf(id: string, preset: string): string {
  const scale = (JSON.stringify(specOf(dir, id)).match(/"field":"preset","type":"nominal","title":"preset","sort":\[[^\]]*\],"scale":(\{[^}]*\})/) ?? [])[1];
  const { domain, range } = JSON.parse(scale ?? '{}') as { domain: string[]; range: string[] };
  return range[domain.indexOf(preset)] ?? '';
}

describe('e2e: sweep report.html in Chromium', { timeout: 120_000 }, () => {
  it('draws every chart with its axis titles and a tooltip on hover, with no console errors', async () => {
    const { page, problems } = await report();
    const ids = await figureIds(page);
    expect(ids).toEqual(expect.arrayContaining(['fan-abundance', 'fan-money', 'fan-efficiency', 'fan-prices', 'fan-inequality',
      'param-bank.k', 'param-demurrage.rate', 'heatmap-goods_total']));
    for (const id of ids) {
      expect(await drawnProblem(page, id), id).toBeNull();
      const texts = await axisTitleTexts(page, id);
      for (const title of axisTitles(specOf(dir, id))) expect(texts, `${id}: axis title "${title}"`).toContain(title);
      const tip = await hoverTooltip(page, id);
      expect(tip, `${id}: tooltip`).not.toBeNull();
      expect(tip, id).toMatch(/preset/);
      expect(tip, id).toMatch(/mean/);
    }
    expect(problems).toEqual([]);
  });

  it('clicking a preset in the legend keeps its lines and fades the others', async () => {
    const { page, problems } = await report();
    for (const id of ['fan-abundance', 'param-bank.k']) {
      const before = await lineOpacities(page, id);
      expect(before.length, id).toBeGreaterThanOrEqual(PRESETS.length);
      expect(before.every((l) => l.opacity === 1), id).toBe(true);
      await clickLegend(page, id, 'two-token');
      const picked = colourOf(id, 'two-token');
      const after = await lineOpacities(page, id);
      expect(after.filter((l) => l.stroke === picked).every((l) => l.opacity === 1), id).toBe(true);
      expect(after.filter((l) => l.stroke !== picked).every((l) => l.opacity < 0.5), id).toBe(true);
      expect(after.some((l) => l.stroke !== picked), id).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  it('shows each verdict with its reason first, and again with the numbers behind it after the charts', async () => {
    const { page } = await report();
    const claims = JSON.parse(readFileSync(join(dir, 'claims.json'), 'utf8')) as { claims: { verdict: string; reason: string }[] };
    const verdicts = await page.locator('td.supported, td.refuted, td.undecided, td.not-judged').allTextContents();
    expect(verdicts).toEqual([...claims.claims, ...claims.claims].map((c) => c.verdict));
    const answer = await page.locator('h2#answer + .scroll tbody tr').allTextContents();
    expect(answer).toHaveLength(claims.claims.length);
    claims.claims.forEach((c, i) => expect(answer[i]).toContain(`${c.verdict}${c.reason}`));
    const order = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { compareDocumentPosition(o: unknown): number } | null } }).document;
      return d.querySelector('h2#answer')?.compareDocumentPosition(d.querySelector('figure.chart')) ?? 0;
    });
    expect(order & 4).toBe(4); // the answer precedes the first chart (DOCUMENT_POSITION_FOLLOWING)
    const text = (await page.locator('main').textContent()) ?? '';
    for (const c of claims.claims) expect(text).toContain(c.reason);
  });
});
