import { describe, expect, it } from 'vitest';
import { sortByKey, sortIdsWithKeys } from '../../sim/economy/keyOrder.js';

/** ids 0..n-1 in a scrambled order, keys with many ties; the expected order by (key, id). */
function case_(n: number, seed: number): { ids: Int32Array; key: Float64Array; expected: number[] } {
  let s = seed;
  const draw = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const key = Float64Array.from({ length: n }, () => Math.floor(draw() * Math.max(1, n / 4)));
  const ids = Int32Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) { const j = Math.floor(draw() * (k + 1)); [ids[k], ids[j]] = [ids[j]!, ids[k]!]; }
  const expected = Array.from({ length: n }, (_, k) => k).sort((a, b) => key[a]! - key[b]! || a - b);
  return { ids, key, expected };
}

describe('economy/keyOrder', () => {
  it('sorts ids by key, equal keys by id, at every size (insertion sort and quicksort paths)', () => {
    for (const n of [0, 1, 2, 16, 17, 100, 5000]) {
      const { ids, key, expected } = case_(n, n + 7);
      sortByKey(ids, n, key);
      expect(Array.from(ids)).toEqual(expected);
    }
  });

  it('sorts only the first n ids', () => {
    const ids = Int32Array.from([3, 1, 2, 0]);
    sortByKey(ids, 3, Float64Array.from([0, 5, 4, 1]));
    expect(Array.from(ids)).toEqual([3, 2, 1, 0]); // keys 1, 4, 5; the fourth id stays
  });

  it('keeps already sorted and reversed input correct (no quadratic pivot trap is needed for that)', () => {
    const n = 3000;
    const key = Float64Array.from({ length: n }, (_, k) => k);
    const up = Int32Array.from({ length: n }, (_, k) => k);
    const down = Int32Array.from({ length: n }, (_, k) => n - 1 - k);
    sortByKey(up, n, key);
    sortByKey(down, n, key);
    expect(Array.from(up)).toEqual(Array.from(down));
    expect(up[0]).toBe(0);
    expect(up[n - 1]).toBe(n - 1);
  });

  it('sortIdsWithKeys moves each key with its id: the same order as sortByKey, and the keys end sorted', () => {
    for (const n of [0, 1, 2, 16, 17, 100, 5000]) {
      const { ids, key, expected } = case_(n, 3 * n + 1);
      const keys = Float64Array.from(ids, (c) => key[c]!);
      sortIdsWithKeys(ids, keys, n);
      expect(Array.from(ids)).toEqual(expected);
      expect(Array.from(keys)).toEqual(expected.map((c) => key[c]!));
    }
  });
});
