import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchange } from '../../sim/markets/exchange.js';
import { clearingRate } from '../../sim/markets/clearing.js';
import { shareCh, technology } from '../../sim/economy/production.js';
import { CUR } from '../../sim/money/ledger.js';
import type { World } from '../../sim/engine/world.js';
import { balances, ledgerSum, makeWorld, openCredit } from '../helpers/world.js';

/** A 4-agent world whose base recipe is 39 CH and 39 MH (e_ref = 1), with the given hours (milli). */
function world(sigma: number, hours: [number, number][]): World {
  const w = makeWorld({ agents: hours.length, seed: 5, production: { sigma } });
  w.baseCh = 39; // baseMh is 39 by default: rho = baseCh/baseMh = 1 and e_ref = 1
  openCredit(w, 1e7);
  hours.forEach(([ch, mh], i) => { w.agents.availCh[i] = ch; w.agents.availMh[i] = mh; });
  return w;
}

describe('markets/exchange', () => {
  it('the clearing rate is the analytic one for sigma 0.5: e* = R^(-1/sigma) rho^((1-sigma)/sigma)', () => {
    // D(e) = 0 <=> sX/(1 - sX) = e sumCh/sumMh, and sX/(1 - sX) = (e baseCh/baseMh)^(1-sigma), so
    // (e rho)^(1-sigma) = e R  <=>  e^-sigma = R rho^(sigma-1)  <=>  e* = R^(-1/sigma) rho^((1-sigma)/sigma).
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }), // R / rho, inside the range [e_ref/100, 100 e_ref]
        fc.double({ min: 10, max: 500, noNaN: true }), // baseCh
        (ratio, baseCh) => {
          const sigma = 0.5;
          const t = technology(sigma);
          const rho = baseCh / 39;
          const R = ratio * rho;
          const sumMh = 1e6;
          const sumCh = R * sumMh;
          const D = (e: number): number => {
            const sx = shareCh(t, e, 39, baseCh);
            return (sx * sumMh) / e - (1 - sx) * sumCh;
          };
          const eRef = 39 / baseCh;
          const analytic = Math.pow(R, -1 / sigma) * Math.pow(rho, (1 - sigma) / sigma); // = rho / R^2
          expect(clearingRate(D, eRef / 100, eRef * 100) / analytic).toBeCloseTo(1, 9);
        }),
    );
  });

  it('a hand-made 4-agent market clears at e = 1/4 and swaps exactly the planned tokens', () => {
    // sumCh = 200 h, sumMh = 100 h, rho = 39/39 = 1: R = 2, e* = rho/R^2 = 1/4 MH per CH.
    // At e = 1/4, sX = 1/(1 + (39/(0.25 x 39))^0.5) = 1/(1 + 2) = 1/3, and agent i's CH purchase is
    // d = sX (ch + mh/e) - ch = (ch + 4 mh)/3 - ch = (4 mh - 2 ch)/3 milli-hours:
    //   agent 0 (150 h CH, 0 MH):   d = -100 h, sells 100 CH for 25 MH
    //   agent 1 (50 h CH, 10 h MH): d = (40 - 100)/3 = -20 h, sells 20 CH for 5 MH
    //   agent 2 (0, 60 h MH):       d = 240/3 = 80 h, buys 80 CH for 20 MH
    //   agent 3 (0, 30 h MH):       d = 120/3 = 40 h, buys 40 CH for 10 MH
    // Bids 120 h = asks 120 h; MH paid round(0.25 x 120,000) = 30,000 milli, split 20,000 / 10,000.
    const w = world(0.5, [[150_000, 0], [50_000, 10_000], [0, 60_000], [0, 30_000]]);
    exchange(w);
    expect(w.rate).toBeCloseTo(0.25, 12);
    expect(w.e).toBe(w.rate);
    expect(Array.from(w.agents.planCh)).toEqual([-100_000, -20_000, 80_000, 40_000]);
    expect(Array.from(w.agents.planMh)).toEqual([25_000, 5_000, -20_000, -10_000]);
    expect(balances(w, 'ch')).toEqual([-100_000, -20_000, 80_000, 40_000]);
    expect(balances(w, 'mh')).toEqual([25_000, 5_000, -20_000, -10_000]);
    expect(w.ledger.balance[CUR.ch]![w.ledger.exchange]).toBe(0);
    expect(w.ledger.balance[CUR.mh]![w.ledger.exchange]).toBe(0);
    expect(() => w.ledger.audit()).not.toThrow();
  });

  it('with uneven hours the exchange ends empty, buyers hold their CH bids and every agent nets ~0 in value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 })), { minLength: 2, maxLength: 12 }),
        (hours) => {
          const w = world(0.5, hours as [number, number][]);
          const sumCh = hours.reduce((s, h) => s + h[0], 0);
          const sumMh = hours.reduce((s, h) => s + h[1], 0);
          fc.pre(sumCh > 0 && sumMh > 0 && sumCh / sumMh > 0.2 && sumCh / sumMh < 5);
          exchange(w);
          const e = w.rate;
          expect(e).toBeCloseTo(1 / Math.pow(sumCh / sumMh, 2), 9); // rho = 1: e* = 1/R^2
          const L = w.ledger;
          expect(L.balance[CUR.ch]![L.exchange]).toBe(0);
          expect(L.balance[CUR.mh]![L.exchange]).toBe(0);
          expect(ledgerSum(w, 'ch')).toBe(0);
          expect(ledgerSum(w, 'mh')).toBe(0);
          const ch = balances(w, 'ch');
          const mh = balances(w, 'mh');
          const bids = hours.reduce((s, _, i) => s + Math.max(0, w.agents.planCh[i]!), 0);
          const asks = hours.reduce((s, _, i) => s + Math.max(0, -w.agents.planCh[i]!), 0);
          // Each d is rounded to a milli-hour, so bids and asks differ by at most n/2 (plus float dust);
          // the long side is filled pro rata: nobody misses more than that gap plus one unit.
          const gap = Math.abs(bids - asks) + 1;
          expect(Math.abs(bids - asks)).toBeLessThanOrEqual(hours.length / 2 + 1);
          for (let i = 0; i < hours.length; i++) {
            const plan = w.agents.planCh[i]!;
            expect(Math.abs(ch[i]! - plan)).toBeLessThanOrEqual(gap);
            // In value, CH received x e + MH received is zero up to rounding (a milli-token each way, plus e).
            expect(Math.abs(e * ch[i]! + mh[i]!)).toBeLessThanOrEqual(2 + e * (gap + 1));
            // The plan itself keeps value: e (ch + planCh) + (mh + planMh) = e ch + mh, up to rounding.
            expect(Math.abs(e * plan + w.agents.planMh[i]!)).toBeLessThanOrEqual(1 + e);
          }
          expect(() => L.audit()).not.toThrow();
        }),
      { numRuns: 200 },
    );
  });

  it('a buyer short of MH means is capped: it bids only what it can pay', () => {
    // As the hand-made market, but agent 2 may go only 5 MH into debt: it can pay floor((5,000 - 2)/0.25) = 19,992 milli-CH.
    const w = world(0.5, [[150_000, 0], [50_000, 10_000], [0, 60_000], [0, 30_000]]);
    w.ledger.setFloor(CUR.mh, 2, -5_000);
    exchange(w);
    expect(w.rate).toBeCloseTo(0.25, 12);
    // Bids 19,992 + 40,000 = 59,992 < asks 120,000: buyers are filled in full; sellers pro rata to 100 : 20.
    expect(balances(w, 'ch')[2]).toBe(19_992);
    expect(balances(w, 'ch')[3]).toBe(40_000);
    expect(balances(w, 'mh')[2]).toBeGreaterThanOrEqual(-5_000);
    // Sellers: 59,992 x 100/120 = 49,993.33 and x 20/120 = 9,998.67 -> 49,993 and 9,999 (largest remainder).
    expect(balances(w, 'ch').slice(0, 2)).toEqual([-49_993, -9_999]);
    expect(w.ledger.balance[CUR.ch]![w.ledger.exchange]).toBe(0);
    expect(w.ledger.balance[CUR.mh]![w.ledger.exchange]).toBe(0);
  });

  it('with Leontief production the exchange finds no rate and trades nothing', () => {
    // sigma 0, rho = 1: D(e) = (sumMh - sumCh)/(1 + e) keeps the sign of sumMh - sumCh at every e.
    const w = world(0, [[150_000, 0], [50_000, 10_000], [0, 60_000], [0, 30_000]]);
    const eBefore = w.e;
    exchange(w);
    expect(w.rate).toBeNaN();
    expect(w.e).toBe(eBefore);
    expect(w.hadRate).toBe(false);
    expect(balances(w, 'ch')).toEqual([0, 0, 0, 0]);
    expect(balances(w, 'mh')).toEqual([0, 0, 0, 0]);
  });

  it('a market with no CH at all has no rate', () => {
    const w = world(0.5, [[0, 10_000], [0, 20_000]]);
    exchange(w);
    expect(w.rate).toBeNaN();
    expect(balances(w, 'mh')).toEqual([0, 0]);
  });
});
