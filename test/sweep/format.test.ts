import { describe, expect, it } from 'vitest';
import { num6, valueCell } from '../../sim/sweep/format.js';

describe('sweep/format', () => {
  it('writes at most 6 significant digits in plain decimals, empty when not finite', () => {
    expect(num6(0.1 + 0.2)).toBe('0.3');
    expect(num6(1234567.89)).toBe('1234570');
    expect(num6(2 / 3)).toBe('0.666667');
    expect(num6(1.5e-7)).toBe('0.00000015');
    expect(num6(-0)).toBe('0');
    expect(num6(-1e-12)).toBe('-0.000000000001');
    expect(num6(NaN)).toBe('');
    expect(num6(Infinity)).toBe('');
  });

  it('writes swept values: numbers as numbers, text quoted only when CSV needs it, nothing as empty', () => {
    expect(valueCell(0.12)).toBe('0.12');
    expect(valueCell('2020s')).toBe('2020s');
    expect(valueCell('a,b')).toBe('"a,b"');
    expect(valueCell(true)).toBe('true');
    expect(valueCell(undefined)).toBe('');
  });
});
