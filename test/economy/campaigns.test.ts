import { describe, expect, it } from 'vitest';
import { CampaignBook } from '../../sim/economy/campaigns.js';

describe('economy/campaigns', () => {
  it('admitted campaigns are listed per genre, cheapest key first', () => {
    const book = new CampaignBook(2);
    const a = book.open(0, 0, 9_000, 1, 0.5, 30, 0);
    const b = book.open(1, 0, 9_000, 1, 0.5, 10, 0);
    const c = book.open(2, 1, 9_000, 1, 0.5, 5, 0);
    expect(book.listed(0)).toEqual([]); // pending until admitted
    book.admitPending();
    expect(book.listed(0)).toEqual([b, a]);
    expect(book.listed(1)).toEqual([c]);
    // A later, cheaper campaign is merged in at its place.
    const d = book.open(3, 0, 9_000, 1, 0.5, 20, 1);
    book.admitPending();
    expect(book.listed(0)).toEqual([b, d, a]);
    expect(book.openCount).toBe(4);
  });

  it('pledges add up in escrow; a refund visits each pledge once at the sweep, and funded pledges are dropped', () => {
    const book = new CampaignBook(1);
    const c = book.open(0, 0, 10_000, 8_000, 0.5, 1, 0);
    const d = book.open(0, 0, 10_000, 8_000, 0.5, 2, 0);
    book.addPledge(c, 1, 3_000, 0, 3_000);
    book.addPledge(d, 3, 500, 0, 500);
    book.addPledge(c, 2, 1_000, 2_000, 2_600); // 1,000 MH + 2,000 CH at e = 0.8
    expect([book.escrowMh(c), book.escrowCh(c), book.pledged(c), book.pledges(c)]).toEqual([4_000, 2_000, 5_600, 2]);
    expect(book.lacking(c)).toBe(4_400);
    expect(book.openPledges).toBe(3);
    book.close(c, true);
    expect(book.openPledges).toBe(1);
    expect(book.isOpen(c)).toBe(false);
    expect(book.openCount).toBe(1);
    const visited: [number, number, number][] = [];
    book.sweep((agent, mh, ch) => visited.push([agent, mh, ch]));
    expect(visited).toEqual([[1, 3_000, 0], [2, 1_000, 2_000]]);
    expect(book.logLength).toBe(1); // d's pledge, still open
    book.close(d, false); // funded: nothing to give back
    book.sweep((agent) => visited.push([agent, 0, 0]));
    expect(visited).toHaveLength(2);
    expect(book.logLength).toBe(0);
    expect(book.openPledges).toBe(0);
  });

  it('a closed campaign leaves its genre list at the next admit, and only then is its id reused', () => {
    const book = new CampaignBook(1);
    const a = book.open(0, 0, 1, 1, 0.5, 1, 0);
    const b = book.open(1, 0, 1, 1, 0.5, 2, 0);
    book.admitPending();
    book.close(a, false);
    const c = book.open(2, 0, 1, 1, 0.5, 3, 0);
    expect(c).not.toBe(a); // a is still listed until the next admit
    book.admitPending();
    expect(book.listed(0)).toEqual([b, c]);
    const d = book.open(3, 0, 1, 1, 0.5, 4, 1);
    expect(d).toBe(a); // now recycled
  });

  it('after a day of many closes, every refunded pledge goes back once and the ids come back last closed first', () => {
    const book = new CampaignBook(2);
    const ids: number[] = [];
    for (let k = 0; k < 150; k++) ids.push(book.open(k % 5, k % 2, 1_000, 1, 0.5, k, 0));
    for (const c of ids) book.addPledge(c, 7, 10, 0, 10);
    book.admitPending();
    const closed = [...ids].reverse().filter((_, k) => k % 3 !== 0); // 100 closes, in this order
    closed.forEach((c, k) => book.close(c, k % 4 !== 0)); // three in four for a refund
    let refunds = 0;
    book.sweep(() => refunds++);
    expect(refunds).toBe(75);
    expect(book.logLength).toBe(50);
    book.admitPending();
    const reused = Array.from({ length: 100 }, (_, k) => book.open(0, 0, 1, 1, 0.5, k, 1));
    expect(reused).toEqual([...closed].reverse());
    expect(book.open(0, 0, 1, 1, 0.5, 0, 1)).toBe(150); // then fresh ids
    // A second day with no closes: the reused campaigns keep their new pledges, nothing is refunded
    // again, and no id is handed out twice.
    book.admitPending();
    for (const c of reused) book.addPledge(c, 8, 5, 0, 5);
    let again = 0;
    book.sweep(() => again++);
    expect(again).toBe(0);
    book.admitPending();
    expect(reused.every((c) => book.isOpen(c) && book.escrowMh(c) === 5)).toBe(true);
    expect(book.open(0, 0, 1, 1, 0.5, 0, 2)).toBe(151);
  });

  it('the pools grow past their first capacity without losing campaigns or pledges', () => {
    const book = new CampaignBook(1);
    const ids: number[] = [];
    for (let k = 0; k < 3000; k++) ids.push(book.open(k % 7, 0, 1_000 + k, 1, 0.5, k, 0));
    for (const c of ids) { book.addPledge(c, 1, 1, 0, 1); book.addPledge(c, 2, 2, 0, 2); }
    book.admitPending();
    expect(new Set(ids).size).toBe(3000);
    expect(book.listed(0)).toEqual(ids); // keys 0..2999 ascending
    expect(ids.every((c, k) => book.price(c) === 1_000 + k && book.escrowMh(c) === 3)).toBe(true);
    expect(book.openPledges).toBe(6000);
  });

  it('a day of many new campaigns is listed by key, equal keys by id, and merged after the listed ones of equal key', () => {
    const book = new CampaignBook(1);
    const old = [book.open(0, 0, 1, 1, 0.5, 7, 0), book.open(0, 0, 1, 1, 0.5, 3, 0)];
    book.admitPending();
    let seed = 12345;
    const draw = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids: number[] = [];
    for (let k = 0; k < 500; k++) ids.push(book.open(k % 5, 0, 1, 1, 0.5, Math.floor(draw() * 40) / 4, 1)); // many ties
    book.admitPending();
    const all = [...old, ...ids];
    const expected = [...all].sort((a, b) => book.key[a]! - book.key[b]! || (old.includes(a) ? -1 : old.includes(b) ? 1 : a - b));
    expect(book.listed(0)).toEqual(expected);
  });
});
