/** sim/sweep/shard: the fixed assignment of runs to shards, and the `--shard i/n` flag's value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf, shardRuns } from '../../sim/sweep/shard.js';

describe('sweep/shard', () => {
  it('puts every run in exactly one shard, for any number of runs and any n >= 1', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 60 }), (runs, n) => {
      const items = Array.from({ length: runs }, (_, k) => k);
      const seen = new Map<number, number>();
      for (let i = 1; i <= n; i++) for (const k of shardRuns(items, { index: i, count: n })) seen.set(k, (seen.get(k) ?? 0) + 1);
      expect(seen.size).toBe(runs);
      for (const count of seen.values()) expect(count).toBe(1);
    }));
  });

  it('assigns run k to shard (k mod n) + 1, so the shards differ in size by at most one run', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => shardOf(k, 3))).toEqual([1, 2, 3, 1, 2, 3, 1]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 60 }), (runs, n) => {
      const sizes = Array.from({ length: n }, (_, i) => shardRuns(Array.from({ length: runs }), { index: i + 1, count: n }).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });

  it('reads i/n and refuses anything else, naming the flag and what it expects', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/3', '1.5/3', '']) {
      expect(() => parseShard(bad), bad).toThrow(`--shard expects i/n with 1 <= i <= n <= 100000 (shard i of n, e.g. 2/4), got "${bad}"`);
    }
  });
});
