import { describe, expect, it } from 'vitest';
import { checkLeafValue, leafSchema, normalizeValue } from '../../sim/sweep/leaf.js';

describe('sweep/leaf', () => {
  it('finds the schema of top-level and grouped fields, and nothing else', () => {
    expect(leafSchema('agents')).toBeDefined();
    expect(leafSchema('bank.k')).toBeDefined();
    expect(leafSchema('bank')).toBeUndefined();
    expect(leafSchema('bank.kk')).toBeUndefined();
  });

  it('words a bad value as the scenario loader does', () => {
    expect(checkLeafValue('bank.k', 30)).toEqual([]);
    expect(checkLeafValue('bank.k', -1)).toEqual(['expected a number > 0 and <= 3650, got -1']);
    expect(checkLeafValue('agents', 2.5)).toEqual(['expected an integer, got 2.5']);
    expect(checkLeafValue('participation.piMin', 1.5)[0]).toMatch(/from 0 to 1, got 1.5/);
    expect(checkLeafValue('bank.rule', 'targett')[0]).toMatch(/did you mean "target"\?/);
    expect(checkLeafValue('calibration', '2009')).toEqual([]);
  });

  it('reads a YAML number in a text field as its text', () => {
    expect(normalizeValue('calibration', 2009)).toBe('2009');
    expect(normalizeValue('bank.k', 7)).toBe(7);
  });
});
