import { describe, expect, it } from 'vitest';
import { CampaignBook } from '../../sim/economy/campaigns.js';
import { Fronts } from '../../sim/economy/fronts.js';

/** A book of one genre with `n` campaigns of keys 0..n-1 (campaign k of producer k % 3), admitted. */
function book(n: number): { book: CampaignBook; ids: number[] } {
  const b = new CampaignBook(1);
  const ids: number[] = [];
  for (let k = 0; k < n; k++) ids.push(b.open(k % 3, 0, 1_000, 1, 0.5, k, 0));
  b.admitPending();
  return { book: b, ids };
}

const front = (f: Fronts, g: number): number[] => {
  const base = f.front(g);
  return Array.from(f.ids.subarray(base, base + f.len[g]!));
};

describe('economy/fronts', () => {
  it("a genre's front is its first open campaigns in key order, and is rebuilt after one closes", () => {
    const { book: b, ids } = book(30);
    const f = new Fronts(1);
    f.begin(b, 8);
    expect(front(f, 0)).toEqual(ids.slice(0, 8));
    expect(f.deeper(0)).toBe(true);
    for (const k of [0, 1, 5]) b.close(ids[k]!, false);
    f.invalidate(0);
    expect(front(f, 0)).toEqual([2, 3, 4, 6, 7, 8, 9, 10].map((k) => ids[k]));
    const base = f.front(0);
    expect(Array.from(f.pos.subarray(base, base + 8))).toEqual([2, 3, 4, 6, 7, 8, 9, 10]); // list positions
    expect(Array.from(f.producers.subarray(base, base + 3))).toEqual([2, 0, 1]);
  });

  it('a front refreshed after closes is the one built from scratch, also when it runs into the list end', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const { book: b, ids } = book(40);
    const f = new Fronts(1);
    f.begin(b, 4);
    const fresh = new Fronts(1);
    for (let day = 0; day < 12; day++) {
      front(f, 0); // built, then refreshed after each round of closes
      const open = ids.filter((c) => b.isOpen(c));
      for (let j = 0; j < 3 && open.length > 0; j++) {
        const c = open.splice(next() < 0.7 ? 0 : Math.floor(next() * open.length), 1)[0]!;
        b.close(c, false);
      }
      f.invalidate(0);
      fresh.begin(b, 4);
      expect(front(f, 0)).toEqual(front(fresh, 0));
      expect(Array.from(f.pos.subarray(0, f.len[0]!))).toEqual(Array.from(fresh.pos.subarray(0, fresh.len[0]!)));
      expect(f.deeper(0)).toBe(fresh.deeper(0));
    }
    expect(front(f, 0).length).toBe(4); // 36 of 40 closed: the last 4 are left
  });

  it('past the front, the walk skips closed campaigns and finds the end of the list', () => {
    const { book: b, ids } = book(12);
    const f = new Fronts(1);
    f.begin(b, 4);
    for (const k of [5, 6, 7, 11]) b.close(ids[k]!, false);
    expect(f.nextOpen(0, 4)).toBe(4);
    expect(f.nextOpen(0, 5)).toBe(8); // over 5, 6, 7
    expect(f.nextOpen(0, 6)).toBe(8); // the compressed links still lead to the next open one
    expect(f.nextOpen(0, 11)).toBe(12); // none left: the list's length
  });

  it('a short list fills less than a front and has nothing deeper', () => {
    const { book: b, ids } = book(3);
    const f = new Fronts(1);
    f.begin(b, 8);
    expect(front(f, 0)).toEqual(ids);
    expect(f.deeper(0)).toBe(false);
  });
});
