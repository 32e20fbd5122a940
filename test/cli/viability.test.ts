/**
 * `abundance viability --abundance` end to end, on tiny runs: the presets with money only, the stress
 * applied on top of each preset's resolved values (a --set included), and the header that says so.
 */
import { describe, expect, it } from 'vitest';
import { abundance, tempDir } from './exec.js';

describe('cli/viability --abundance', () => {
  it('stresses only the presets with money, multiplying the values a --set gave', () => {
    const dir = tempDir('viability');
    const r = abundance(['viability', '--abundance', '--presets', 'gift,peer-bank', '--agents', '20', '--days', '100', '--seeds', '1',
      '--set', 'rnd.zeta=0.1', '--set', 'learning.priorYears=6', '--set', 'learning.floor=0.2'], dir);
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Abundance stress \(MODEL\.md section 13\): rnd\.zeta x3, learning\.priorYears \/ 3, learning\.floor 0\.02/);
    expect(lines[1]).toBe('- peer-bank: rnd.zeta 0.1 -> 0.3, learning.priorYears 6 -> 2, learning.floor 0.2 -> 0.02');
    const head = lines.find((l) => l.startsWith('| criterion |'));
    expect(head).toBe('| criterion | rule | peer-bank s1 |'); // gift has no money: not stressed, not run
    expect(r.stdout).toMatch(/\| demand capped share \| .* \| mean \d+\.\d\d % (ok|FAIL) \|/);
    expect(r.stderr).toContain('viability (abundance stress): 1 runs');
  }, 60_000);

  it('refuses, with exit 2, a preset list without money', () => {
    const r = abundance(['viability', '--abundance', '--presets', 'gift', '--agents', '20', '--days', '100', '--seeds', '1'], tempDir('viability'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stresses the presets with money, and none of gift has money');
    expect(r.stdout).toBe('');
  }, 60_000);

  it('refuses, with exit 2 and before any run, a learning.priorGoods that would make the stress do nothing', () => {
    const r = abundance(['viability', '--abundance', '--presets', 'market', '--agents', '20', '--days', '100', '--seeds', '1', '--set', 'learning.priorGoods=100'], tempDir('viability'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('market sets learning.priorGoods (100), which overrides it');
    expect(r.stdout).toBe('');
  });

  it('calibrate refuses a run too short for P and an axis that is not numbers, with exit 2', () => {
    const dir = tempDir('calibrate');
    const short = abundance(['calibrate', '--days', '400'], dir);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('--days expects a whole number >= 1095, got 400');
    const axis = abundance(['calibrate', '--zeta', '0.1,x'], dir);
    expect(axis.code).toBe(2);
    expect(axis.stderr).toContain('--zeta expects comma-separated numbers, got "0.1,x"');
  });

  it('without --abundance prints no stress header and runs the presets as they are', () => {
    const r = abundance(['viability', '--presets', 'gift', '--agents', '20', '--days', '100', '--seeds', '1'], tempDir('viability'));
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('| criterion | rule | gift s1 |')).toBe(true);
  }, 60_000);
});
