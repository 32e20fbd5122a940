/**
 * sim/economy/budget.ts by hand: budget = min(incomeShare x work value a day + balanceShare x the
 * balance above the money's working balance, means); the token split of a payment.
 */
import { describe, expect, it } from 'vitest';
import { dailyBudget, splitValue } from '../../sim/economy/budget.js';
import { CUR, KIND } from '../../sim/money/ledger.js';
import type { World } from '../../sim/engine/world.js';
import { makeWorld, pay } from '../helpers/world.js';

/** Agent `i`'s work value today (MH-eq) as the demand window's only day. */
function worked(w: World, i: number, value: number): void {
  const v = new Float64Array(w.n);
  v[i] = value;
  w.workDemand.push(v);
}

/** New tokens from the bank's account (S1, S3: every agent's floor is 0). */
function issue(w: World, cur: number, i: number, milli: number): void {
  w.ledger.post(cur, KIND.issuance, w.ledger.bank, i, milli);
}

describe('economy/budget dailyBudget', () => {
  it('two-token: at its default line (95 % of its limit) an agent pledges at most 0.9 x what it earned net', () => {
    const w = makeWorld({ agents: 3 });
    for (const cur of [CUR.mh, CUR.ch]) { w.ledger.setFloor(cur, 0, -10_000); w.ledger.setFloor(cur, 2, -1e9); }
    pay(w, 'mh', 2, 0, 5_000); // a creditor's balance, so the budget is not capped by means at 0
    w.ledger.post(CUR.ch, KIND.input, 0, 2, 9_600); // CH balance -9,600: at 96 % of its 10,000 limit
    worked(w, 0, 4); // its work is worth 4 MH-eq a day
    const net = new Float64Array(w.n);
    net[0] = 1; // but it earned 1 MH-eq a day net of its input payments
    w.netRho.push(net);
    // Without the line: 0.9 x 4,000 + 0.05 x 5,000 = 3,850. At the line: 0.9 x 1,000 = 900.
    expect(dailyBudget(w, 0)).toBeCloseTo(900, 9);
    w.ledger.post(CUR.ch, KIND.input, 2, 0, 200); // -9,400: 94 %, above the line
    expect(dailyBudget(w, 0)).toBeCloseTo(3_850, 9);
  });

  it('the default line of either token, and of the one currency under merged credit, limits the pledge the same way', () => {
    // MH at the line (the two-token test above puts CH there).
    const w = makeWorld({ agents: 3 });
    for (const cur of [CUR.mh, CUR.ch]) { w.ledger.setFloor(cur, 0, -10_000); w.ledger.setFloor(cur, 2, -1e9); }
    pay(w, 'ch', 2, 0, 5_000);
    w.ledger.post(CUR.mh, KIND.input, 0, 2, 9_600);
    worked(w, 0, 4);
    const net = new Float64Array(w.n);
    net[0] = 1;
    w.netRho.push(net);
    expect(dailyBudget(w, 0)).toBeCloseTo(900, 9);
    // One currency with mutual credit: the line of its only balance.
    const m = makeWorld({ agents: 3, institutions: { money: 'merged-credit', inputs: 'auction', pricing: 'benchmark' } });
    expect(m.single && m.credit).toBe(true);
    m.ledger.setFloor(CUR.cur, 0, -1_000_000); m.ledger.setFloor(CUR.cur, 2, -1e9); // room to pay (means)
    m.ledger.post(CUR.cur, KIND.input, 0, 2, 960_000);
    worked(m, 0, 4);
    const earned = new Float64Array(m.n);
    earned[0] = 1;
    m.netRho.push(earned);
    const atLine = dailyBudget(m, 0);
    m.ledger.post(CUR.cur, KIND.input, 2, 0, 20_000); // 94 %: above the line
    expect(dailyBudget(m, 0)).toBeGreaterThan(atLine);
    expect(atLine).toBeCloseTo(900 * m.priceUnit, 6);
  });

  it('two-token: 0.9 x work + 0.05 x every positive balance (CH at the rate), capped by means', () => {
    const w = makeWorld({ agents: 3 }); // incomeShare 0.9, balanceShare 0.05
    w.ledger.setFloor(CUR.mh, 2, -1e9);
    w.ledger.setFloor(CUR.ch, 2, -1e9);
    pay(w, 'mh', 2, 0, 10_000);
    pay(w, 'ch', 2, 0, 4_000);
    w.e = 0.5;
    worked(w, 0, 2);
    // work 2 MH-eq a day = 2,000 milli; balance 10,000 + 0.5 x 4,000 = 12,000 (working balance 0 under credit)
    // -> 0.9 x 2,000 + 0.05 x 12,000 = 1,800 + 600 = 2,400, below the means of 12,000.
    expect(dailyBudget(w, 0)).toBeCloseTo(2_400, 9);
  });

  it('two-token: without a balance the cap is the unused credit (pledging on credit)', () => {
    const w = makeWorld({ agents: 2 });
    worked(w, 0, 2);
    // 0.9 x 2,000 = 1,800, but means 0: nothing.
    expect(dailyBudget(w, 0)).toBe(0);
    w.ledger.setFloor(CUR.mh, 0, -5_000);
    // means = 0 - (-5,000) = 5,000 > 1,800.
    expect(dailyBudget(w, 0)).toBeCloseTo(1_800, 9);
    w.ledger.setFloor(CUR.mh, 0, -1_000);
    expect(dailyBudget(w, 0)).toBe(1_000);
  });

  it('a borrower budgets on its work less the instalments it owes a day (every currency, CH at the rate)', () => {
    const w = makeWorld({ agents: 2, institutions: { money: 'peer-bank' }, loans: { termDays: 100 } });
    issue(w, CUR.mh, 0, 100_000); // means far above the budget; no delivered flow, so no working balance
    worked(w, 0, 4); // its work is worth 4 MH-eq a day
    const free = dailyBudget(w, 0); // 0.9 x 4,000 + 0.05 x 100,000 = 8,600
    expect(free).toBeCloseTo(8_600, 9);
    w.loans!.book(CUR.mh, 0, 100_000, 0); // 100 MH owed over 100 days: 1 MH a day
    expect(dailyBudget(w, 0)).toBeCloseTo(free - 0.9 * 1_000, 9);
    w.loans!.book(CUR.ch, 0, 100_000 / w.e, 0); // and 1 MH-eq a day in CH
    expect(dailyBudget(w, 0)).toBeCloseTo(free - 0.9 * 2_000, 6);
    w.loans!.book(CUR.mh, 0, 1_000_000, 0); // instalments above the work's worth: only the balance term is left
    expect(dailyBudget(w, 0)).toBeCloseTo(5_000, 9);
  });

  it('peer-bank: only the balance above k days of the agent\'s delivered flow counts', () => {
    const w = makeWorld({ agents: 2, institutions: { money: 'peer-bank' }, bank: { k: 10, emaDays: 4 } });
    const delivered = new Float64Array(2);
    delivered[0] = 400;
    w.bank!.delivered[CUR.mh]!.push(delivered);
    issue(w, CUR.mh, 0, 3_000);
    // working balance 10 x 400 / 4 = 1,000; spendable 3,000 - 1,000 = 2,000; no work: 0.05 x 2,000 = 100.
    expect(dailyBudget(w, 0)).toBeCloseTo(100, 9);
  });

  it('market (S1): in currency at the wage; only the balance above wageDays of work value counts', () => {
    const w = makeWorld({ agents: 2, institutions: { money: 'fixed-stock', inputs: 'auction', pricing: 'markup' } });
    w.wage = 2;
    worked(w, 0, 1.5);
    issue(w, CUR.cur, 0, 100_000);
    // work 1.5 x 1,000 x wage 2 = 3,000 milli-cur a day; working balance 30 x 3,000 = 90,000;
    // 0.9 x 3,000 + 0.05 x (100,000 - 90,000) = 2,700 + 500 = 3,200.
    expect(dailyBudget(w, 0)).toBeCloseTo(3_200, 9);
  });
});

describe('economy/budget splitValue', () => {
  const out = new Float64Array(2);
  it('pays first in the token the agent has more of (by value), then the other', () => {
    // MH means 3,000 >= CH 4,000 x 0.5 = 2,000: MH first, 3,000; the rest 2,000 in CH = 4,000 CH.
    splitValue(5_000, 3_000, 4_000, 0.5, out);
    expect([...out]).toEqual([3_000, 4_000]);
    // CH 8,000 x 0.5 = 4,000 > MH 1,000: CH first, 4,000 of value = 8,000 CH; the rest 1,000 in MH.
    splitValue(5_000, 1_000, 8_000, 0.5, out);
    expect([...out]).toEqual([1_000, 8_000]);
  });
  it('never more than the means, and nothing from negative means', () => {
    // 2,000 MH and -500 CH means: at most 2,000 of the 5,000.
    splitValue(5_000, 2_000, -500, 0.5, out);
    expect([...out]).toEqual([2_000, 0]);
  });
});
