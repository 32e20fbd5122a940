/**
 * `abundance calibrate` (MODEL.md section 6): the table of the grid it searched, the point it chooses,
 * and how it writes the defaults' home, sim/scenario/calibrated.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationTable, withDefaults } from '../../sim/cli/calibrate.js';
import { CALIBRATION_BAND, CALIBRATION_TARGET } from '../../sim/analysis/calibration.js';
import { abundance, tempDir } from './exec.js';

describe('cli/calibrate', () => {
  it('runs market at every point of the grid and prints the table with each point\'s mean slope', () => {
    const r = abundance(['calibrate', '--seeds', '1', '--agents', '20', '--prior-years', '3', '--zeta', '0,0.1', '--max-gain', '0.1'], tempDir('calibrate'));
    expect([0, 1]).toContain(r.code);
    const rows = r.stdout.split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows).toHaveLength(2);
    // zeta 0: no R&D success ever, so only Wright's law lowers cost (a slope <= 0, far from the band).
    const zero = rows[0]!.split('|').map((c) => c.trim());
    expect(zero.slice(1, 4)).toEqual(['3', '0', '0.1']);
    expect(Number(zero[4])).toBeLessThanOrEqual(0);
    expect(Number(zero[4])).toBeGreaterThan(CALIBRATION_BAND[1]);
    expect(r.stderr).toContain('calibrate: 2 points x 1 seeds of market, 20 agents x 1095 days');
  }, 120_000);

  it('chooses the in-band row nearest the target and marks it', () => {
    const row = (priorYears: number, mean: number) => ({ priorYears, zeta: 0.1, maxGain: 0.1, slopes: [mean], mean, sd: NaN });
    const rows = [row(1, -0.3), row(3, -0.12), row(10, CALIBRATION_TARGET + 0.004), row(30, -0.05)];
    const table = calibrationTable(rows, rows[2]);
    expect(table).toContain('| 10 | 0.1 | 0.1 | -0.142 |  | 1 | **chosen** |');
    expect(table).toContain('| 3 | 0.1 | 0.1 | -0.120 |  | 1 | yes |');
    expect(table).toContain('| 1 | 0.1 | 0.1 | -0.300 |  | 1 | no |');
  });

  it('writes the chosen point into calibrated.ts and nothing else, and refuses a file without the constants', () => {
    const source = readFileSync(new URL('../../sim/scenario/calibrated.ts', import.meta.url), 'utf8');
    const out = withDefaults(source, { priorYears: 7, zeta: 0.25, maxGain: 0.15 });
    expect(out).toContain('export const PRIOR_YEARS = 7;');
    expect(out).toContain('export const RND_ZETA = 0.25;');
    expect(out).toContain('export const RND_MAX_GAIN = 0.15;');
    expect(out.split('\n').filter((l, k) => l !== source.split('\n')[k])).toHaveLength(3);
    expect(() => withDefaults('// nothing here\n', { priorYears: 1, zeta: 1, maxGain: 1 })).toThrow('has no "export const PRIOR_YEARS = ...;"');
  });
});
