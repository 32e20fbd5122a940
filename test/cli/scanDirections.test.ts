/**
 * `abundance scan-directions` end to end on tiny runs (20 agents, 120 days, 2 seeds: ~10 s): both sweep
 * files written, read back by the sweep loader, with the scan's table and the values it kept; and the
 * files it refuses to replace.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweep } from '../../sim/sweep/load.js';
import { replicateSeed } from '../../sim/sweep/seeds.js';
import { SCAN_MARKER } from '../../sim/sweep/scanFile.js';
import { abundance, tempDir } from './exec.js';

const project = (name: string) => loadSweep(new URL(`../../scenarios/sweeps/${name}`, import.meta.url).pathname);

/** The values a file's table marks as kept, per key. */
function kept(text: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const m of text.matchAll(/^# \| ([\w.]+) \| ([\d.]+)[^|]*\|.*\| \*\*kept\*\*/gm)) (out[m[1]!] ??= []).push(Number(m[2]));
  return out;
}

describe('cli/scan-directions', () => {
  it('runs the scan and writes the claims file and its small copy, which the sweep loader reads', () => {
    const dir = tempDir('scan');
    const r = abundance(['scan-directions', '--agents', '20', '--days', '120', '--seeds', '2', '--out', 'c.yaml', '--small-out', 's.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('scan-directions: 110 runs (5 presets x 11 values x 2 seeds) of 20 agents x 120 days, 2 at a time');
    expect(r.stdout).toContain('| key | value | gift | market | market-k | two-token | peer-bank | passes | kept, and why |');
    expect(r.stdout).toMatch(/Wrote c\.yaml and s\.yaml\.\n$/);
    for (const [file, template] of [['c.yaml', project('claims.yaml')], ['s.yaml', project('claims-small.yaml')]] as const) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.startsWith(SCAN_MARKER)).toBe(true);
      expect(text).toContain('#   npx abundance scan-directions --seeds 2 --seed 1001 --agents 20 --days 120 --out c.yaml --small-out s.yaml');
      expect(text).toContain(`#   ${replicateSeed(1001, 0)}, ${replicateSeed(1001, 1)}\n`);
      expect(text.replace(/\n# /g, ' ')).toContain("none of them a seed of the claims file (MODEL.md: seeds disjoint from the claims')");
      // Every candidate value has a row, with 2 runs of each preset.
      expect(text.match(/^# \| (participation\.piMin|bank\.k|credit\.lambdaDays) \| .*$/gm)).toHaveLength(11);
      expect(text.match(/^# \| (participation\.piMin|bank\.k|credit\.lambdaDays) \| [^|]+ \|( [0-2]\/2 \|){5} (yes|no) \|/gm)).toHaveLength(11);
      const { spec } = loadSweep(join(dir, file));
      // The template's settings are kept...
      expect([spec.name, spec.bases, spec.replicates, spec.baseSeed, spec.everyDays, spec.fixed]).toEqual([template.spec.name, template.spec.bases, template.spec.replicates, template.spec.baseSeed, template.spec.everyDays, template.spec.fixed]);
      // ...and the sensitivity is what the table kept, piMin 0.5 and sigma 1 always.
      const values = Object.fromEntries(spec.sensitivity.map((s) => [s.key, s.values.map((v) => v.value as number)]));
      const table = kept(text);
      expect(values['participation.piMin']).toContain(0.5);
      expect(values['production.sigma']).toEqual([1]);
      for (const key of ['participation.piMin', 'bank.k', 'credit.lambdaDays']) expect([...(values[key] ?? [])].sort(), key).toEqual([...(table[key] ?? [])].sort());
    }
    // Run again: the scan replaces its own files.
    const again = abundance(['scan-directions', '--agents', '20', '--days', '100', '--seeds', '1', '--out', 'c.yaml', '--small-out', 's.yaml'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toContain('--seeds 1 --seed 1001 --agents 20 --days 100');
  }, 120_000);

  it('refuses, with exit 2 and before any run, to replace a file it did not write', () => {
    const dir = tempDir('scan');
    writeFileSync(join(dir, 'mine.yaml'), '# my own sweep\nname: mine\ncompare: [gift]\n');
    const r = abundance(['scan-directions', '--agents', '20', '--days', '120', '--seeds', '2', '--out', 'mine.yaml', '--small-out', 's.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mine.yaml exists and was not written by abundance scan-directions');
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).not.toContain('runs (');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('# my own sweep\nname: mine\ncompare: [gift]\n');
    expect(existsSync(join(dir, 's.yaml'))).toBe(false);
  }, 60_000);

  it('refuses, before any run, scan seeds that are also seeds of the claims files (MODEL.md: disjoint)', () => {
    const dir = tempDir('scan');
    // The claims files' base seed is 1: a scan from base seed 1 would reuse their seeds.
    const r = abundance(['scan-directions', '--agents', '20', '--days', '120', '--seeds', '2', '--seed', '1', '--out', 'c.yaml', '--small-out', 's.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`seeds ${replicateSeed(1, 0)}, ${replicateSeed(1, 1)} are also seeds of`);
    expect(r.stderr).toContain('nothing was written');
    expect(existsSync(join(dir, 'c.yaml'))).toBe(false);
    expect(existsSync(join(dir, 's.yaml'))).toBe(false);
  }, 60_000);

  it('refuses the same file for --out and --small-out, and a folder that does not exist', () => {
    const dir = tempDir('scan');
    expect(abundance(['scan-directions', '--out', 'x.yaml', '--small-out', './x.yaml'], dir)).toMatchObject({ code: 2, stdout: '' });
    const r = abundance(['scan-directions', '--out', 'no/such/x.yaml', '--small-out', 's.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('its folder does not exist');
    const bad = abundance(['scan-directions', '--seeds', '0'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--seeds expects a whole number from 1 to 10000, got 0');
  }, 60_000);

  it('keeps the settings of its own file it replaces, and scans only that file\'s presets at its size', () => {
    const dir = tempDir('scan');
    writeFileSync(join(dir, 'c.yaml'), `${SCAN_MARKER} (an earlier scan)\nname: mine\ncompare: [gift, two-token]\nseeds: 5\nseed: 7\nagents: 30\ndays: 100\ndemand.freeRide: 0.3\n`);
    const r = abundance(['scan-directions', '--seeds', '1', '--out', 'c.yaml', '--small-out', 's.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('22 runs (2 presets x 11 values x 1 seeds) of 30 agents x 100 days');
    const { spec } = loadSweep(join(dir, 'c.yaml'));
    expect([spec.name, spec.bases, spec.replicates, spec.baseSeed, spec.fixed]).toEqual(['mine', ['gift', 'two-token'], 5, 7, { agents: 30, days: 100, 'demand.freeRide': 0.3 }]);
    expect(loadSweep(join(dir, 's.yaml')).spec.name).toBe(project('claims-small.yaml').spec.name); // a new file takes the project's settings
  }, 60_000);

  it('finds a file that could not hold the chosen values before any run: a direction fixed in it', () => {
    const dir = tempDir('scan');
    writeFileSync(join(dir, 'c.yaml'), `${SCAN_MARKER}\nname: mine\ncompare: [gift]\nbank.k: 30\n`);
    const r = abundance(['scan-directions', '--seeds', '1', '--out', 'c.yaml', '--small-out', 's.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('c.yaml: bank.k: bank.k is fixed here and also swept');
    expect(r.stderr).not.toContain('.tmp-');
    expect(r.stderr).not.toContain('runs (');
    expect(existsSync(join(dir, 's.yaml'))).toBe(false);
  }, 60_000);
});
