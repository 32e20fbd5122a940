import { describe, expect, it } from 'vitest';
import { formatSig6 } from '../../sim/analysis/format.js';

describe('analysis/format', () => {
  it('writes up to 6 significant digits in plain decimals, empty for NaN, 0 for -0', () => {
    expect(formatSig6(1234567)).toBe('1234570');
    expect(formatSig6(-0.1234567)).toBe('-0.123457');
    expect(formatSig6(1.234567e-7)).toBe('0.000000123457');
    expect(formatSig6(2.5e21)).toBe('2500000000000000000000');
    expect(formatSig6(0.1 + 0.2)).toBe('0.3');
    expect(formatSig6(-0)).toBe('0');
    expect(formatSig6(NaN)).toBe('');
    expect(formatSig6(Infinity)).toBe('');
  });
});
