/** resolveScenario: presets, extends chains, dotted keys and the order of overrides and --set. */
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../sim/scenario/fields.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { ScenarioSchema } from '../../sim/scenario/schema.js';
import { memoryLoader, scenarioError } from './helpers.js';

describe('scenario/resolve', () => {
  it('an empty file is the two-token preset at its defaults', () => {
    const r = resolveScenario(null, 'empty.yaml');
    expect(r.scenario).toEqual(ScenarioSchema.parse({}));
    expect(r).toMatchObject({ origin: 'empty.yaml', preset: 'two-token', chain: ['two-token', 'empty.yaml'] });
  });

  it('extending a preset takes its institutions and its name', () => {
    const r = resolveScenario({ extends: 'gift', agents: 50 }, 'g.yaml');
    expect(r.scenario.institutions).toEqual({ money: 'none', inputs: 'donation', pricing: 'free' });
    expect(r.scenario.name).toBe('gift');
    expect(r.scenario.agents).toBe(50);
    expect(r.preset).toBe('gift');
  });

  it('a name in the file wins over the preset name', () => {
    expect(resolveScenario({ extends: 'gift', name: 'mine' }, 'g.yaml').scenario.name).toBe('mine');
  });

  it('extends by relative path reads the file beside the extending one, and the child wins', () => {
    const loadRef = memoryLoader({ 'dir/base.yaml': { extends: 'gift', agents: 10, days: 20 } });
    const r = resolveScenario({ extends: './base.yaml', days: 30 }, 'dir/child.yaml', { loadRef });
    expect(r.scenario).toMatchObject({ agents: 10, days: 30, name: 'gift' });
    expect(r.chain).toEqual(['gift', 'dir/base.yaml', 'dir/child.yaml']);
    expect(r.preset).toBe('gift');
  });

  it('a chain of three files applies them root first', () => {
    const loadRef = memoryLoader({
      'a.yaml': { seed: 1, days: 1, agents: 1 },
      'sub/b.yaml': { extends: '../a.yaml', days: 2, agents: 2 },
    });
    const r = resolveScenario({ extends: './sub/b.yaml', agents: 3 }, 'c.yaml', { loadRef });
    expect(r.scenario).toMatchObject({ seed: 1, days: 2, agents: 3 });
    expect(r.chain).toEqual(['two-token', 'a.yaml', 'sub/b.yaml', 'c.yaml']);
  });

  it('a cycle of extends is an error that shows the loop', () => {
    const loadRef = memoryLoader({ 'a.yaml': { extends: './b.yaml' }, 'b.yaml': { extends: './a.yaml' } });
    const e = scenarioError(() => resolveScenario({ extends: './b.yaml' }, 'a.yaml', { loadRef }));
    expect(e.message).toBe('b.yaml: extends: cycle: a.yaml -> b.yaml -> a.yaml');
    expect(e.fieldPath).toBe('extends');
  });

  it('a file that extends itself is a cycle too', () => {
    const loadRef = memoryLoader({ 'a.yaml': { extends: './a.yaml' } });
    expect(scenarioError(() => resolveScenario({ extends: './a.yaml' }, 'a.yaml', { loadRef })).message).toContain('cycle: a.yaml -> a.yaml');
  });

  it('without a file loader, a path in extends says that files need one', () => {
    const e = scenarioError(() => resolveScenario({ extends: './base.yaml' }, 'x.yaml'));
    expect(e.message).toContain('x.yaml: extends: "./base.yaml" is a file path, but no file loader was given');
  });

  it('a dotted key at the top level equals the nested key, for every field', () => {
    for (const f of FIELDS.filter((x) => x.group)) {
      const key = f.path.slice(f.group.length + 1);
      const dotted = resolveScenario({ [f.path]: f.default }, 'd.yaml').scenario;
      const nested = resolveScenario({ [f.group]: { [key]: f.default } }, 'n.yaml').scenario;
      expect(dotted, f.path).toEqual(nested);
    }
  });

  it('dotted and nested keys for one group merge', () => {
    const r = resolveScenario({ 'demurrage.rate': 0.08, demurrage: { allowanceDays: 3 } }, 'm.yaml');
    expect(r.scenario.demurrage).toEqual({ rate: 0.08, allowanceDays: 3 });
  });

  it('the same field given dotted and nested in one file is an error', () => {
    const e = scenarioError(() => resolveScenario({ 'demurrage.rate': 0.08, demurrage: { rate: 0.07 } }, 'm.yaml'));
    expect(e.message).toContain('m.yaml: demurrage.rate: given twice');
  });

  it('a dotted key overrides one field of a group set by the file it extends, keeping the rest', () => {
    const loadRef = memoryLoader({ 'base.yaml': { demurrage: { rate: 0.1, allowanceDays: 2 } } });
    const r = resolveScenario({ extends: './base.yaml', 'demurrage.rate': 0.05 }, 'c.yaml', { loadRef });
    expect(r.scenario.demurrage).toEqual({ rate: 0.05, allowanceDays: 2 });
  });

  it('overrides apply after the file and --set applies after the overrides', () => {
    const file = { seed: 1, days: 100, agents: 10, demurrage: { rate: 0.01 } };
    const r = resolveScenario(file, 'o.yaml', {
      overrides: { seed: 7, days: 730, 'demurrage.rate': 0.02 },
      set: ['days=5', 'demurrage.rate=0.08', 'days=6'],
    });
    expect(r.scenario).toMatchObject({ seed: 7, days: 6, agents: 10, demurrage: { rate: 0.08 } });
  });

  it('overrides left undefined change nothing', () => {
    expect(resolveScenario({ seed: 3 }, 'u.yaml', { overrides: { seed: undefined } }).scenario.seed).toBe(3);
  });

  it('--set reads its value as a YAML scalar: numbers, booleans and text', () => {
    const r = resolveScenario({}, 's.yaml', { set: ['agents=1e3', 'calibration=2009', 'name=my run', 'learning.priorGoods=auto'] });
    expect(r.scenario).toMatchObject({ agents: 1000, calibration: '2009', name: 'my run', learning: { priorGoods: 'auto' } });
  });

  it('a YAML number in a text field is read as its text', () => {
    expect(resolveScenario({ calibration: 2009, name: 2024 }, 'n.yaml').scenario).toMatchObject({ calibration: '2009', name: '2024' });
  });

  it('an empty group changes nothing', () => {
    expect(resolveScenario({ bank: null }, 'e.yaml').scenario.bank).toEqual(ScenarioSchema.parse({}).bank);
  });

  it('the input is not modified', () => {
    const input = { 'demurrage.rate': 0.08, bank: { k: 7 } };
    const copy = structuredClone(input);
    resolveScenario(input, 'i.yaml', { set: ['bank.k=9'] });
    expect(input).toEqual(copy);
  });
});
