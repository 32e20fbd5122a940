import { describe, expect, it } from 'vitest';
import { sellCopies } from '../../sim/economy/shop.js';
import { limits } from '../../sim/money/credit.js';
import { CUR } from '../../sim/money/ledger.js';
import { makeWorld, ledgerSum } from '../helpers/world.js';

/** Three two-token agents, one genre liked by all; agent 0 has one good on sale at price 9,000. */
function shopWorld(savings: number[], nhat: number) {
  const w = makeWorld({ agents: 3, sale: 'per-copy', genres: { count: 1, liked: 1 }, consumption: { attention: 1 } });
  limits(w); // credit lines, so buyers may pay on credit
  w.shop!.nhat = nhat;
  w.shop!.add(0, 0, 9_000, 8_000);
  savings.forEach((v, i) => { w.agents.savings[i] = v; w.agents.replCh[i] = 10; });
  return w;
}

describe('economy/shop', () => {
  it('each copy pays the price over Nhat to the producer, from the buyer\'s saved budget', () => {
    const w = shopWorld([0, 5_000, 5_000], 3);
    sellCopies(w);
    // 9,000 / 3 = 3,000 a copy: agents 1 and 2 buy one each (agent 0 cannot buy its own good).
    expect(w.shop!.copies[0]).toBe(2);
    expect(w.stats.copies).toBe(2);
    const mh = w.ledger.balance[CUR.mh]!;
    const ch = w.ledger.balance[CUR.ch]!;
    const value = (i: number) => mh[i]! + w.e * ch[i]!;
    // Paid in whole milli-tokens: a payment may fall short of 3,000 by less than one CH token's value.
    expect(Math.abs(value(0) - 6_000)).toBeLessThan(2 * w.e + 1e-9);
    for (const i of [1, 2]) expect(Math.abs(w.agents.savings[i]! - 2_000)).toBeLessThan(w.e + 1e-9);
    expect(ledgerSum(w, 'mh')).toBe(0);
    expect(ledgerSum(w, 'ch')).toBe(0);
  });

  it('a buyer whose savings do not cover a copy saves on and takes none', () => {
    const w = shopWorld([0, 2_999, 0], 3);
    sellCopies(w);
    expect(w.shop!.copies[0]).toBe(0);
    expect(w.agents.savings[1]).toBeCloseTo(2_999, 6);
    expect(w.agents.idleCh[1]).toBe(10); // the replication CH it reserved was not used
  });

  it('Nhat moves toward the copies each good sold by beta, and never below 1', () => {
    const w = shopWorld([0, 5_000, 5_000], 3);
    sellCopies(w);
    expect(w.shop!.nhat).toBeCloseTo(3 + 0.2 * (2 - 3), 12); // 2.8
    const v = shopWorld([0, 0, 0], 1);
    sellCopies(v);
    expect(v.shop!.nhat).toBe(1); // 1 + 0.2 x (0 - 1) = 0.8, held at 1
  });
});
