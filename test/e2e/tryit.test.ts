/**
 * The "try it" panel in Chromium: the same engine. A small run (60 agents, 30 days) writes its folder and
 * report; `npx abundance run` makes the same run on the command line. In the report opened offline, the
 * panel runs the report's scenario in a Web Worker and its downloaded metrics.csv must equal the CLI's
 * cell by cell; a knob set and run again adds a series to every chart; Remove takes a run off the
 * charts; an invalid value is refused beside its field and nothing runs, and so is a scenario that only the
 * checks between fields refuse (the exactness bound, with the CLI's message); no console error or network.
 * The page of `abundance explore` draws its charts and runs the same panel.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simulate } from '../../sim/engine/simulate.js';
import { writeRun } from '../../sim/report/runReport.js';
import { loadScenarioFile } from '../../sim/scenario/file.js';
import { YOURS_RANGE } from '../../sim/report/interaction.js';
import { BrowserSlot, openReport, type OpenedReport } from './browser.js';
import { drawnProblem, figureIds } from './checks.js';
import { exploreCommand } from '../../sim/cli/explore.js';

const root = mkdtempSync(join(tmpdir(), 'abundance-e2e-tryit-'));
const dir = join(root, 'run');
const cli = join(root, 'cli');
const SIZE = { agents: 60, days: 30, seed: 3 };
const browser = new BrowserSlot();
let opened: OpenedReport | undefined;
const report = async (): Promise<OpenedReport> => (opened ??= await openReport(browser.get(), join(dir, 'report.html')));

beforeAll(async () => {
  await writeRun(dir, loadScenarioFile('two-token', { overrides: SIZE }), {}, { simulate });
  execFileSync('npx', ['abundance', 'run', 'two-token', '--agents', '60', '--days', '30', '--seed', '3', '--out', cli, '--quiet', '--no-report'],
    { stdio: 'pipe', timeout: 120_000 });
  await exploreCommand({ agents: 40, days: 20, seed: 2, out: join(root, 'explore.html'), quiet: true });
  await browser.start();
}, 180_000);

afterAll(async () => {
  await opened?.page.close();
  await browser.close();
  rmSync(root, { recursive: true, force: true });
});

/** Fill `path` (a field of the panel) with `value`. */
const setField = (page: Page, path: string, value: string): Promise<void> => page.locator(`#tryit [data-path="${path}"]`).fill(value);

/** Press Run and wait until the run is over; resolves to the form's state. */
async function run(page: Page): Promise<string> {
  await page.locator('#try-run').click();
  await page.waitForFunction(() => {
    const s = (globalThis as unknown as { document: { getElementById(id: string): { getAttribute(a: string): string | null } | null } })
      .document.getElementById('tryit')?.getAttribute('data-state');
    return s !== 'running';
  }, undefined, { timeout: 60_000 });
  return (await page.locator('#tryit').getAttribute('data-state')) ?? '';
}

/** The number of drawn line paths of each chart stroked with `colour`. */
async function linesOf(page: Page, colour: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of await figureIds(page)) {
    out[id] = await page.locator(`figure[id="${id}"] .view .mark-line path[stroke="${colour}"]`).count();
  }
  return out;
}

/** The first cell where two CSV texts differ, or null. */
function firstDifference(a: string, b: string): string | null {
  const [la, lb] = [a.split('\n'), b.split('\n')];
  if (la.length !== lb.length) return `${la.length} lines vs ${lb.length}`;
  for (let i = 0; i < la.length; i++) {
    const [ca, cb] = [(la[i] ?? '').split(','), (lb[i] ?? '').split(',')];
    if (ca.length !== cb.length) return `line ${i + 1}: ${ca.length} cells vs ${cb.length}`;
    for (let j = 0; j < ca.length; j++) if (ca[j] !== cb[j]) return `line ${i + 1}, column ${(la[0] ?? '').split(',')[j]}: ${ca[j]} vs ${cb[j]}`;
  }
  return null;
}

