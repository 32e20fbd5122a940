import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../sim/scenario/parse.js';
import { loadSweep } from '../../sim/sweep/load.js';
import { SCAN_DIRECTIONS, chooseDirection, type Cells } from '../../sim/sweep/scan.js';
import { SCAN_MARKER, overwriteProblem, scanComment, sensitivityOf, sweepFileText, type ScanSummary } from '../../sim/sweep/scanFile.js';
import type { Mapping } from '../../sim/scenario/keys.js';

const CLAIMS = new URL('../../scenarios/sweeps/claims.yaml', import.meta.url);
const PRESETS = ['gift', 'market', 'market-k', 'two-token', 'peer-bank'];
/** Every preset 10/10 viable, except credit.lambdaDays below the default (two-token 6/10). */
const cellsOf = (key: string) => (value: number): Cells =>
  Object.fromEntries(PRESETS.map((p) => [p, { viable: key === 'credit.lambdaDays' && value < 30 && p === 'two-token' ? 6 : 10, runs: 10 }]));
const choices = SCAN_DIRECTIONS.map((d) => chooseDirection(d, d.kind === 'lowest' ? 1 : 30, PRESETS, cellsOf(d.key)));
const summary: ScanSummary = {
  command: 'npx abundance scan-directions --seeds 10 --seed 1001 --agents 500 --days 1095', presets: PRESETS, baseSeed: 1001, replicates: 10,
  seeds: [11, 12], sharedSeeds: [], agents: 500, days: 1095, defaults: { 'bank.k': 30, 'credit.lambdaDays': 30 }, choices,
};
const template = parseScenarioText(readFileSync(CLAIMS, 'utf8'), 'claims.yaml') as Mapping;

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

/** Write `text` as a sweep file in a fresh folder and load it with the project's loader. */
function load(text: string) {
  folders.push(mkdtempSync(join(tmpdir(), 'abundance-scanfile-')));
  const file = join(folders[folders.length - 1]!, 'claims.yaml');
  writeFileSync(file, text);
  return loadSweep(file);
}

describe('sweep/scanFile', () => {
  it('writes the claims file with the chosen values, which the sweep loader reads back with every other setting kept', () => {
    const sensitivity = sensitivityOf(choices);
    const comment = scanComment(summary, { name: 'claims', presets: PRESETS, replicates: 30, baseSeed: 1, agents: 500, days: 1095, points: 1 + 2 + 2 + 1 + 1, path: 'scenarios/sweeps/claims.yaml' });
    const text = sweepFileText(template, sensitivity, comment);
    expect(text.startsWith(`${SCAN_MARKER} (sim/cli/scanDirections.ts)`)).toBe(true);
    const { spec, plan } = load(text);
    expect(spec.sensitivity.map((s) => [s.key, s.values.map((v) => v.value)])).toEqual([
      ['participation.piMin', [0.5, 0.25]], ['bank.k', [15, 60]], ['credit.lambdaDays', [60]], ['production.sigma', [1]],
    ]);
    expect([spec.name, spec.bases, spec.replicates, spec.baseSeed, spec.everyDays, spec.fixed]).toEqual(['claims', PRESETS, 30, 1, 14, { agents: 500, days: 1095 }]);
    expect(plan.points).toHaveLength(7);
    expect(text.replace(/\n# /g, ' ')).toContain('one key at a time: 5 presets x 7 points x 30 replicates = 1,050 runs.');
    expect(text).toContain('# | credit.lambdaDays | 15 (x1/2 of 30) | 10/10 | 10/10 | 10/10 | 6/10 | 10/10 | no | fails: two-token 6/10 below 90 % |');
    expect(text).toContain('# | bank.k | 60 (x2 of 30) | 10/10 | 10/10 | 10/10 | 10/10 | 10/10 | yes | **kept**: the furthest above the default that passes |');
    expect(text.replace(/\n# /g, ' ')).toContain('credit.lambdaDays: no value below the default (30) passes, so the direction has no point below it.');
    expect(text.replace(/\n# /g, ' ')).toContain('# Chosen: participation.piMin 0.5, 0.25; bank.k 15, 60; credit.lambdaDays 60; production.sigma 1 (fixed by MODEL.md, not scanned).');
    expect(text.replace(/\n# /g, ' ')).toContain('these runs are 3 years long, not the 10 of section 13.');
    expect(text.split('\n').every((l) => l.length <= 100 || l.startsWith('# |'))).toBe(true);
  });

  it('replaces a dotted sensitivity key of the template, keeps its other keys, and leaves out a key with no point', () => {
    const t: Mapping = { name: 'x', compare: ['gift'], 'sensitivity.bank.k': [7], 'sensitivity.demurrage.rate': [0.1], seeds: 2 };
    const none = { key: 'bank.k', decisions: [], values: [], notes: [] };
    const text = sweepFileText(t, sensitivityOf([none], [{ key: 'demurrage.rate', values: [0.1] }]), ['a comment']);
    expect(text).toBe('# a comment\nname: x\ncompare: [ gift ]\nsensitivity:\n  production.sigma: [ 1 ]\n  demurrage.rate: [ 0.1 ]\nseeds: 2\n');
    expect(load(text).spec.sensitivity.map((s) => s.key)).toEqual(['production.sigma', 'demurrage.rate']);
  });

  it('says when the scan shares seeds with the claims', () => {
    const lines = scanComment({ ...summary, sharedSeeds: [12] }, { name: 'c', presets: PRESETS, replicates: 3, baseSeed: 1, agents: 9, days: 9, points: 1, path: 'c.yaml' });
    expect(lines.join(' ')).toContain('sharing 12 with the claims file, though MODEL.md asks for seeds disjoint from the claims\':');
  });

  it('replaces only a missing file, its own file (marker on the first line) or the project\'s claims files', () => {
    const own = ['/p/scenarios/sweeps/claims.yaml'];
    expect(overwriteProblem('/tmp/new.yaml', undefined, own)).toBeUndefined();
    expect(overwriteProblem('/tmp/old.yaml', `${SCAN_MARKER} (sim/cli/scanDirections.ts), ...\nname: x\n`, own)).toBeUndefined();
    expect(overwriteProblem('/p/scenarios/sweeps/claims.yaml', '# hand-written\nname: claims\n', own)).toBeUndefined();
    expect(overwriteProblem('/tmp/mine.yaml', '# hand-written\nname: claims\n', own)).toMatch(/^\/tmp\/mine\.yaml exists and was not written by abundance scan-directions/);
    expect(overwriteProblem('/tmp/mine.yaml', `name: x\n${SCAN_MARKER}\n`, own)).toBeDefined(); // the marker must open the file
  });
});
