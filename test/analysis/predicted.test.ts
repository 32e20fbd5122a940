import { describe, expect, it } from 'vitest';
import { judge, predictedText } from '../../sim/analysis/predicted.js';

describe('analysis/predicted', () => {
  it('holds wholly on the predicted side, is contrary wholly on the other, straddles otherwise', () => {
    const lt = { op: '<', bound: 0 } as const;
    expect(judge(-2, -1, lt)).toBe('holds');
    expect(judge(1, 2, lt)).toBe('contrary');
    expect(judge(-1, 1, lt)).toBe('straddles');
    expect(judge(NaN, NaN, lt)).toBe('no data');
  });

  it('open bounds (<, >) put the bound on the other side; closed ones (<=, >=, within) on the predicted side', () => {
    expect(judge(-1, 0, { op: '<', bound: 0 })).toBe('straddles');
    expect(judge(0, 1, { op: '<', bound: 0 })).toBe('contrary');
    expect(judge(0, 1, { op: '>=', bound: 0 })).toBe('holds');
    expect(judge(0.5, 0.5, { op: '>', bound: 0.5 })).toBe('contrary');
    expect(judge(0.05, 0.05, { op: '<=', bound: 0.05 })).toBe('holds');
  });

  it('"within" holds inside the band and is contrary only wholly outside it', () => {
    const band = { op: 'within', lo: -0.1, hi: 0.1 } as const;
    expect(judge(-0.1, 0.05, band)).toBe('holds');
    expect(judge(0.05, 0.2, band)).toBe('straddles');
    expect(judge(0.11, 0.2, band)).toBe('contrary');
    expect(judge(-0.3, -0.2, band)).toBe('contrary');
    expect(predictedText(band)).toBe('within [-0.1, 0.1]');
    expect(predictedText({ op: '>=', bound: 1 })).toBe('>= 1');
  });

  it('writes a bound to 6 significant digits: ln 1.2 reads 0.182322', () => {
    expect(predictedText({ op: '<', bound: Math.log(1.2) })).toBe('< 0.182322');
    expect(predictedText({ op: '>', bound: -0.015 })).toBe('> -0.015');
  });
});
