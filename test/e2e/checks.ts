/**
 * Test helper: what the browser tests check on an opened report, chart by chart.
 *
 * - drawn: the figure holds the interactive view (vega-embed's SVG) and no longer the static fallback;
 * - axis titles: every x/y title of the chart's saved spec (charts/<id>.vl.json) appears on an axis;
 * - tooltip: moving the pointer onto the chart's first data mark shows vega's tooltip with text;
 * - legend selection: clicking a legend entry leaves that series opaque and fades the others.
 *
 * Set E2E_SHOTS=<folder> to get a screenshot of the page whenever a tooltip fails to show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The x and y axis titles a spec asks for (any depth: concat, layer). */
export function axisTitles(spec: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    const enc = o['encoding'] as Record<string, { title?: unknown }> | undefined;
    for (const ch of ['x', 'y']) {
      const t = enc?.[ch]?.title;
      if (typeof t === 'string') out.add(t);
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'data') walk(x);
  };
  walk(spec);
  return [...out];
}

export const specOf = (dir: string, id: string): unknown => JSON.parse(readFileSync(join(dir, 'charts', `${id}.vl.json`), 'utf8'));

export async function figureIds(page: Page): Promise<string[]> {
  return page.locator('figure.chart').evaluateAll((els) => els.map((e) => e.id));
}

/** Null when the figure is drawn by vega-embed, else what is wrong. */
export async function drawnProblem(page: Page, id: string): Promise<string | null> {
  const fig = page.locator(`figure[id="${id}"]`);
  if (await fig.locator('.vis.interactive .view svg.marks').count() !== 1) return 'no interactive view';
  if (await fig.locator('.static').count() !== 0) return 'the static SVG is still there';
  return null;
}

export async function axisTitleTexts(page: Page, id: string): Promise<string[]> {
  return page.locator(`figure[id="${id}"] .view .role-axis-title text`).allTextContents();
}

const DATA_MARKS = '.mark-rect.role-mark path, .mark-line.role-mark path, .mark-area.role-mark path, .mark-symbol.role-mark path';

/** Hover the figure's first data mark; resolves to the tooltip's text, or null if none showed. */
export async function hoverTooltip(page: Page, id: string): Promise<string | null> {
  await page.mouse.move(0, 0);
  const mark = page.locator(`figure[id="${id}"] .view`).locator(DATA_MARKS).first();
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.boundingBox();
  if (box === null) return null;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const tip = page.locator('#vg-tooltip-element.visible');
  try {
    await tip.waitFor({ state: 'visible', timeout: 3_000 });
  } catch {
    if (process.env['E2E_SHOTS'] !== undefined) await page.screenshot({ path: `${process.env['E2E_SHOTS']}/${id}.png` });
    return null;
  }
  return (await tip.textContent()) ?? '';
}

/** Opacity of each line of the figure, by stroke colour. */
export async function lineOpacities(page: Page, id: string): Promise<{ stroke: string; opacity: number }[]> {
  return page.locator(`figure[id="${id}"] .view .mark-line path`).evaluateAll((els) =>
    els.map((e) => ({ stroke: e.getAttribute('stroke') ?? '', opacity: Number(e.getAttribute('opacity') ?? '1') })));
}

/** Click the legend entry `label` of the figure. */
export async function clickLegend(page: Page, id: string, label: string): Promise<void> {
  await page.mouse.move(0, 0);
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const entry = page.locator(`figure[id="${id}"] .view .role-legend-label text`).filter({ hasText: exact }).first();
  await entry.scrollIntoViewIfNeeded();
  const box = await entry.boundingBox();
  if (box === null) throw new Error(`${id}: legend entry "${label}" is not shown`);
  // a click where the reader clicks; legend text has pointer-events none, so vega hears it on the entry
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(150);
}
