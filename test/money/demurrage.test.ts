import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS } from '../../sim/agents/table.js';
import { demurrage } from '../../sim/money/demurrage.js';
import { CUR } from '../../sim/money/ledger.js';
import type { World } from '../../sim/engine/world.js';
import { balances, ledgerSum, makeWorld, openCredit, pay } from '../helpers/world.js';

/**
 * n agents, each with Rmax 1.25 and 8 work hours: potential 10 CH and 7.8 MH a day, so with the
 * default 7 allowance days the allowances are 70,000 milli-CH and 54,600 milli-MH. The last agent is a
 * helper that pays the others their balances (it goes into debt, so it pays no fee).
 */
function world(rate: number, n: number): World {
  const w = makeWorld({ agents: n, seed: 9, demurrage: { rate } });
  for (let i = 0; i < n; i++) { w.agents.rmax[i] = 1.25; w.agents.workHours[i] = 8; }
  openCredit(w, 1e12);
  return w;
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

describe('money/demurrage', () => {
  it('the fee is floor(rate/365 x (balance - allowance)), charged only above the allowance', () => {
    const w = world(0.0365, 5); // 0.0365/365 = 0.0001 a day
    const helper = 4;
    pay(w, 'mh', helper, 0, 54_600 + 1_234_567); // excess 1,234,567: fee floor(123.4567) = 123
    pay(w, 'mh', helper, 1, 54_600 + 9_999);     // excess 9,999: fee floor(0.9999) = 0, no posting
    pay(w, 'mh', helper, 2, 54_600);             // exactly the allowance: no fee
    pay(w, 'ch', helper, 1, 70_000 + 500_001);   // CH excess 500,001: fee floor(50.0001) = 50
    pay(w, 'mh', 3, helper, 5_000);              // a negative balance pays nothing
    const before = { mh: balances(w, 'mh'), ch: balances(w, 'ch') };
    demurrage(w);
    expect(w.stats.demurrage[CUR.mh]).toBe(123);
    expect(w.stats.demurrage[CUR.ch]).toBe(50);
    // Net change per agent = dividend - fee; adding the fee back leaves the dividends.
    const fees = { mh: [123, 0, 0, 0, 0], ch: [0, 50, 0, 0, 0] };
    const dividends = (cur: 'mh' | 'ch'): number[] => balances(w, cur).map((b, i) => b - before[cur][i]! + fees[cur][i]!);
    // The commons returns the 123 MH to the 5 active agents: 24 each (120) and 3 of them one more.
    expect(sorted(dividends('mh'))).toEqual([24, 24, 25, 25, 25]);
    // 50 CH over 5: exactly 10 each.
    expect(dividends('ch')).toEqual([10, 10, 10, 10, 10]);
    expect(w.ledger.balance[CUR.mh]![w.ledger.commons]).toBe(0);
    expect(w.ledger.balance[CUR.ch]![w.ledger.commons]).toBe(0);
    expect(ledgerSum(w, 'mh')).toBe(0);
    expect(() => w.ledger.audit()).not.toThrow();
  });

  it('the dividend goes to active agents only: dropped ones pay the fee but get nothing back', () => {
    const w = world(0.0365, 5);
    const helper = 4;
    pay(w, 'mh', helper, 0, 54_600 + 1_234_567); // fee 123
    w.agents.status[0] = STATUS.droppedDefault;
    w.agents.status[3] = STATUS.droppedPc;
    const before = balances(w, 'mh');
    demurrage(w);
    const change = balances(w, 'mh').map((b, i) => b - before[i]!);
    // 123 over the 3 active agents (1, 2, 4): 41 each, no remainder.
    expect(change).toEqual([-123, 41, 41, 0, 41]);
  });

  it('the dividend split differs by at most one milli-token and sums to the pot', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 5_000_000 }), fc.double({ min: 0.01, max: 1, noNaN: true }),
        (n, excess, rate) => {
          const w = world(rate, n);
          pay(w, 'mh', n - 1, 0, 54_600 + excess);
          const fee = Math.floor((rate / 365) * excess);
          const before = balances(w, 'mh');
          demurrage(w);
          expect(w.stats.demurrage[CUR.mh]).toBe(fee);
          const dividend = balances(w, 'mh').map((b, i) => b - before[i]! + (i === 0 ? fee : 0));
          expect(dividend.reduce((s, x) => s + x, 0)).toBe(fee);
          expect(Math.max(...dividend) - Math.min(...dividend)).toBeLessThanOrEqual(1);
          expect(w.ledger.balance[CUR.mh]![w.ledger.commons]).toBe(0);
        }),
      { numRuns: 200 },
    );
  });

  it('a rate of 0 charges nothing, however large the balance', () => {
    const w = world(0, 3);
    pay(w, 'mh', 2, 0, 1e9);
    const before = balances(w, 'mh');
    demurrage(w);
    expect(balances(w, 'mh')).toEqual(before);
    expect(w.stats.demurrage[CUR.mh]).toBe(0);
  });

  it('a rate of 1 a year takes 1/365 of the excess a day', () => {
    const w = world(1, 3);
    pay(w, 'mh', 2, 0, 54_600 + 365_000); // excess 365,000: fee 365,000/365 = 1,000
    demurrage(w);
    expect(w.stats.demurrage[CUR.mh]).toBe(1_000);
  });
});
