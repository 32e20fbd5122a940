/**
 * A software prefetch for loops that visit agents in random order (a shuffled market queue, the pledge
 * order): read the fields the next visits will read, for the agents idx[from..to). In a large
 * population each of those reads misses the cache; in a loop of independent reads the processor
 * overlaps the misses, while inside the visits each would wait for the one before. Changes nothing:
 * the values are only summed into `sink`, so the reads cannot be optimised away.
 */
export let sink = 0;

export function prefetch(idx: Int32Array, from: number, to: number, fields: readonly Float64Array[]): void {
  let sum = 0;
  for (let f = 0; f < fields.length; f++) {
    const v = fields[f]!;
    for (let k = from; k < to; k++) sum += v[idx[k]!]!;
  }
  sink += sum;
}
