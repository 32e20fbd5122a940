/**
 * Shards: a sweep split over n processes (or machines, or scheduler tasks) by a fixed rule of the plan,
 * so each can run on its own and `abundance merge` can put them back together (docs/scale-out.md).
 *
 *   run k of the plan (0-based, in sweep.json order)  ->  shard (k mod n) + 1      (shards are 1..n)
 *
 * Round robin rather than contiguous blocks: the plan lists a preset's points and replicates together,
 * so blocks would give one shard all the big runs of a slow preset; k mod n spreads every preset and
 * point evenly. Every run is in exactly one shard for every n >= 1 (test/sweep/shard.test.ts).
 */

export interface Shard {
  /** 1..count */
  index: number;
  count: number;
}

/** The largest shard count accepted: a typo must not make a million folders. */
export const MAX_SHARDS = 100_000;

/** The shard of run k (0-based plan index) when the plan is split in `count`. */
export function shardOf(k: number, count: number): number {
  return (k % count) + 1;
}

/** The runs of `items` (in plan order) that belong to `shard`. */
export function shardRuns<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, k) => shardOf(k, shard.count) === shard.index);
}

/** `i/n` as a Shard; throws a message naming the flag and what it expects. */
export function parseShard(text: string, flag = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const count = m === null ? NaN : Number(m[2]);
  const index = m === null ? NaN : Number(m[1]);
  if (!(Number.isSafeInteger(count) && count >= 1 && count <= MAX_SHARDS && Number.isSafeInteger(index) && index >= 1 && index <= count)) {
    throw new Error(`${flag} expects i/n with 1 <= i <= n <= ${MAX_SHARDS} (shard i of n, e.g. 2/4), got "${text}"`);
  }
  return { index, count };
}

export const shardText = (s: Shard): string => `${s.index}/${s.count}`;
