import { describe, expect, it } from 'vitest';
import { hire } from '../../sim/markets/hire.js';
import { limits } from '../../sim/money/credit.js';
import { shareCh } from '../../sim/economy/production.js';
import { CUR } from '../../sim/money/ledger.js';
import { makeWorld, ledgerSum } from '../helpers/world.js';

/** Three two-token producers: agent 0 earns rho 1.5, agents 1 and 2 rho 0.5; all worth 10 MH-eq a day. */
function world(hireShare = 0.25) {
  const w = makeWorld({ agents: 3, invest: { hireShare, reinvestShare: 1 } });
  limits(w);
  w.rate = w.e = w.eRef;
  const ten = Float64Array.from([10, 10, 10]);
  w.workDemand.push(ten);
  w.workRho.push(ten);
  w.netRho.push(Float64Array.from([15, 5, 5]));
  w.agents.availCh.set([0, 20_000, 20_000]);
  w.agents.availMh.set([0, 8_000, 8_000]);
  return w;
}

describe('markets/hire', () => {
  it('a producer with rho > 1 spends its profit on R&D hours in its recipe mix, at par, from producers with rho < 1', () => {
    const w = world();
    hire(w);
    const sx = shareCh(w.tech, w.e, w.s.goods.baseMh, w.baseCh); // 0.5 at e_ref
    // Profit = (1.5 - 1) x 10 = 5 MH-eq a day: sx x 5 / e CH hours and (1 - sx) x 5 MH hours.
    const ch = Math.floor((5 * sx * 1000) / w.e);
    const mh = Math.floor(5 * (1 - sx) * 1000);
    expect(w.agents.hiredCh[0]).toBe(ch);
    expect(w.agents.hiredMh[0]).toBe(mh);
    // Offers are a quarter of each seller's own hours (5,000 CH, 2,000 MH): the hirer is the short side,
    // so sellers deliver pro rata, half each; at par the hirer pays one token per hour.
    expect(w.agents.soldMh[1]! + w.agents.soldMh[2]!).toBe(mh);
    expect(w.agents.soldCh[1]! + w.agents.soldCh[2]!).toBe(ch);
    expect(w.ledger.balance[CUR.mh]![0]).toBe(-mh);
    expect(w.ledger.balance[CUR.ch]![0]).toBe(-ch);
    expect(w.ledger.balance[CUR.mh]![w.ledger.exchange]).toBe(0);
    expect(ledgerSum(w, 'mh')).toBe(0);
  });

  it('a hire share of 0 turns hiring off', () => {
    const w = world(0);
    hire(w);
    expect(w.agents.hiredMh[0]).toBe(0);
    expect(w.stats.hired).toEqual([0, 0]);
  });
});
