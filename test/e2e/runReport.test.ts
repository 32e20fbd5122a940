/**
 * The browser check of run reports: small real runs (the engine on this thread) write their folders and
 * reports, one run alone and two presets compared; headless Chromium opens each report.html offline.
 * Every chart must be drawn by vega-embed with its axis titles and show a tooltip on hover; in the
 * comparison, clicking a preset in a legend must fade the other; the page must log no error or warning
 * and make no network request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { writeRun } from '../../sim/report/runReport.js';
import { comparisonReportInput } from '../../sim/report/runInput.js';
import { writeReport } from '../../sim/report/write.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { axisTitles, axisTitleTexts, clickLegend, drawnProblem, figureIds, hoverTooltip, lineOpacities, specOf } from './checks.js';
import { BrowserSlot, openReport } from './browser.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-e2e-run-'));
const dir = join(root, 'run');
const comparison = join(root, 'comparison');
const browser = new BrowserSlot();

beforeAll(async () => {
  const resolved = loadScenarioFile('two-token', { overrides: { agents: 40, days: 90, seed: 3 } });
  const run = await writeRun(dir, resolved, {}, { simulate });
  const gift = await writeRun(join(comparison, 'runs', 'gift'), loadScenarioFile('gift', { overrides: { agents: 40, days: 90, seed: 3 } }),
    { report: false }, { simulate });
  await writeReport(comparison, comparisonReportInput({ seed: 3, agents: 40, days: 90, engineVersion: run.manifest.engineVersion, runs: [
    { label: 'gift', table: gift.table, scenarioHash: gift.manifest.scenarioHash },
    { label: 'two-token', table: run.table, scenarioHash: run.manifest.scenarioHash },
  ] }));
  await browser.start();
}, 180_000);

afterAll(async () => {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
});

describe('e2e: single-run report.html in Chromium', { timeout: 120_000 }, () => {
  it('draws every chart interactively with its axis titles, a tooltip on hover, and no console errors', async () => {
    const { page, problems } = await openReport(browser.get(), join(dir, 'report.html'));
    const ids = await figureIds(page);
    expect(ids).toEqual(expect.arrayContaining(['abundance', 'campaigns', 'money', 'efficiency', 'prices', 'distribution', 'participation']));
    for (const id of ids) {
      expect(await drawnProblem(page, id), id).toBeNull();
      const texts = await axisTitleTexts(page, id);
      for (const title of axisTitles(specOf(dir, id))) expect(texts, `${id}: axis title "${title}"`).toContain(title);
      const tip = await hoverTooltip(page, id);
      expect(tip, `${id}: tooltip`).not.toBeNull();
      expect(tip, id).toMatch(/run.*two-token/s);
      expect(tip, id).toMatch(/day/);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in a comparison, clicking a preset in the legend keeps its lines and fades the other', async () => {
    const { page, problems } = await openReport(browser.get(), join(comparison, 'report.html'));
    const before = await lineOpacities(page, 'abundance');
    expect(new Set(before.map((l) => l.stroke)).size).toBe(2);
    expect(before.every((l) => l.opacity === 1)).toBe(true);
    await clickLegend(page, 'abundance', 'gift');
    const after = await lineOpacities(page, 'abundance');
    const giftColour = '#4e79a7'; // the first run of a report is the first colour of the palette
    expect(after.filter((l) => l.stroke === giftColour).map((l) => l.opacity)).toEqual([1, 1, 1]);
    expect(after.filter((l) => l.stroke !== giftColour).every((l) => l.opacity < 0.5)).toBe(true);
    expect(await hoverTooltip(page, 'abundance')).toMatch(/run/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
