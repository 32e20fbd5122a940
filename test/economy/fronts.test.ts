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
  it("a genre's front is its first open campaigns in key order, and is made current again after one closes", () => {
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

  it('a front refreshed after closes is the one built from scratch, entry for entry, in every genre, also when all of it closes or the list runs short', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const G = 3;
    const size = 4;
    const entries = (f: Fronts, g: number) => {
      const base = f.front(g);
      const at = (a: ArrayLike<number>) => Array.from({ length: f.len[g]! }, (_, k) => a[base + k]!);
      return { ids: at(f.ids), pos: at(f.pos), keys: at(f.keys), producers: at(f.producers), deeper: f.deeper(g) };
    };
    let wholeFronts = 0;
    let short = 0;
    for (let trial = 0; trial < 60; trial++) {
      const b = new CampaignBook(G);
      const ids: number[][] = Array.from({ length: G }, () => []);
      const n = 3 + Math.floor(next() * 20);
      for (let k = 0; k < G * n; k++) {
        const g = k % G;
        ids[g]!.push(b.open(k % 7, g, 1_000, 1, 0.5, Math.floor(next() * 50), 0)); // keys may tie
      }
      b.admitPending();
      const f = new Fronts(G);
      f.begin(b, size);
      for (let round = 0; round < 8; round++) {
        for (let g = 0; g < G; g++) {
          const before = entries(f, g).ids; // built or refreshed: current
          const open = ids[g]!.filter((c) => b.isOpen(c));
          // Close the whole front, or some of it and some beyond, or nothing.
          const r = next();
          const closing = r < 0.2 ? before : open.filter(() => next() < (r < 0.6 ? 0.3 : 0.05));
          if (r < 0.2 && before.length > 0) wholeFronts++;
          for (const c of closing) if (b.isOpen(c)) b.close(c, false);
          if (closing.length > 0) f.invalidate(g);
        }
        const fresh = new Fronts(G);
        fresh.begin(b, size);
        for (let g = 0; g < G; g++) {
          const got = entries(f, g);
          expect(got, `trial ${trial} round ${round} genre ${g}`).toEqual(entries(fresh, g));
          if (got.ids.length < size) short++;
        }
      }
    }
    expect(wholeFronts).toBeGreaterThan(20); // the cases the test is for did happen
    expect(short).toBeGreaterThan(20);
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
