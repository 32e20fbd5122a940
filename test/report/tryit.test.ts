/**
 * sim/report/tryit: what a report carries to run the model again in a browser. The engine bundle is
 * built from the simulation core and the report's pure formatting and binning only (no zod, no yaml,
 * no Node module); the panel's fields come from the scenario schema; the worker's metrics.csv is the
 * CLI's byte for byte; the worker refuses what the schema's checks between fields refuse, with their messages; the page's data start from the report's own scenario, then the presets.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../sim/engine/simulate.js';
import { simulateToFiles } from '../../sim/io/runFiles.js';
import { engineBundle } from '../../sim/report/tryit/bundle.js';
import { TRYIT_MAX_AGENTS, tryitData, tryitFields, TRYIT_PATHS } from '../../sim/report/tryit/data.js';
import { runRequest, type TryMessage } from '../../sim/report/tryit/worker.js';
import { tryitHtml } from '../../sim/report/tryit/page.js';
import { fieldAt } from '../../sim/scenario/fields.js';
import { PRESET_NAMES } from '../../sim/scenario/presets.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { scenarioError } from '../scenario/helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The folders and files the bundle may be built from. */
const ALLOWED = [
  /^sim\/(engine|agents|economy|markets|money|metrics)\//,
  /^sim\/io\/(csvFormat|metricsText)\.ts$/,
  /^sim\/report\/(aggregate|chartDefs|sweep\/metrics|tryit\/worker)\.ts$/,
  /^sim\/scenario\/crossField\.ts$/, // the schema's checks between fields, without zod
  /^node_modules\/seedrandom\//,
  /^\(disabled\):crypto$/, // seedrandom's `require('crypto')`, left out by its package.json "browser" field
];

describe('report/tryit', () => {
  it('the engine bundle is built from the core and pure report modules only: no zod, no yaml, no Node module', { timeout: 60_000 }, async () => {
    const bundle = await engineBundle();
    expect(bundle.inputs.length).toBeGreaterThan(30);
    expect(bundle.inputs.filter((f) => !ALLOWED.some((re) => re.test(f)))).toEqual([]);
    expect(bundle.code).not.toMatch(/require\(["']node:|from ?["']node:/);
    expect(bundle.code).not.toMatch(/<\/script|<!--/i);
    expect(await engineBundle()).toBe(bundle); // built once per process
  });

  it('the panel\'s fields are the schema\'s: bounds, options, unit and meaning; agents capped for the browser', () => {
    const fields = tryitFields();
    expect(fields.map((f) => f.path)).toEqual([...TRYIT_PATHS]);
    for (const f of fields) {
      const s = fieldAt(f.path);
      expect(f.description, f.path).toBe(s?.description);
      expect(f.unit, f.path).toBe(s?.unit);
      if (f.path !== 'agents') {
        expect(f.min, f.path).toEqual(s?.min);
        expect(f.max, f.path).toEqual(s?.max);
        expect(f.expected, f.path).toBe(s?.expected);
      }
    }
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('bank.k')?.min).toEqual({ value: 0, inclusive: false });
    expect(byPath.get('bank.rule')?.options).toEqual(['target', 'peak', 'capacity']);
    expect(byPath.get('agents')?.max).toEqual({ value: TRYIT_MAX_AGENTS, inclusive: true });
    expect(byPath.get('seed')?.integer).toBe(true);
  });

  it('the page starts from the report\'s scenario, then every preset at its size and seed', () => {
    const own = resolveScenario({ extends: 'peer-bank', agents: 50, days: 20, seed: 9, bank: { k: 7 } }, 'mine.yaml').scenario;
    const data = tryitData({ scenarios: [{ label: 'mine (this run)', scenario: own }] });
    expect(data.scenarios.map((s) => s.label)).toEqual(['mine (this run)', ...PRESET_NAMES.map((p) => `preset ${p}`)]);
    expect(data.scenarios[0]?.scenario.bank.k).toBe(7);
    for (const s of data.scenarios.slice(1)) expect([s.scenario.agents, s.scenario.days, s.scenario.seed]).toEqual([50, 20, 9]);
    const html = tryitHtml(data);
    for (const path of TRYIT_PATHS) expect(html).toContain(`data-path="${path}"`);
  });

  it('the worker\'s metrics.csv is the file the CLI writes, byte for byte; progress ends on the last day', { timeout: 60_000 }, () => {
    const scenario = resolveScenario({ extends: 'market', agents: 40, days: 25, seed: 5 }, 'market').scenario;
    const dir = mkdtempSync(join(tmpdir(), 'abundance-tryit-'));
    dirs.push(dir);
    simulateToFiles(dir, scenario, simulate);
    const messages: TryMessage[] = [];
    runRequest({ scenario, label: 'your run 1' }, (m) => messages.push(m));
    const done = messages.at(-1);
    expect(done?.kind).toBe('done');
    if (done?.kind !== 'done') return;
    expect(done.csv).toBe(readFileSync(join(dir, 'metrics.csv'), 'utf8'));
    expect(messages.filter((m) => m.kind === 'progress').at(-1)).toEqual({ kind: 'progress', day: 25, days: 25 });
    expect(new Set(done.rows.map((r) => r.yours))).toEqual(new Set(['your run 1']));
    expect(done.rows.some((r) => r.panel === 'goods_total')).toBe(true);
  });

  it('a scenario the CLI refuses (the exactness bound) is refused by the worker with the CLI\'s message, and nothing runs', () => {
    const scenario = resolveScenario({ extends: 'two-token', agents: 60, days: 30, seed: 3 }, 'two-token').scenario;
    const over = { ...scenario, agents: 2000, days: 36500 };
    const cli = scenarioError(() => resolveScenario({ extends: 'two-token', agents: 2000, days: 36500, seed: 3 }, 'over.yaml'));
    const messages: TryMessage[] = [];
    runRequest({ scenario: over, label: 'your run 1' }, (m) => messages.push(m));
    expect(messages).toEqual([{ kind: 'refused', issues: [{ path: ['days'], message: expect.stringMatching(/^expected at most 16800 days for this run /) }] }]);
    const refused = messages[0];
    if (refused?.kind !== 'refused') return;
    expect(cli.message).toContain(`days: ${refused.issues[0]?.message}`);
  });

  it('a run the engine refuses posts its error instead of a result', () => {
    const scenario = resolveScenario({ agents: 5, days: 3 }, 'x').scenario;
    const messages: TryMessage[] = [];
    runRequest({ scenario: { ...scenario, agents: -1 } as typeof scenario, label: 'bad' }, (m) => messages.push(m));
    expect(messages.at(-1)?.kind).not.toBe('done');
  });
});
