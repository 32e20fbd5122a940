import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces, shareCh, technology, usedInputs } from '../../sim/economy/production.js';
import { pow } from '../../sim/engine/libm.js';

const BASE_MH = 39;
const BASE_CH = 50;

describe('economy/production', () => {
  it('the recipe point (1, 1) makes exactly one good for sigma 0.5, 1 and 2', () => {
    for (const sigma of [0.5, 1, 2]) expect(ces(technology(sigma), 1, 1)).toBeCloseTo(1, 14);
  });

  it('CES output off the recipe matches hand-computed means of x and y', () => {
    // sigma 0.5: r = (0.5 - 1)/0.5 = -1, q = (x^-1/2 + y^-1/2)^-1, the harmonic mean: q(1, 4) = 1/(0.5 + 0.125) = 1.6.
    expect(ces(technology(0.5), 1, 4)).toBeCloseTo(1.6, 12);
    // sigma 1: Cobb-Douglas sqrt(x y): q(1, 4) = 2.
    expect(ces(technology(1), 1, 4)).toBeCloseTo(2, 12);
    // sigma 2: r = 0.5, q = (sqrt(x)/2 + sqrt(y)/2)^2: q(1, 4) = (0.5 + 1)^2 = 2.25.
    expect(ces(technology(2), 1, 4)).toBeCloseTo(2.25, 12);
  });

  it('at sigma 0.5 output is the harmonic mean in closed form, within a few ulps where the general form is within 1e-14', () => {
    const t = technology(0.5);
    expect(ces(t, 1, 4)).toBe(1.6);
    expect(ces(t, 3, 3)).toBe(3);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x, y) => {
        const q = ces(t, x, y);
        // The harmonic mean another way (2xy / (x + y)): the two agree to a few units in the last place.
        expect(Math.abs(q - (2 * x * y) / (x + y)) / q).toBeLessThan(1e-15);
        // The general form, through the engine's pow (exp(r log x)), agrees to its own accuracy.
        const general = pow(0.5 * pow(x, -1) + 0.5 * pow(y, -1), -1);
        expect(Math.abs(q - general) / q).toBeLessThan(1e-13);
      }),
    );
  });

  it('sigma 0 is Leontief: output is the smaller of x and y', () => {
    const t = technology(0);
    expect(ces(t, 3, 2)).toBe(2);
    expect(ces(t, 0.5, 7)).toBe(0.5);
    expect(ces(t, 0, 7)).toBe(0);
  });

  it('with sigma below 1 an input of zero gives no output', () => {
    expect(ces(technology(0.5), 0, 5)).toBe(0);
    expect(ces(technology(0.5), 5, 0)).toBe(0);
  });

  it('CES output is homogeneous of degree one (doubling both inputs doubles output)', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 0.5, 1, 2), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }),
        (sigma, x, y) => {
          const t = technology(sigma);
          expect(ces(t, 2 * x, 2 * y)).toBeCloseTo(2 * ces(t, x, y), 9);
        }),
    );
  });

  it('the CH share is one half at the reference rate e = baseMh / baseCh, for every sigma', () => {
    for (const sigma of [0, 0.5, 1, 2]) expect(shareCh(technology(sigma), BASE_MH / BASE_CH, BASE_MH, BASE_CH)).toBeCloseTo(0.5, 14);
  });

  it('the CH share rises with the rate when sigma < 1 (CH dearer, spend more on it)', () => {
    // sigma 0.5 at e = 4 x e_ref: relative = 1/4, sX = 1 / (1 + (1/4)^0.5) = 1 / 1.5 = 2/3.
    expect(shareCh(technology(0.5), (4 * BASE_MH) / BASE_CH, BASE_MH, BASE_CH)).toBeCloseTo(2 / 3, 14);
    // sigma 2 at e = 4 x e_ref: sX = 1 / (1 + (1/4)^-1) = 1/5: substitutes, spend less on the dear input.
    expect(shareCh(technology(2), (4 * BASE_MH) / BASE_CH, BASE_MH, BASE_CH)).toBeCloseTo(0.2, 14);
  });

  it('the closed-form plan has zero net token flow in value: e want_ch + want_mh = e availCh + availMh', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.5, 1, 2),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (sigma, availCh, availMh, e) => {
          const sx = shareCh(technology(sigma), e, BASE_MH, BASE_CH);
          // The plan of sim/markets/exchange.ts: buy d = sX (availCh + availMh/e) - availCh CH, sell e d MH.
          const d = sx * (availCh + availMh / e) - availCh;
          const wantCh = availCh + d;
          const wantMh = availMh - e * d;
          const value = e * availCh + availMh;
          expect(e * wantCh + wantMh).toBeCloseTo(value, 6);
          expect(wantCh).toBeGreaterThanOrEqual(-1e-6 * (1 + value));
          expect(wantMh).toBeGreaterThanOrEqual(-1e-6 * (1 + value));
        }),
    );
  });

  it('the closed-form plan is cost-minimising: no other split of the same value makes more', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.5, 1, 2),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.02, max: 0.98, noNaN: true }),
        (sigma, e, otherShare) => {
          const t = technology(sigma);
          const value = 1000; // MH-equivalents
          const q = (s: number): number => ces(t, (s * value) / e / BASE_CH, ((1 - s) * value) / BASE_MH);
          const best = q(shareCh(t, e, BASE_MH, BASE_CH));
          expect(best).toBeGreaterThanOrEqual(q(otherShare) * (1 - 1e-12));
        }),
    );
  });

  it('usedInputs with Leontief uses only what the binding input allows; CES uses everything', () => {
    const out = new Float64Array(2);
    // Leontief, recipe (costCh 2, costMh 4): x = 6/2 = 3, y = 4/4 = 1, q = 1, uses 1 x 2 CH and 1 x 4 MH.
    expect(usedInputs(technology(0), 6, 4, 2, 4, out)).toBe(1);
    expect(Array.from(out)).toEqual([2, 4]);
    // sigma 0.5: q = (x^-1/2 + y^-1/2)^-1 = (1/6 + 1/2)^-1 = 1.5, and every hour is used.
    expect(usedInputs(technology(0.5), 6, 4, 2, 4, out)).toBeCloseTo(1.5, 12);
    expect(Array.from(out)).toEqual([6, 4]);
    // No CH at all with sigma 0.5: nothing produced, nothing used.
    expect(usedInputs(technology(0.5), 0, 4, 2, 4, out)).toBe(0);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});
