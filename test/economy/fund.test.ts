import { describe, expect, it } from 'vitest';
import { fund } from '../../sim/economy/fund.js';
import { CUR } from '../../sim/money/ledger.js';
import type { World } from '../../sim/engine/world.js';
import { balances, ledgerSum, makeWorld, pay } from '../helpers/world.js';

const PRODUCER = 0;
const PAYER = 3; // an agent with a deep credit line that hands the pledgers their balances

/**
 * Four agents who all like the one genre; budgets are the whole positive balance (balanceShare 1,
 * no work history) and nobody free-rides, so who pledges what is fixed by the balances alone.
 */
function world(windowDays = 14): World {
  const w = makeWorld({
    agents: 4, seed: 4, genres: { count: 1, liked: 1 }, campaign: { windowDays },
    demand: { balanceShare: 1, freeRide: 0 },
  });
  w.ledger.setFloor(CUR.mh, PAYER, -1e9);
  w.ledger.setFloor(CUR.ch, PAYER, -1e9);
  return w;
}

/** Open a campaign of the producer at a price (milli MH-eq) on the world's day. */
function open(w: World, priceMilli: number): number {
  return w.book.open(PRODUCER, 0, priceMilli, 5_000, 0.7, priceMilli / 0.5, w.day);
}

function escrowHolds(w: World): [number, number] {
  return [w.ledger.balance[CUR.mh]![w.ledger.escrow]!, w.ledger.balance[CUR.ch]![w.ledger.escrow]!];
}

