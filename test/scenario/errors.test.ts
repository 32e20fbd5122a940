/**
 * The messages users see: every line names the file (or flag), the dotted field path, what was
 * expected and what was found; unknown keys and options get a did-you-mean.
 */
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { parseScenarioText } from '../../sim/scenario/parse.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { memoryLoader, scenarioError } from './helpers.js';

const lines = (e: ScenarioError): string[] => e.message.split('\n');
const errorOf = (input: unknown, opts = {}): ScenarioError => scenarioError(() => resolveScenario(input, 'my.yaml', opts));

describe('scenario/errors', () => {
  it('a ScenarioError carries exit code 2, the file and the field path', () => {
    const e = errorOf({ agents: 0 });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ScenarioError');
    expect(e).toMatchObject({ exitCode: 2, file: 'my.yaml', fieldPath: 'agents' });
  });

  it('an unknown key gets a did-you-mean and the valid keys of its group', () => {
    const [line] = lines(errorOf({ demurage: { rate: 0.08 } }));
    expect(line).toMatch(/^my\.yaml: demurage: unknown key; did you mean "demurrage"\? Valid top-level keys: extends, name, agents, /);
  });

  it('an unknown key inside a group names the dotted path and the keys of that group', () => {
    expect(lines(errorOf({ demurrage: { rat: 0.08 } }))).toEqual([
      'my.yaml: demurrage.rat: unknown key; did you mean "demurrage.rate"? Valid keys of demurrage: rate, allowanceDays.',
    ]);
  });

  it('a key in the wrong group is pointed to its group', () => {
    expect(errorOf({ rate: 0.08 }).message).toContain('my.yaml: rate: unknown key; did you mean "demurrage.rate"?');
    expect(errorOf({ bank: { rate: 0.08 } }).message).toContain('my.yaml: bank.rate: unknown key; did you mean "demurrage.rate"?');
    expect(errorOf({ windowDays: 3 }).message).toContain('did you mean "campaign.windowDays" or "demand.windowDays"?');
  });

  it('a group of fields under a plain field is pointed to where its keys belong', () => {
    expect(errorOf({ 'agents.cpuRichShare': 0.4 }).message).toBe(
      'my.yaml: agents: expected an integer from 1 to 10000000, got a mapping {cpuRichShare}; did you mean "population.cpuRichShare"?',
    );
  });

  it('sweep-file keys in a scenario file say where they belong', () => {
    expect(errorOf({ compare: ['gift'] }).message).toMatch(/^my\.yaml: compare: unknown key; compare belongs in a sweep file/);
  });

  it('a key in the wrong case gets a did-you-mean', () => {
    expect(errorOf({ Seed: 3 }).message).toContain('my.yaml: Seed: unknown key; did you mean "seed"?');
  });

  it('a number out of bounds says what was expected and what was found', () => {
    expect(lines(errorOf({ agents: 0 }))).toEqual(['my.yaml: agents: expected an integer from 1 to 10000000, got 0']);
    expect(errorOf({ demurrage: { rate: 1.5 } }).message).toBe('my.yaml: demurrage.rate: expected a number from 0 to 1, got 1.5');
    expect(errorOf({ goods: { baseMh: 0 } }).message).toBe('my.yaml: goods.baseMh: expected a number > 0 and <= 1000000, got 0');
  });

  it('a fraction where an integer belongs is an error', () => {
    expect(errorOf({ days: 2.5 }).message).toBe('my.yaml: days: expected an integer, got 2.5');
  });

  it('a value of the wrong type says the whole expectation', () => {
    expect(errorOf({ 'genres.count': 'ten' }).message).toBe('my.yaml: genres.count: expected an integer from 1 to 255, got "ten"');
    expect(errorOf({ learning: { priorGoods: 'some' } }).message).toBe('my.yaml: learning.priorGoods: expected "auto" or a number > 0 and <= 1000000000000, got "some"');
    expect(errorOf({ genres: 4 }).message).toBe('my.yaml: genres: expected a group of fields (count, liked), got 4');
  });

  it('a wrong option lists the allowed values and gets a did-you-mean', () => {
    expect(errorOf({ calibration: '2021' }).message).toMatch(/^my\.yaml: calibration: expected one of source, 2009, 2020s, got "2021"; did you mean .*"2020s"/);
    expect(errorOf({ 'bank.rule': 'Peak' }).message).toBe('my.yaml: bank.rule: expected one of target, peak, capacity, got "Peak"; did you mean "peak"?');
  });

  it('non-finite numbers are rejected', () => {
    const e = errorOf(parseScenarioText('demurrage.rate: .nan\npc.maxAgeYears: .inf\n', 'my.yaml'));
    expect(lines(e)).toEqual(
      expect.arrayContaining(['my.yaml: pc.maxAgeYears: expected a finite number, got .inf', 'my.yaml: demurrage.rate: expected a finite number, got .nan']),
    );
  });

  it('all issues of a file are reported at once, one per line', () => {
    const e = errorOf({ agents: 0, calibration: '2021', demurage: {}, 'genres.count': 2, 'genres.liked': 3 });
    expect(lines(e)).toHaveLength(4);
    expect(e.message).toContain('my.yaml: genres.liked: expected at most genres.count (2), got 3');
  });

  it('an error in a file that is extended names that file', () => {
    const loadRef = memoryLoader({ 'base.yaml': { agents: -1 } });
    const e = errorOf({ extends: './base.yaml', days: 0 }, { loadRef });
    expect(lines(e)).toEqual(['base.yaml: agents: expected an integer from 1 to 10000000, got -1', 'my.yaml: days: expected an integer from 1 to 36500, got 0']);
  });

  it('an unknown preset lists the known ones and gets a did-you-mean', () => {
    const e = errorOf({ extends: 'two-tokn' });
    expect(e.message).toBe(
      'my.yaml: extends: unknown preset "two-tokn"; did you mean "two-token"? (known presets: gift, market, market-k, two-token, peer-bank; a file path needs ./ or a .yaml extension)',
    );
    expect(e.fieldPath).toBe('extends');
  });

  it('extends that is not text is an error', () => {
    expect(errorOf({ extends: 5 }).message).toBe('my.yaml: extends: expected a preset name (gift, market, market-k, two-token, peer-bank) or a file path (.yaml, .yml, .json), got 5');
  });

  it('a file that is a list, not a mapping, is an error', () => {
    expect(errorOf([1, 2]).message).toBe('my.yaml: expected a mapping of scenario fields (key: value lines), got a list (2 items)');
  });

  it('an unknown --set path names the flag and gets a did-you-mean', () => {
    expect(errorOf({}, { set: ['demurrage.rat=0.1'] }).message).toMatch(
      /^--set demurrage\.rat=0\.1: unknown key "demurrage\.rat"; did you mean "demurrage\.rate"\?/,
    );
    expect(errorOf({}, { set: ['demurage.rate=0.1'] }).message).toContain('did you mean "demurrage.rate"?');
  });

  it('--set without "=" is an error', () => {
    const e = errorOf({}, { set: ['demurrage.rate'] });
    expect(e.message).toBe('--set demurrage.rate: expected path=value, e.g. --set demurrage.rate=0.08');
    expect(e.file).toBe('my.yaml');
  });

  it('a bad --set value names the flag and the field', () => {
    expect(errorOf({}, { set: ['agents=0'] }).message).toBe('--set agents=0: agents: expected an integer from 1 to 10000000, got 0');
    expect(errorOf({}, { set: ['days=.inf'] }).message).toBe('--set days=.inf: days: expected a finite number, got .inf');
  });

  it('an unknown override names the file and the key', () => {
    expect(errorOf({}, { overrides: { sed: 7 } }).message).toMatch(/^my\.yaml, override sed=7: unknown key "sed"; did you mean "seed"\?/);
  });

  it('inconsistent institutions are rejected with the combination that works', () => {
    expect(errorOf({ institutions: { money: 'none' } }).message).toBe(
      'my.yaml: institutions: money "none" needs inputs "donation" and pricing "free", got inputs "par" and pricing "benchmark" (extends: gift sets all three)',
    );
    expect(errorOf({ extends: 'gift', 'institutions.money': 'mutual-credit' }).message).toContain(
      'money "mutual-credit" needs inputs "par" and pricing "benchmark", got inputs "donation" and pricing "free"',
    );
  });

  it('liked genres beyond the genre count and a hazard age beyond the maximum age are rejected', () => {
    expect(errorOf({ genres: { count: 2 } }).message).toBe('my.yaml: genres.liked: expected at most genres.count (2), got 3');
    expect(errorOf({ 'pc.hazardFromYears': 6 }).message).toBe('my.yaml: pc.hazardFromYears: expected at most pc.maxAgeYears (5), got 6');
    expect(resolveScenario({ 'pc.hazardFromYears': 5, 'genres.liked': 10 }, 'ok.yaml').scenario.pc.hazardFromYears).toBe(5);
  });

  it('broken YAML gives the line and column', () => {
    const e = scenarioError(() => parseScenarioText('seed: 1\nbank: [1,\nagents: 2\n', 'my.yaml'));
    expect(e.message).toMatch(/^my\.yaml:3:1: invalid YAML at line 3, column 1: /);
    expect(e.file).toBe('my.yaml');
  });

  it('a duplicate key in YAML is a syntax error with its position', () => {
    expect(scenarioError(() => parseScenarioText('seed: 1\nseed: 2\n', 'my.yaml')).message).toBe(
      'my.yaml:2:1: invalid YAML at line 2, column 1: Map keys must be unique',
    );
  });

  it('JSON is accepted as YAML', () => {
    expect(parseScenarioText('{"seed": 3, "demurrage": {"rate": 0.1}}', 'my.json')).toEqual({ seed: 3, demurrage: { rate: 0.1 } });
  });

  it('no raw zod or YAML error escapes, whatever the input', () => {
    const inputs: unknown[] = [42, 'text', true, { agents: { n: 1 } }, { demurrage: [1] }, { extends: null }, { '': 1 }, { 'a..b': 1 }];
    for (const input of inputs) {
      const e = errorOf(input);
      expect(e).not.toBeInstanceOf(ZodError);
      expect(e.message.split('\n').every((l) => l.startsWith('my.yaml'))).toBe(true);
    }
  });
});
