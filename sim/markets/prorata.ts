/**
 * Pro-rata splits with largest-remainder (Hamilton) rounding: integer parts that sum exactly to the
 * total, so no milli-token is created or lost when an amount is shared. The units left after rounding
 * down go to the largest remainders, found by quickselect (O(m), no sort); ties go to the lower index.
 * For long splits the quickselect runs only inside the one bucket of a histogram of the remainders that
 * holds the cut (its unpredictable comparisons were most of a long split's cost).
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
  for (let i = 0; i < m && left > 0; i++) if (r[i]! > threshold) { out[i]! += 1; left--; }
  for (let i = 0; i < m && left > 0; i++) if (r[i] === threshold) { out[i]! += 1; left--; }
}

const BUCKETS = 1024;
const counts = new Int32Array(BUCKETS);

/** The `left`-th largest of rem[0..m), i.e. the (m - left)-th smallest (0-based). */
function cut(m: number, left: number): number {
  const r = rem;
  const s = scratch;
  if (m < 4 * BUCKETS) {
    for (let i = 0; i < m; i++) s[i] = r[i]!; // a copy (not set(subarray): that allocated a view per split)
    return select(s, m, m - left);
  }
  // Remainders are in [0, 1): bucket floor(rem x BUCKETS) is exact and keeps their order. Find the
  // bucket holding the cut, counting from the top, then select inside it.
  counts.fill(0);
  for (let i = 0; i < m; i++) counts[(r[i]! * BUCKETS) | 0]!++;
  let above = 0;
  let b = BUCKETS - 1;
  while (above + counts[b]! < left) above += counts[b--]!;
  let k = 0;
  for (let i = 0; i < m; i++) if (((r[i]! * BUCKETS) | 0) === b) s[k++] = r[i]!;
  return select(s, k, k - (left - above));
}
