import { describe, expect, it } from 'vitest';
import { auction } from '../../sim/markets/auction.js';
import { CUR, KIND } from '../../sim/money/ledger.js';
import { makeWorld } from '../helpers/world.js';

/** Four S1 agents: 0 and 1 sell CH and buy MH; 2 and 3 the reverse. */
function market() {
  const w = makeWorld({ agents: 4, institutions: { money: 'fixed-stock', inputs: 'auction', pricing: 'markup' }, market: { wageDays: 10 } });
  const L = w.ledger;
  for (let i = 0; i < 4; i++) L.post(CUR.cur, KIND.issuance, L.bank, i, 100_000); // M = 400 cur
  w.rate = 0.5; // the cleared relative price q: a CH is worth half a MH
  w.e = 0.5;
  w.hoursUsedYesterday = 8; // H, MH-equivalents
  const a = w.agents;
  a.planCh.set([-4000, -4000, 2000, 2000]); // milli-hours
  a.planMh.set([1000, 1000, -2000, -2000]);
  return w;
}

describe('markets/auction', () => {
  it('the wage is M / (k_w H) and the CH price is q times it', () => {
    const w = market();
    auction(w);
    expect(w.wage).toBeCloseTo(400 / (10 * 8), 12); // 5 cur per MH
  });

  it('the long side is rationed pro rata, buyers pay the price and sellers are paid for what they deliver', () => {
    const w = market();
    auction(w);
    const a = w.agents;
    // CH at r = 0.5 x 5 = 2.5 cur/h: bids 4000 milli-hours against 8000 offered; sellers deliver 2000 each.
    expect(Array.from(a.soldCh)).toEqual([2000, 2000, 0, 0]);
    expect(Array.from(a.boughtCh)).toEqual([0, 0, 2000, 2000]);
    // MH at 5 cur/h: bids 2000 against 4000 offered; each labour-rich seller delivers 1000.
    expect(Array.from(a.soldMh)).toEqual([0, 0, 1000, 1000]);
    // Agent 2 paid 2000 x 2.5 = 5000 milli-cur for CH and got 1000 x 5 = 5000 for MH: its balance is back at 100,000.
    const b = Array.from(w.ledger.balance[CUR.cur]!.subarray(0, 4));
    expect(b).toEqual([100_000, 100_000, 100_000, 100_000]);
    expect(w.ledger.balance[CUR.cur]![w.ledger.exchange]).toBe(0);
    expect(w.stats.inputPaid[CUR.cur]).toBe(2 * 5000 + 2 * 5000);
  });

  it('a buyer short of money cuts its bid to what it can pay', () => {
    const w = market();
    const L = w.ledger;
    L.post(CUR.cur, KIND.input, 2, 0, 99_000); // agent 2 keeps 1,000 milli-cur
    auction(w);
    // It can pay floor((1000 - 2) / 2.5) = 399 milli-hours of CH.
    expect(w.agents.boughtCh[2]).toBe(399);
    expect(w.agents.boughtCh[3]).toBe(2000);
  });
});
