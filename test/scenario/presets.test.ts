/** Presets: their names, their overrides, and that each is a valid scenario on its own. */
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, listPresets, presetOverrides } from '../../sim/scenario/presets.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';

describe('scenario/presets', () => {
  it('the five presets of MODEL.md are there, in its order', () => {
    expect(PRESET_NAMES).toEqual(['gift', 'market', 'market-k', 'two-token', 'peer-bank']);
    expect(listPresets().map((p) => p.name)).toEqual([...PRESET_NAMES]);
    for (const p of listPresets()) expect(p.description.length).toBeGreaterThan(10);
  });

  it('each preset sets its name and its institutions', () => {
    expect(presetOverrides('gift')).toEqual({ name: 'gift', institutions: { money: 'none', inputs: 'donation', pricing: 'free' } });
    expect(presetOverrides('two-token')).toEqual({ name: 'two-token', institutions: { money: 'mutual-credit', inputs: 'par', pricing: 'benchmark' } });
  });

  it('an unknown name has no overrides', () => {
    expect(presetOverrides('barter')).toBeUndefined();
    expect(presetOverrides('toString')).toBeUndefined();
  });

  it('overrides are a fresh copy each time', () => {
    const a = presetOverrides('gift');
    if (a?.institutions) a.institutions.money = 'mutual-credit';
    expect(presetOverrides('gift')?.institutions?.money).toBe('none');
  });

  it.each(PRESET_NAMES)('the preset %s resolves to a valid scenario', (name) => {
    const r = resolveScenario({ extends: name }, name);
    expect(r.scenario.name).toBe(name);
    expect(r.preset).toBe(name);
  });
});
