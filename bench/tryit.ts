/**
 * `npx tsx bench/tryit.ts [--agents 500] [--days 1095] [--preset two-token] [--seed 1]`: how long the
 * try-it panel of report.html takes for a run in headless Chromium (Debian's, as the e2e tests use),
 * against the same run in Node. It writes an explore page of a tiny run into a temporary folder, opens
 * it from file://, sets the panel's fields, presses Run and waits for the run to be drawn; prints the
 * page's size, the engine bundle's, the worker's simulate time, the time from Run to drawn, the Node
 * time, and whether the two metrics.csv are equal. A benchmark, not a test: times vary with the load.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { simulate } from '../sim/engine/simulate.js';
import { metricsCsvText } from '../sim/io/metricsText.js';
import { exploreCommand } from '../sim/cli/explore.js';
import { engineBundle } from '../sim/report/tryit/bundle.js';
import { loadScenarioFile } from '../sim/scenario/file.js';
import { launchChromium } from '../test/e2e/browser.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] ?? fallback : fallback;
};
const agents = flag('agents', '500');
const days = flag('days', '1095');
const seed = flag('seed', '1');
const preset = flag('preset', 'two-token');

const dir = mkdtempSync(join(tmpdir(), 'abundance-bench-tryit-'));
const page = join(dir, 'explore.html');
try {
  await exploreCommand({ scenario: preset, agents: 20, days: 10, seed: 1, out: page, quiet: true });
  const bundle = await engineBundle();
  const browser = await launchChromium();
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.waitForSelector('body[data-ready="1"]');
  await tab.locator('#try-scenario').selectOption({ label: `preset ${preset}` });
  for (const [path, value] of [['agents', agents], ['days', days], ['seed', seed]] as const) await tab.locator(`#tryit [data-path="${path}"]`).fill(value);
  const t0 = performance.now();
  await tab.locator('#try-run').click();
  await tab.waitForSelector('#tryit[data-state="done"], #tryit[data-state="failed"]', { timeout: 600_000 });
  const drawnMs = performance.now() - t0;
  const state = await tab.locator('#tryit').getAttribute('data-state');
  const status = await tab.locator('#try-status').textContent();
  const download = tab.waitForEvent('download');
  await tab.locator('#try-runs a.try-csv').first().click();
  const browserCsv = readFileSync(await (await download).path(), 'utf8');
  await browser.close();

  const resolved = loadScenarioFile(preset, { overrides: { agents: Number(agents), days: Number(days), seed: Number(seed) } });
  const rows: Float64Array[] = [];
  const node = simulate(resolved.scenario, { metrics: (r) => void rows.push(Float64Array.from(r)), agent: () => {}, flow: () => {} });
  const nodeCsv = metricsCsvText(rows);
  const same = nodeCsv === browserCsv;
  if (!same) {
    const [a, b] = [nodeCsv.split('\n'), browserCsv.split('\n')];
    const header = (a[0] ?? '').split(',');
    const line = a.findIndex((l, i) => l !== b[i]);
    const cells = [(a[line] ?? '').split(','), (b[line] ?? '').split(',')];
    const diff = header.flatMap((h, j) => (cells[0]?.[j] === cells[1]?.[j] ? [] : [`${h}: node ${cells[0]?.[j]} browser ${cells[1]?.[j]}`]));
    process.stdout.write(`first difference on line ${line + 1} (day ${line - 1}): ${diff.slice(0, 6).join('; ')}\n`);
  }
  process.stdout.write([
    `| ${preset}, ${agents} agents, ${days} days, seed ${seed} | |`,
    '|---|---:|',
    `| explore.html (tiny run) | ${(statSync(page).size / 1e6).toFixed(2)} MB |`,
    `| engine bundle (minified) | ${(bundle.code.length / 1e3).toFixed(1)} kB |`,
    `| browser: Run pressed to run drawn (${state}: ${status}) | ${(drawnMs / 1000).toFixed(1)} s |`,
    `| Node: simulate, same run | ${(node.wallMs / 1000).toFixed(1)} s |`,
    `| metrics.csv browser = Node | ${same ? 'yes' : 'NO'} |`,
  ].join('\n') + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
