/**
 * Whether hyparquet-writer would turn down dictionary encoding for a column of numbers on its sample
 * alone, found faster than it finds it, so that sim/io/parquet.ts can ask for PLAIN pages outright.
 * The pages written are the same either way: this only spares the writer its sampling.
 *
 * Before it encodes a column chunk without an explicit encoding, hyparquet-writer (0.17.0, pinned in
 * package.json; src/dictionary.js, `useDictionary`) samples min(n, 1000) of its n values at positions
 * floor(i (n - 1) / (sampleSize - 1)), keys them in two Maps, and writes PLAIN pages when the sample's
 * distinct values take more than 90 % of its bytes: for INT32 and DOUBLE every value takes the same
 * bytes and a null none, so when distinct non-null values / non-null values > 0.9, or when every
 * sampled value is null. In the columns of metrics.parquet most values of a run are distinct, so the
 * sample nearly always turns the dictionary down, and the Maps were a tenth of finishing the claims
 * protocol. Here the same sample is counted in an open-addressing table of the values' bits.
 * (When the sample does not turn it down, no hint is given: the writer takes its own sample, then
 * builds the whole column's dictionary and keeps it only if it is at most half the column's bytes.) The hint holds
 * for the values the writer is given as one row group, as ParquetFile.group gives them.
 */
import type { ParquetCell } from './parquet.js';

/** The writer's sample: at most this many values (src/dictionary.js). */
const SAMPLE = 1000;
/** The writer's threshold: turned down when distinct bytes / bytes > 0.9. */
const REJECTION_RATIO = 0.9;

/** Slots of the table: a power of two, four times the sample. */
const SLOT_BITS = 12;
const SLOTS = 1 << SLOT_BITS;
const slotValue = new Float64Array(SLOTS);
/** The stamp of the count that filled each slot: a slot is empty unless it holds the current stamp. */
const slotStamp = new Int32Array(SLOTS);
let stamp = 0;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * True when hyparquet-writer's sample turns down dictionary encoding of `values` (numbers or nulls, an
 * INT32 or DOUBLE column). Distinct as in a Map: -0 is 0 (and a NaN is one value, though cells hold none).
 */
export function sampleRejectsDictionary(values: ArrayLike<ParquetCell>): boolean {
  const n = values.length;
  const size = Math.min(n, SAMPLE);
  if (++stamp === 2 ** 31 - 1) { stamp = 1; slotStamp.fill(0); }
  let present = 0;
  let distinct = 0;
  let nan = false;
  for (let i = 0; i < size; i++) {
    const at = size === 1 ? 0 : Math.floor(i * (n - 1) / (size - 1));
    const v = values[at];
    if (v === null || v === undefined) continue;
    present++;
    if ((v as number) !== v) { // NaN: one key, as in a Map
      if (!nan) { nan = true; distinct++; }
      continue;
    }
    const x = (v as number) === 0 ? 0 : (v as number); // -0 and 0 are one key
    bits[0] = x;
    let h = Math.imul(words[0]! ^ words[1]!, 0x9e3779b1) >>> (32 - SLOT_BITS);
    for (;;) {
      if (slotStamp[h] !== stamp) { slotStamp[h] = stamp; slotValue[h] = x; distinct++; break; }
      if (slotValue[h] === x) break;
      h = (h + 1) & (SLOTS - 1);
    }
  }
  // The writer's test, on the same integers: each value's bytes are alike, so they cancel out of it
  // except in the rounding of the quotient, which is that of distinct / present either way.
  return present === 0 || distinct / present > REJECTION_RATIO;
}
