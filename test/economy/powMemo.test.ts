import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PowMemo } from '../../sim/economy/powMemo.js';
import { pow } from '../../sim/engine/libm.js';

describe('economy/powMemo', () => {
  it('gives the bits of pow(x, y) for every x, when it is first asked and when it is asked again', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (y, xs) => {
          const memo = new PowMemo(2, y);
          for (const x of xs) {
            expect(Object.is(memo.pow(1, x), pow(x, y))).toBe(true);
            expect(Object.is(memo.pow(1, x), pow(x, y))).toBe(true); // a hit
          }
        }),
    );
  });

  it('a slot recomputes when its x changes, and slots are independent', () => {
    const memo = new PowMemo(2, 2);
    expect(memo.pow(0, 3)).toBe(pow(3, 2));
    expect(memo.pow(1, 5)).toBe(pow(5, 2));
    expect(memo.pow(0, 4)).toBe(pow(4, 2)); // not slot 0's 3^2
    expect(memo.pow(1, 5)).toBe(pow(5, 2)); // slot 1 kept its own
    expect(memo.pow(0, 3)).toBe(pow(3, 2));
  });

  it('0 and -0 share a value (pow treats them alike) and a NaN never hits', () => {
    const memo = new PowMemo(1, -1);
    expect(memo.pow(0, 0)).toBe(Infinity);
    expect(memo.pow(0, -0)).toBe(pow(-0, -1));
    expect(memo.pow(0, NaN)).toBeNaN();
    expect(memo.pow(0, NaN)).toBeNaN();
    expect(memo.pow(0, 2)).toBe(pow(2, -1));
  });

  it('an unasked slot holds nothing (its first x is computed, whatever it is)', () => {
    const memo = new PowMemo(3, 0.5);
    expect(memo.slots).toBe(3);
    expect(memo.pow(2, 0)).toBe(0); // 0 is not mistaken for a remembered x of 0
    expect(memo.pow(2, 4)).toBe(pow(4, 0.5));
  });
});
