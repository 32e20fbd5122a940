/**
 * Pro-rata splits with largest-remainder (Hamilton) rounding: integer parts that sum exactly to the
 * total, so no milli-token is created or lost when an amount is shared. The units left after rounding
 * down go to the largest remainders; ties go to the lower index. The cut (the smallest remainder that
 * still gets a unit) is found without sorting: a histogram of the remainders, with about one bucket per
 * remainder, finds the one bucket that holds it, and a quickselect runs only inside that bucket (a
 * quickselect over all the remainders, whose unpredictable comparisons were most of a split's cost, is
 * left to short splits). In the same pass that lists that bucket, every remainder in a bucket above it
 * gets its unit, without a branch; then the bucket's own remainders above the cut, and its ties at the
 * cut, lowest index first. `splitOrCopy` skips the split where its shares are the weights themselves.
 */
import { select } from '../metrics/stats.js';

let rem = new Float64Array(0);
let scratch = new Float64Array(0);
let selectBuf = new Float64Array(0);
let inBucket = new Int32Array(0);

/** out[i] = share of the integer `total` in proportion to weights[idx[i]], for i < m; sums exactly to total. */
export function prorata(total: number, weights: Float64Array, idx: Int32Array, m: number, out: Float64Array): void {
  if (m === 0) return;
  let wsum = 0;
  for (let i = 0; i < m; i++) wsum += weights[idx[i]!]!;
  if (!(wsum > 0)) throw new Error(`pro-rata split of ${total} over zero weights`);
  if (rem.length < m) { rem = new Float64Array(m * 2); scratch = new Float64Array(m * 2); selectBuf = new Float64Array(m * 2); inBucket = new Int32Array(m * 2); }
  const r = rem; // a local: V8 reloads a module binding at every use
  let given = 0;
  for (let i = 0; i < m; i++) {
    const exact = (total * weights[idx[i]!]!) / wsum;
    const whole = Math.floor(exact);
    out[i] = whole;
    r[i] = exact - whole;
    given += whole;
  }
  let left = total - given;
  if (left <= 0) return;
  if (left >= m) { // only by float error: spread evenly
    for (let i = 0; left > 0; i = (i + 1) % m, left--) out[i]! += 1;
    return;
  }
  if (m < SHORT) {
    // The cut (the smallest remainder that still gets a unit) by a select over all the remainders.
    const sc = scratch;
    for (let i = 0; i < m; i++) sc[i] = r[i]!; // a copy (not set(subarray): that allocated a view per split)
    const threshold = select(sc, m, m - left);
    // Fewer than `left` remainders lie above the cut: each gets a unit. r - threshold is in (-1, 1) with
    // the sign of the comparison (two doubles that differ never subtract to 0), so its ceiling is 1
    // above the cut and 0 (or -0, which adds nothing to a part >= 0) at or below it, without a branch.
    let above = 0;
    for (let i = 0; i < m; i++) {
      const up = Math.ceil(r[i]! - threshold);
      out[i]! += up;
      above += up;
    }
    left -= above;
    for (let i = 0; i < m && left > 0; i++) if (r[i] === threshold) { out[i]! += 1; left--; }
    return;
  }
  // Remainders are in [0, 1): with a power of two of buckets, bucket floor(rem x buckets) is exact and
  // keeps their order. Count them by bucket and find the bucket that holds the cut, counting from the top.
  let buckets = SHORT;
  while (buckets < m && buckets < MAX_BUCKETS) buckets *= 2;
  const c = counts;
  c.fill(0, 0, buckets);
  for (let i = 0; i < m; i++) c[(r[i]! * buckets) | 0]!++;
  let above = 0;
  let b = buckets - 1;
  while (above + c[b]! < left) above += c[b--]!;
  // One pass: a unit to every remainder in a bucket above b ((b - bucket) >>> 31 is 1 there, 0 else,
  // without a branch); bucket b's remainders are listed, in index order, for the cut among them.
  const at = inBucket;
  const v = scratch;
  let k = 0;
  for (let i = 0; i < m; i++) {
    const bucket = (r[i]! * buckets) | 0;
    out[i]! += (b - bucket) >>> 31;
    if (bucket === b) { at[k] = i; v[k] = r[i]!; k++; }
  }
  left -= above;
  // The `left` largest of bucket b's k remainders, ties to the lower index: those above the cut, then
  // those at it, in index order.
  const sel = selectBuf;
  for (let t = 0; t < k; t++) sel[t] = v[t]!;
  const threshold = select(sel, k, k - left);
  for (let t = 0; t < k; t++) if (v[t]! > threshold) { out[at[t]!]! += 1; left--; }
  for (let t = 0; t < k && left > 0; t++) if (v[t] === threshold) { out[at[t]!]! += 1; left--; }
}

/** Splits shorter than this select over all their remainders. */
const SHORT = 32;
const MAX_BUCKETS = 1024;
const counts = new Int32Array(MAX_BUCKETS);

/**
 * out[k] = weights[idx[k]], the pro-rata split of `total` when total is the weights' sum, as `prorata`
 * would give it: weights and total are integers with total x weight <= total^2 <= 2^53, so each exact
 * share total x w / total is w itself, with no remainder. Else it is `prorata`. For the markets, where
 * the split of a payment over the fills it pays for is often such a copy (par prices).
 */
export function splitOrCopy(total: number, sum: number, weights: Float64Array, idx: Int32Array, m: number, out: Float64Array): void {
  if (total === sum && total * total <= EXACT) for (let k = 0; k < m; k++) out[k] = weights[idx[k]!]!;
  else prorata(total, weights, idx, m, out);
}
const EXACT = 2 ** 53;
