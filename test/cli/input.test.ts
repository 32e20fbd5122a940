/**
 * Bad input as a user hits it (the scenario side of the safe-input issue): every case exits 2 with a
 * message naming the file and the field, and writes nothing. Each test has its own temporary folder.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { abundance, listing, tempDir } from './exec.js';

const made: string[] = [];
const folder = (tag: string): string => {
  const dir = tempDir(`input-${tag}`);
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cli: extends reads scenario files only', { timeout: 120_000 }, () => {
  it('an absolute extends path is read as written, not re-rooted under the file\'s folder', () => {
    const cwd = folder('abs');
    const base = folder('abs-base');
    writeFileSync(join(base, 'base.yaml'), 'extends: gift\nagents: 30\n');
    writeFileSync(join(cwd, 'my.yaml'), `extends: ${join(base, 'base.yaml')}\ndays: 5\n`);
    const r = abundance(['validate', 'my.yaml'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: my.yaml (gift, 30 agents, 5 days)\n');
  });

  it('a ../.. path to a file that is no scenario is refused unread: exit 2, and none of its content is quoted', () => {
    const top = folder('secret');
    const cwd = join(top, 'a', 'b');
    mkdirSync(cwd, { recursive: true });
    const secret = 'TOKEN-3f9c1e-do-not-print';
    writeFileSync(join(top, 'secret.txt'), `${secret}\n`);
    writeFileSync(join(cwd, 'my.yaml'), 'extends: ../../secret.txt\n');
    for (const args of [['validate', 'my.yaml'], ['run', 'my.yaml', '--out', 'out']]) {
      const r = abundance(args, cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('my.yaml: extends: expected a preset name');
      expect(r.stderr).toContain('a scenario file ending in .yaml, .yml or .json, got "../../secret.txt"');
      expect(r.stderr + r.stdout).not.toContain(secret);
    }
    expect(listing(cwd)).toEqual(['my.yaml']);
  });

  it('a scenario-named file that holds no mapping is refused without quoting its text', () => {
    const cwd = folder('text');
    const secret = 'just-one-line-of-words-7c1d';
    writeFileSync(join(cwd, 'notes.yaml'), `${secret}\n`);
    writeFileSync(join(cwd, 'my.yaml'), 'extends: ./notes.yaml\n');
    const r = abundance(['validate', 'my.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.yaml: expected a mapping of scenario fields (key: value lines), got a text of 27 characters');
    expect(r.stderr).not.toContain(secret);
    expect(existsSync(join(cwd, 'runs'))).toBe(false);
  });
});

describe('cli: flag values are usage errors (exit 2, nothing written)', { timeout: 120_000 }, () => {
  const CASES: { args: string[]; says: string }[] = [
    { args: ['viability', '--seeds', ''], says: '--seeds expects whole numbers from 0 to 4294967295 separated by commas, got ""' },
    { args: ['viability', '--seeds', 'a,b'], says: '--seeds expects whole numbers from 0 to 4294967295 separated by commas, got "a,b"' },
    { args: ['viability', '--seeds', '1,2.5'], says: 'got "1,2.5"' },
    { args: ['viability', '--presets', ''], says: '--presets expects preset names separated by commas (gift, market, market-k, two-token, peer-bank), got ""' },
    { args: ['viability', '--presets', 'gitf'], says: '--presets: unknown preset "gitf"; did you mean "gift"?' },
    { args: ['viability', '--workers', '0'], says: '--workers expects a whole number >= 1, got 0' },
    { args: ['viability', '--workers', '1.5'], says: '--workers expects a whole number >= 1, got 1.5' },
    { args: ['compare-presets', '--presets', ',', '--out', 'cmp'], says: '--presets expects preset names separated by commas' },
    // Each preset becomes a folder, <out>/runs/<preset>: a path is no preset here.
    { args: ['compare-presets', '--presets', '../../x.yaml', '--out', 'cmp'], says: '--presets: unknown preset "../../x.yaml"' },
    { args: ['sweep', 'any.yaml', '--workers', '-2'], says: '--workers expects a whole number >= 1, got -2' },
  ];
  for (const c of CASES) {
    it(`abundance ${c.args.map((a) => (a === '' ? "''" : a)).join(' ')}`, () => {
      const cwd = folder('flags');
      const r = abundance(c.args, cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(c.says);
      expect(r.stdout).toBe('');
      expect(listing(cwd)).toEqual([]);
    });
  }
});

describe('cli: a run that would not fit in memory is refused before it starts', { timeout: 120_000 }, () => {
  // 10 million agents with a ten-year flow window need hundreds of GB: refused on any machine.
  const BIG = ['--agents', '10000000', '--set', 'bank.emaDays=3650', '--days', '10'];
  for (const args of [
    ['run', 'peer-bank', ...BIG, '--out', 'out'],
    ['viability', '--presets', 'peer-bank', '--seeds', '1', ...BIG],
  ]) {
    it(`abundance ${args.join(' ')}`, () => {
      const cwd = folder('memory');
      const r = abundance(args, cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^peer-bank: agents: 10,000,000 agents need about \d+ GB; this machine has \d+(\.\d)? GB \(a run may use 80 %\): at most about [\d,]+ agents\n$/);
      expect(r.stdout).toBe('');
      expect(listing(cwd)).toEqual([]);
    });
  }

  it('abundance sweep counts every run in flight', () => {
    const cwd = folder('memory-sweep');
    writeFileSync(join(cwd, 'big.yaml'), 'extends: peer-bank\nagents: 10000000\ndays: 10\nbank.emaDays: 3650\nseeds: 2\n');
    const r = abundance(['sweep', 'big.yaml', '--workers', '2', '--quiet'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^big\.yaml: agents: 10,000,000 agents need about \d+ GB each, \d+ GB for 2 runs at a time; this machine has/);
    expect(listing(cwd)).toEqual(['big.yaml']);
  });
});

describe('cli: every number within the range the engine runs (exit 2 naming the field and its bounds)', { timeout: 120_000 }, () => {
  const SMALL = ['--agents', '20', '--days', '60', '--no-report', '--quiet', '--out', 'out'];
  const CASES: { args: string[]; says: string }[] = [
    // Each crashed the engine before: "Invalid typed array length", or an invariant on day 0-30.
    { args: ['run', 'peer-bank', '--set', 'bank.emaDays=1e300', ...SMALL], says: '--set bank.emaDays=1e300: bank.emaDays: expected a number from 1 to 3650, got 1e+300' },
    { args: ['run', 'market', '--set', 'market.m0Days=1e300', ...SMALL], says: '--set market.m0Days=1e300: market.m0Days: expected a number > 0 and <= 3650, got 1e+300' },
    { args: ['run', 'peer-bank', '--set', 'bank.k=1e300', ...SMALL], says: '--set bank.k=1e300: bank.k: expected a number > 0 and <= 3650, got 1e+300' },
    { args: ['run', 'two-token', '--set', 'population.cpuRichRmaxFactor=1e300', ...SMALL], says: 'population.cpuRichRmaxFactor: expected a number > 0 and <= 1000, got 1e+300' },
    { args: ['run', 'market', '--set', 'market.wageDays=1e-300', ...SMALL], says: 'market.wageDays: expected a number from 0.001 to 3650, got 1e-300' },
    { args: ['run', 'market', '--set', 'population.labourRichHoursFactor=4', ...SMALL], says: 'population.labourRichHoursFactor: expected at most 3 (work.hoursPerDay 8 x this is at most the 24 hours of a day), got 4' },
    { args: ['run', 'gift', '--days', '100000', '--out', 'out'], says: 'days: expected an integer from 1 to 36500, got 100000' },
    // Every preset broke an invariant after 57-89 years: the bound is where the engine's sums stay exact.
    { args: ['run', 'two-token', '--days', '30000', '--out', 'out'], says: 'two-token, override days=30000: days: expected at most 17646 days for this run (1000 agents, calibration "source"' },
    { args: ['run', 'two-token', '--agents', '10000000', '--set', 'calibration=2020s', '--out', 'out'], says: 'days: expected at most 717 days for this run (10000000 agents, calibration "2020s"' },
  ];
  for (const c of CASES) {
    it(`abundance ${c.args.join(' ')}`, () => {
      const cwd = folder('bounds');
      const r = abundance(c.args, cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(c.says);
      expect(r.stdout).toBe('');
      expect(listing(cwd)).toEqual([]);
    });
  }
});

describe('cli: a sweep file\'s name becomes its folder, and is checked as one', { timeout: 120_000 }, () => {
  for (const [name, says] of [
    ['x'.repeat(300), 'name: expected at most 200 characters (it becomes a folder name), got 300'],
    ['"../../elsewhere"', 'name: expected a name without / or \\ (it becomes one folder name, not a path), got "../../elsewhere"'],
  ] as const) {
    it(`abundance sweep with name: ${name.slice(0, 20)}`, () => {
      const cwd = folder('sweep-name');
      writeFileSync(join(cwd, 's.yaml'), `name: ${name}\nextends: gift\nagents: 5\ndays: 5\nseeds: 1\n`);
      const r = abundance(['sweep', 's.yaml', '--quiet'], cwd);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`s.yaml: ${says}\n`);
      expect(listing(cwd)).toEqual(['s.yaml']);
    });
  }
});
