/**
 * Test helper: open a report.html in headless Chromium (Debian's chromium, driven by playwright-core,
 * TOOLCHAIN.md 5.3) from file://, as a reader opening the file offline would, and wait until every chart
 * has been drawn (`body[data-ready="1"]`). Console errors, page errors and failed requests are
 * collected, so a test can assert there are none.
 *
 * Chromium is required: CI installs it (.ci/run). Without it the test fails, naming what to install;
 * it does not skip, or a missing browser would pass as a working report.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * The browser for a test file: launched in beforeAll by `start`, handed to each test by `get`, which
 * rethrows a failed launch, so every test fails with the reason (vitest would report tests behind a
 * failed beforeAll as skipped).
 */
export class BrowserSlot {
  private browser: Browser | undefined;
  private error: unknown;

  async start(): Promise<void> {
    try {
      this.browser = await launchChromium();
    } catch (error) {
      this.error = error;
    }
  }

  get(): Browser {
    if (this.browser === undefined) throw this.error ?? new Error('the browser was not started');
    return this.browser;
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}

export interface OpenedReport {
  page: Page;
  /** Console errors and warnings, uncaught page errors and failed requests, in order. */
  problems: string[];
}

/** Open `file` (a report.html path) and wait until its charts are drawn. */
export async function openReport(browser: Browser, file: string): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  // blob: is memory of the page itself (the try-it panel's Web Worker), not the network
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) problems.push(`network request: ${r.url()}`); });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  return { page, problems };
}
