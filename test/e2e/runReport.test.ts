/**
 * The browser check of a single-run report: a small real run (the engine on this thread) writes its
 * folder and report.html; headless Chromium opens the file offline and every chart must be drawn by
 * vega-embed with its axis titles, show a tooltip on hover, and the page must log no error or warning
 * and make no network request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { writeRunFolder } from '../../sim/io/runFolder.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { axisTitles, axisTitleTexts, drawnProblem, figureIds, hoverTooltip, specOf } from './checks.js';
import { launchChromium, openReport } from './browser.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-e2e-run-'));
const dir = join(root, 'run');
let browser: Browser | undefined;

beforeAll(async () => {
  const resolved = loadScenarioFile('two-token', { overrides: { agents: 40, days: 90, seed: 3 } });
  await writeRunFolder(dir, resolved, {}, { simulate });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('e2e: single-run report.html in Chromium', { timeout: 120_000 }, () => {
  it('draws every chart interactively with its axis titles, a tooltip on hover, and no console errors', async () => {
    const { page, problems } = await openReport(browser!, join(dir, 'report.html'));
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
});
