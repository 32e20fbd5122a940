import { describe, expect, it } from 'vitest';
import { idleBalance, lend, repay } from '../../sim/markets/lend.js';
import { CUR, KIND } from '../../sim/money/ledger.js';
import { STATUS } from '../../sim/agents/table.js';
import { makeWorld } from '../helpers/world.js';

const MARKET = { money: 'fixed-stock', inputs: 'auction', pricing: 'markup' } as const;

/**
 * Three producers in one currency (market), each worth 10 MH-eq of work a day at a wage of 1: agent 0 is
 * upgrading its PC with no money; agents 1 and 2 hold 500 and 400 tokens, above their working balance
 * of 30 days x 10 = 300 tokens, so 200 and 100 tokens are idle and they offer half of it.
 */
function world(loans: Record<string, number> = {}) {
  const w = makeWorld({ agents: 3, institutions: MARKET, loans });
  const L = w.ledger;
  L.post(CUR.cur, KIND.issuance, L.bank, 1, 500_000);
  L.post(CUR.cur, KIND.issuance, L.bank, 2, 400_000);
  const ten = Float64Array.from([10, 10, 10]);
  w.workDemand.push(ten);
  w.workRho.push(ten);
  w.netRho.push(new Float64Array(3)); // rho 0: nobody hires for R&D
  w.agents.upgrading[0] = 1;
  w.rate = w.e; // the hire market opens today
  return w;
}

describe('markets/lend', () => {
  it('an idle balance is what lies above the working balance', () => {
    const w = world();
    expect(idleBalance(w, CUR.cur, 1)).toBe(200_000);
    expect(idleBalance(w, CUR.cur, 2)).toBe(100_000);
    expect(idleBalance(w, CUR.cur, 0)).toBe(0);
  });

  it('lends an upgrader the PC price from idle balances, pro rata to the offers, with matching claims', () => {
    const w = world();
    lend(w);
    const L = w.ledger;
    const b = L.balance[CUR.cur]!;
    // The PC costs 40 MH at a wage of 1: 40 tokens; offers are 100 and 50 tokens.
    expect(b[0]).toBe(40_000);
    expect(b[1]).toBe(500_000 - 26_667);
    expect(b[2]).toBe(400_000 - 13_333);
    expect(b[L.exchange]).toBe(0);
    const book = w.loans!;
    expect(book.owed[CUR.cur]![0]).toBe(40_000);
    expect(Array.from(book.claim[CUR.cur]!)).toEqual([0, 26_667, 13_333]);
    expect(w.stats.loansGranted[CUR.cur]).toBe(40_000);
    expect(() => book.check(w.day)).not.toThrow();
  });

  it('interest raises what is owed and claimed, not what is lent', () => {
    const w = world({ interestRate: 0.1 });
    lend(w);
    expect(w.ledger.balance[CUR.cur]![0]).toBe(40_000);
    expect(w.loans!.owed[CUR.cur]![0]).toBe(44_000);
    expect(w.loans!.claim[CUR.cur]![1]! + w.loans!.claim[CUR.cur]![2]!).toBe(44_000);
  });

  it('a borrower repays a daily instalment, shared by the lenders pro rata to their claims', () => {
    const w = world();
    lend(w);
    w.beginDay(1);
    repay(w);
    const b = w.ledger.balance[CUR.cur]!;
    expect(b[0]).toBe(40_000 - 110); // ceil(40,000 / 365)
    expect(b[1]! + b[2]!).toBe(900_000 - 40_000 + 110);
    expect(b[1]).toBe(500_000 - 26_667 + 73);
    expect(w.loans!.owed[CUR.cur]![0]).toBe(40_000 - 110);
    expect(w.stats.loansRepaid[CUR.cur]).toBe(110);
    expect(() => w.loans!.check(1)).not.toThrow();
  });

  it('a loan still owing at the end of its term is a default: the borrower drops out, the lenders lose pro rata', () => {
    const w = world({ termDays: 10 });
    lend(w);
    const L = w.ledger;
    // A 10-day term caps the loan at 0.25 x 10 days x 10 tokens = 25 tokens, which the borrower spends elsewhere.
    const lent = L.balance[CUR.cur]![0]!;
    expect(lent).toBe(25_000);
    L.post(CUR.cur, KIND.burn, 0, L.bank, lent);
    for (let day = 1; day <= 10; day++) { w.beginDay(day); repay(w); }
    expect(w.agents.status[0]).toBe(STATUS.droppedDefault);
    expect(w.stats.defaults).toBe(1);
    expect(w.stats.writtenOff[CUR.cur]).toBe(lent);
    expect(w.loans!.has(CUR.cur, 0)).toBe(false);
    expect(Array.from(w.loans!.claim[CUR.cur]!)).toEqual([0, 0, 0]);
  });

  it('an agent that owes a loan does not lend, and no loans are made on a day without the hire market', () => {
    const w = world();
    lend(w); // agent 0 now owes 40 tokens and holds them
    w.ledger.post(CUR.cur, KIND.issuance, w.ledger.bank, 0, 900_000); // and becomes rich
    w.agents.upgrading[1] = 1;
    w.ledger.post(CUR.cur, KIND.burn, 1, w.ledger.bank, 500_000 - 26_667); // agent 1 has nothing left
    const before = w.loans!.claim[CUR.cur]![0]!;
    w.beginDay(1);
    w.rate = w.e;
    lend(w);
    expect(w.loans!.has(CUR.cur, 1)).toBe(true);
    expect(w.loans!.claim[CUR.cur]![0]).toBe(before); // agent 0 lent nothing
    const closed = world();
    closed.rate = NaN;
    lend(closed);
    expect(closed.loans!.open).toBe(0);
  });

  it('no loans with a lend share of 0, and none to a producer that can pay itself', () => {
    const off = world({ lendShare: 0 });
    lend(off);
    expect(off.loans!.open).toBe(0);
    const rich = world();
    rich.ledger.post(CUR.cur, KIND.issuance, rich.ledger.bank, 0, 50_000);
    lend(rich);
    expect(rich.loans!.open).toBe(0);
  });

  it('two-token loans are in the token the investment needs: MH for a PC', () => {
    const w = makeWorld({ agents: 3 });
    const L = w.ledger;
    // Agents 1 and 2 hold MH tokens (minted by a test posting; two-token has no bank, but the ledger allows it).
    for (const j of [1, 2]) L.post(CUR.mh, KIND.issuance, L.bank, j, 900_000);
    const ten = Float64Array.from([10, 10, 10]);
    w.workDemand.push(ten); w.workRho.push(ten); w.netRho.push(new Float64Array(3));
    w.agents.upgrading[0] = 1;
    w.rate = w.e;
    lend(w);
    expect(w.loans!.owed[CUR.mh]![0]).toBe(40_000);
    expect(w.loans!.has(CUR.ch, 0)).toBe(false);
  });
});