describe('e2e: the try-it panel runs the same engine in the browser', { timeout: 180_000 }, () => {
  it('the report\'s own scenario, run in the page, downloads the metrics.csv of `abundance run` cell by cell', async () => {
    const { page, problems } = await report();
    expect(await page.locator('#try-scenario option').first().textContent()).toBe('two-token (this run)');
    expect(await page.locator('#tryit [data-path="agents"]').inputValue()).toBe('60');
    expect(await run(page)).toBe('done');
    const download = page.waitForEvent('download');
    await page.locator('#try-runs [data-run="your run 1"] a.try-csv').click();
    const file = await (await download).path();
    const browserCsv = readFileSync(file, 'utf8');
    const cliCsv = readFileSync(join(cli, 'metrics.csv'), 'utf8');
    expect(cliCsv.split('\n')).toHaveLength(SIZE.days + 2); // header, 30 days, the final newline
    expect(firstDifference(browserCsv, cliCsv)).toBeNull();
    expect(browserCsv).toBe(cliCsv);
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe(cliCsv);
    const first = await linesOf(page, YOURS_RANGE[0]);
    for (const [id, n] of Object.entries(first)) expect(n, id).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('a knob set and run again draws a new series in every chart; Remove takes the first off again', async () => {
    const { page, problems } = await report();
    await setField(page, 'credit.lambdaDays', '60');
    await setField(page, 'demand.freeRide', '0.5');
    expect(await run(page)).toBe('done');
    expect(await page.locator('#tryit').getAttribute('data-runs')).toBe('2');
    const ids = await figureIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    const second = await linesOf(page, YOURS_RANGE[1]);
    for (const id of ids) expect(second[id], id).toBeGreaterThan(0);
    expect(await page.locator('#try-runs [data-run="your run 2"]').textContent()).toContain('credit.lambdaDays=60');
    await page.locator('#try-runs [data-run="your run 1"] button.try-remove').click();
    expect(await page.locator('#tryit').getAttribute('data-runs')).toBe('1');
    const after = await linesOf(page, YOURS_RANGE[0]);
    // the stroke scale follows the data: the remaining run now takes the first colour, and no chart has more lines than it
    for (const id of ids) expect(after[id], id).toBe(second[id]);
    expect(problems).toEqual([]);
  });

  it('an invalid value is refused beside its field, and nothing runs', async () => {
    const { page, problems } = await report();
    const runsBefore = await page.locator('#tryit').getAttribute('data-runs');
    await setField(page, 'agents', '5000');
    await setField(page, 'bank.k', '0');
    expect(await run(page)).toBe('refused');
    expect(await page.locator('#try-agents-error').textContent()).toBe('agents: expected an integer from 1 to 2000 in the browser (the command line allows 10000000), got 5000');
    expect(await page.locator('#try-bank-k-error').textContent()).toBe('bank.k: expected a number > 0 and <= 3650, got 0');
    expect(await page.locator('#try-days-error').textContent()).toBe('');
    expect(await page.locator('#tryit [data-path="agents"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#tryit').getAttribute('data-runs')).toBe(runsBefore);
    expect(await page.locator('#try-progress').evaluate((e) => (e as unknown as { value: number }).value)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('a scenario the command line refuses (agents 2000, days 36500: the exactness bound) is refused with its message beside days, and nothing runs', async () => {
    const { page, problems } = await report();
    await page.locator('#try-scenario').selectOption({ index: 0 });
    const runsBefore = await page.locator('#tryit').getAttribute('data-runs');
    await setField(page, 'agents', '2000');
    await setField(page, 'days', '36500');
    expect(await run(page)).toBe('refused');
    // the message of `abundance validate` for two-token at this size (test/scenario/crossField.test.ts)
    expect(await page.locator('#try-days-error').textContent()).toBe('days: expected at most 16800 days for this run (2000 agents, '
      + 'calibration "source" (Rmax 1.25) x Rmax factor up to 2, PCs on 8 h/day, the best PC doubling every 2.32 years, money of 30 days '
      + 'of capacity (credit.lambdaDays 30)): the engine keeps its sums of milli-units exact below 2^50 (docs/model.md, Input bounds), got 36500');
    expect(await page.locator('#try-agents-error').textContent()).toBe('');
    expect(await page.locator('#tryit [data-path="days"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#try-status').textContent()).toMatch(/^Nothing was run/);
    expect(await page.locator('#tryit').getAttribute('data-runs')).toBe(runsBefore);
    expect(await page.locator('#try-progress').evaluate((e) => (e as unknown as { value: number }).value)).toBe(0);
    expect(await page.locator('#try-run').isDisabled()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('a long run shows its progress and Cancel stops it, drawing nothing', async () => {
    const { page, problems } = await report();
    await page.locator('#try-scenario').selectOption({ index: 0 });
    const runs = await page.locator('#tryit').getAttribute('data-runs');
    await setField(page, 'agents', '2000');
    await setField(page, 'days', '3650');
    await page.locator('#try-run').click();
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { getElementById(id: string): unknown } }).document;
      return ((d.getElementById('try-progress') as { value: number } | null)?.value ?? 0) > 0;
    }, undefined, { timeout: 60_000 });
    expect(await page.locator('#tryit').getAttribute('data-state')).toBe('running');
    expect(await page.locator('#try-status').textContent()).toMatch(/^your run \d+: day \d+ of 3650$/);
    await page.locator('#try-cancel').click();
    expect(await page.locator('#tryit').getAttribute('data-state')).toBe('cancelled');
    expect(await page.locator('#tryit').getAttribute('data-runs')).toBe(runs);
    expect(await page.locator('#try-run').isDisabled()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('the page of `abundance explore` draws the run report\'s charts and its panel draws a run over each', async () => {
    const { page, problems } = await openReport(browser.get(), join(root, 'explore.html'));
    const ids = await figureIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    for (const id of ids) expect(await drawnProblem(page, id), id).toBeNull();
    expect(await page.locator('#try-scenario option').first().textContent()).toBe('two-token (this run)');
    await setField(page, 'days', '35');
    expect(await run(page)).toBe('done');
    const lines = await linesOf(page, YOURS_RANGE[0]);
    for (const id of ids) expect(lines[id], id).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
