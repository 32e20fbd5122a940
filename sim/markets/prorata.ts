/**
 * Pro-rata splits with largest-remainder (Hamilton) rounding: integer parts that sum exactly to the
 * total, so no milli-token is created or lost when an amount is shared. The units left after rounding
 * down go to the largest remainders; ties go to the lower index. The cut (the smallest remainder that
 * still gets a unit) is found without sorting: a histogram of the remainders, with about one bucket per
 * remainder, finds the one bucket that holds it, and a quickselect runs only inside that bucket (a
 * quickselect over all the remainders, whose unpredictable comparisons were most of a split's cost, is
 * left to short splits). The units then go out in one branch-free pass over the remainders above the
 * cut, and a pass for the ties at the cut, lowest index first.
 */
import { select } from '../metrics/stats.js';

let rem = new Float64Array(0);
let scratch = new Float64Array(0);

/** out[i] = share of the integer `total` in proportion to weights[idx[i]], for i < m; sums exactly to total. */
export function prorata(total: number, weights: Float64Array, idx: Int32Array, m: number, out: Float64Array): void {
  if (m === 0) return;
  let wsum = 0;
  for (let i = 0; i < m; i++) wsum += weights[idx[i]!]!;
  if (!(wsum > 0)) throw new Error(`pro-rata split of ${total} over zero weights`);
  if (rem.length < m) { rem = new Float64Array(m * 2); scratch = new Float64Array(m * 2); }
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
  const threshold = cut(m, left); // the `left` largest remainders are >= threshold
  // Fewer than `left` remainders lie above the cut: each gets a unit. r - threshold is in (-1, 1) with
  // the sign of the comparison (two doubles that differ never subtract to 0), so its ceiling is 1 above
  // the cut and 0 (or -0, which adds nothing to a part >= 0) at or below it, without a branch.
  let above = 0;
  for (let i = 0; i < m; i++) {
    const up = Math.ceil(r[i]! - threshold);
    out[i]! += up;
    above += up;
  }
  left -= above;
  for (let i = 0; i < m && left > 0; i++) if (r[i] === threshold) { out[i]! += 1; left--; }
}

/** Splits shorter than this select over all their remainders. */
const SHORT = 32;
const MAX_BUCKETS = 1024;
const counts = new Int32Array(MAX_BUCKETS);

/** The `left`-th largest of rem[0..m), i.e. the (m - left)-th smallest (0-based). */
function cut(m: number, left: number): number {
  const r = rem;
  const s = scratch;
  if (m < SHORT) {
    for (let i = 0; i < m; i++) s[i] = r[i]!; // a copy (not set(subarray): that allocated a view per split)
    return select(s, m, m - left);
  }
  // Remainders are in [0, 1): with a power of two of buckets, bucket floor(rem x buckets) is exact and
  // keeps their order. Find the bucket holding the cut, counting from the top, then select inside it.
  let buckets = SHORT;
  while (buckets < m && buckets < MAX_BUCKETS) buckets *= 2;
  const c = counts;
  c.fill(0, 0, buckets);
  for (let i = 0; i < m; i++) c[(r[i]! * buckets) | 0]!++;
  let above = 0;
  let b = buckets - 1;
  while (above + c[b]! < left) above += c[b--]!;
  let k = 0;
  for (let i = 0; i < m; i++) if (((r[i]! * buckets) | 0) === b) s[k++] = r[i]!;
  return select(s, k, k - (left - above));
}