describe('economy/fund', () => {
  it('a campaign is funded when pledges reach its price: escrow pays the producer, the good is released', () => {
    const w = world();
    pay(w, 'mh', PAYER, 1, 10_000);
    const c = open(w, 6_000);
    fund(w);
    // Agent 1's budget is its 10 tokens; the campaign lacks 6: it pledges 6 and keeps 4.
    expect(balances(w, 'mh')).toEqual([6_000, 4_000, 0, -10_000]);
    expect(escrowHolds(w)).toEqual([0, 0]);
    expect(w.book.isOpen(c)).toBe(false);
    expect(w.book.openCount).toBe(0);
    expect(w.stats.campaignsFunded).toBe(1);
    expect(w.stats.goodsReleased).toBe(1);
    expect(w.goodsTotal).toBe(1);
    expect(w.agents.funded[PRODUCER]).toBe(1);
    expect(w.agents.reputation(PRODUCER)).toBe(0.7); // the good's quality joins its producer's reputation
    expect(() => w.ledger.audit()).not.toThrow();
  });

  it('pledges within one milli-token of the price fund the campaign, and the producer gets exactly the pledges', () => {
    const w = world();
    pay(w, 'mh', PAYER, 1, 6_000);
    const c = open(w, 6_001);
    fund(w);
    // 6,001 - 6,000 = 1 milli lacking: funded; escrow pays the 6,000 it holds, not the price.
    expect(w.book.isOpen(c)).toBe(false);
    expect(balances(w, 'mh')).toEqual([6_000, 0, 0, -6_000]);
    expect(w.goodsTotal).toBe(1);
  });

  it('pledges two milli-tokens short leave the campaign open with the pledges in escrow', () => {
    const w = world();
    pay(w, 'mh', PAYER, 1, 6_000);
    const c = open(w, 6_002);
    fund(w);
    expect(w.book.isOpen(c)).toBe(true);
    expect(w.book.pledged(c)).toBe(6_000);
    expect(escrowHolds(w)).toEqual([6_000, 0]);
    expect(balances(w, 'mh')).toEqual([0, 0, 0, -6_000]);
    expect(w.goodsTotal).toBe(0);
  });

  it('two pledgers fund a campaign together and pay exactly its price between them', () => {
    const w = world();
    pay(w, 'mh', PAYER, 1, 10_000);
    pay(w, 'mh', PAYER, 2, 3_000);
    open(w, 12_000);
    fund(w);
    const [p, b1, b2] = balances(w, 'mh');
    // Whoever goes first pledges all it may; the second pays what is still lacking: 12 tokens in all.
    expect(p).toBe(12_000);
    expect(10_000 - b1! + (3_000 - b2!)).toBe(12_000);
    expect(ledgerSum(w, 'mh')).toBe(0);
  });

  it('a producer never pledges to its own campaign', () => {
    const w = world();
    pay(w, 'mh', PAYER, PRODUCER, 10_000);
    const c = open(w, 6_000);
    fund(w);
    expect(w.book.isOpen(c)).toBe(true);
    expect(w.book.pledged(c)).toBe(0);
    expect(balances(w, 'mh')[PRODUCER]).toBe(10_000);
  });

  it('with freeRide 1 everyone skips every campaign and nothing is pledged', () => {
    const w = makeWorld({ agents: 4, seed: 4, genres: { count: 1, liked: 1 }, demand: { balanceShare: 1, freeRide: 1 } });
    w.ledger.setFloor(CUR.mh, PAYER, -1e9);
    pay(w, 'mh', PAYER, 1, 10_000);
    const c = open(w, 6_000);
    fund(w);
    expect(w.book.pledged(c)).toBe(0);
    expect(balances(w, 'mh')[1]).toBe(10_000);
  });

  it('a campaign whose window ends refunds every pledge exactly and releases the good as a gift', () => {
    const w = world(3);
    pay(w, 'mh', PAYER, 1, 6_000);
    pay(w, 'ch', PAYER, 2, 4_000);
    const start = { mh: balances(w, 'mh'), ch: balances(w, 'ch') };
    const c = open(w, 100_000);
    fund(w); // day 0: agent 1 pledges its 6 MH tokens, agent 2 its CH tokens (valued at e)
    expect(balances(w, 'mh')[1]).toBe(0);
    expect(balances(w, 'ch')[2]).toBeLessThan(4_000);
    expect(escrowHolds(w)[0]).toBe(6_000);
    for (const day of [1, 2]) { w.beginDay(day); fund(w); } // still open: 2 days < the 3-day window
    expect(w.book.isOpen(c)).toBe(true);
    w.beginDay(3);
    fund(w);
    // Day 3 - day 0 = the window: refunded. Every pledger is back where it started; the producer got nothing.
    expect(w.book.isOpen(c)).toBe(false);
    expect(balances(w, 'mh')).toEqual(start.mh);
    expect(balances(w, 'ch')).toEqual(start.ch);
    expect(escrowHolds(w)).toEqual([0, 0]);
    expect(w.stats.campaignsRefunded).toBe(1);
    expect(w.stats.campaignsFunded).toBe(0);
    expect(w.agents.refunded[PRODUCER]).toBe(1);
    expect(w.stats.goodsReleased).toBe(1);
    expect(w.goodsTotal).toBe(1);
    expect(w.book.openPledges).toBe(0);
    expect(() => w.ledger.audit()).not.toThrow();
  });

  it('escrow holds exactly the sum of the open pledges of several campaigns', () => {
    const w = world();
    for (const i of [1, 2]) { pay(w, 'mh', PAYER, i, 7_000); pay(w, 'ch', PAYER, i, 3_000); }
    const cs = [open(w, 50_000), open(w, 60_000), open(w, 70_000)];
    fund(w);
    const mh = cs.reduce((s, c) => s + w.book.escrowMh(c), 0);
    const ch = cs.reduce((s, c) => s + w.book.escrowCh(c), 0);
    expect(mh).toBeGreaterThan(0);
    expect(escrowHolds(w)).toEqual([mh, ch]);
    expect(cs.every((c) => w.book.isOpen(c))).toBe(true);
  });

  it('a pledger walks past its own cheapest campaigns, however many, to the campaigns of others', () => {
    const w = makeWorld({
      agents: 4, seed: 4, genres: { count: 1, liked: 1 }, demand: { balanceShare: 1, freeRide: 0, maxCampaigns: 2 },
    });
    w.ledger.setFloor(CUR.mh, PAYER, -1e9);
    pay(w, 'mh', PAYER, 1, 10_000);
    const own = Array.from({ length: 20 }, (_, k) => w.book.open(1, 0, 1_000, 500, 0.5, k, w.day)); // keys 0..19
    const c = open(w, 6_000); // key 12,000: the dearest
    fund(w);
    expect(own.every((o) => w.book.pledged(o) === 0)).toBe(true);
    expect(w.book.isOpen(c)).toBe(false); // agent 1 found it past its 20 own campaigns and funded it
    expect(balances(w, 'mh')).toEqual([6_000, 4_000, 0, -10_000]);
  });

  it('fills campaigns cheapest per reputation first, each up to what it lacks, until the budget is spent', () => {
    const w = world();
    pay(w, 'mh', PAYER, 1, 10_000);
    // Keys (price / reputation) order the walk: 3,000 (cheap), then 4,000, then 5,000.
    const a = w.book.open(PRODUCER, 0, 3_000, 1_000, 0.5, 3_000, w.day);
    const b = w.book.open(PRODUCER, 0, 4_000, 1_000, 0.5, 4_000, w.day);
    const c = w.book.open(PRODUCER, 0, 5_000, 1_000, 0.5, 5_000, w.day);
    fund(w);
    // 10 tokens: a (3) and b (4) are completed, c gets the 3 left (not an even split of 3.33 each).
    expect([w.book.isOpen(a), w.book.isOpen(b), w.book.isOpen(c)]).toEqual([false, false, true]);
    expect(w.book.pledged(c)).toBe(3_000);
    expect(balances(w, 'mh')).toEqual([7_000, 0, 0, -10_000]);
    expect(w.stats.pledgers).toBe(1);
    expect(w.stats.pledgersCapped).toBe(0);
  });

  it('a free-ridden campaign keeps what the agent would have pledged to it unspent that day', () => {
    const w = makeWorld({ agents: 4, seed: 4, genres: { count: 1, liked: 1 }, demand: { balanceShare: 1, freeRide: 0.5 } });
    w.ledger.setFloor(CUR.mh, PAYER, -1e9);
    pay(w, 'mh', PAYER, 1, 10_000);
    // Ten campaigns of 1 token each: with its 10 tokens and no skipping it would fund all ten. Each
    // skip spends a token's worth of budget without paying it, so it funds fewer and keeps the rest.
    const cs = Array.from({ length: 10 }, (_, k) => w.book.open(PRODUCER, 0, 1_000, 500, 0.5, k, w.day));
    fund(w);
    const funded = cs.filter((c) => !w.book.isOpen(c)).length;
    expect(funded).toBeGreaterThan(0);
    expect(funded).toBeLessThan(10);
    expect(cs.filter((c) => w.book.isOpen(c)).every((c) => w.book.pledged(c) === 0)).toBe(true); // skipped ones got nothing
    expect(balances(w, 'mh')[1]).toBe(10_000 - 1_000 * funded);
  });

  it('the maxCampaigns guard stops an agent with budget and campaigns left, and that agent-day is counted', () => {
    const w = makeWorld({ agents: 4, seed: 4, genres: { count: 1, liked: 1 }, demand: { balanceShare: 1, freeRide: 0, maxCampaigns: 3 } });
    w.ledger.setFloor(CUR.mh, PAYER, -1e9);
    pay(w, 'mh', PAYER, 1, 10_000);
    const cs = Array.from({ length: 5 }, (_, k) => w.book.open(PRODUCER, 0, 1_000, 500, 0.5, k, w.day));
    fund(w);
    // It visits three campaigns, funds them, and is stopped with 7 tokens and two campaigns left.
    expect(cs.map((c) => w.book.isOpen(c))).toEqual([false, false, false, true, true]);
    expect(balances(w, 'mh')[1]).toBe(7_000);
    expect(w.stats.pledgersCapped).toBe(1);
    expect(w.stats.pledgers).toBe(1);
  });

  it('the guard is not counted when the budget runs out first', () => {
    const w = makeWorld({ agents: 4, seed: 4, genres: { count: 1, liked: 1 }, demand: { balanceShare: 1, freeRide: 0, maxCampaigns: 3 } });
    w.ledger.setFloor(CUR.mh, PAYER, -1e9);
    pay(w, 'mh', PAYER, 1, 3_000);
    Array.from({ length: 5 }, (_, k) => w.book.open(PRODUCER, 0, 1_000, 500, 0.5, k, w.day));
    fund(w);
    expect(balances(w, 'mh')[1]).toBe(0);
    expect(w.stats.pledgersCapped).toBe(0);
  });

  it('the cost of every funded good at opening is summed in MH-equivalents', () => {
    const w = world();
    pay(w, 'mh', PAYER, 1, 10_000);
    w.book.open(PRODUCER, 0, 3_000, 1_250, 0.5, 1, w.day);
    w.book.open(PRODUCER, 0, 4_000, 2_500, 0.5, 2, w.day);
    fund(w);
    expect(w.stats.costFundedSum).toBeCloseTo(3.75, 12);
  });

  it('an agent holding only CH tokens passes a campaign that lacks less than one CH token and pledges to the next', () => {
    const w = world();
    w.e = 3; // a CH token is worth 3 milli MH-eq: a campaign lacking 2 milli cannot take one
    pay(w, 'ch', PAYER, 1, 1_000); // 1 CH token: worth 3 MH-eq
    const nearly = w.book.open(PRODUCER, 0, 1_000, 500, 0.5, 1, w.day);
    w.book.addPledge(nearly, PAYER, 998, 0, 998); // lacks 2 milli
    const next = w.book.open(PRODUCER, 0, 2_400, 500, 0.5, 2, w.day);
    fund(w);
    expect(w.book.isOpen(nearly)).toBe(true); // nothing it holds fits into 2 milli
    expect(w.book.isOpen(next)).toBe(false); // 800 milli-CH x 3 = 2,400: funded
    expect(balances(w, 'ch')[1]).toBe(200);
  });
});
