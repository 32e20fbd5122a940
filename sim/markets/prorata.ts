/**
 * Pro-rata splits with largest-remainder (Hamilton) rounding: integer parts that sum exactly to the
 * total, so no milli-token is created or lost when an amount is shared. The units left after rounding
 * down go to the largest remainders, found by quickselect (O(m), no sort); ties go to the lower index.
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
  let given = 0;
  for (let i = 0; i < m; i++) {
    const exact = (total * weights[idx[i]!]!) / wsum;
    const whole = Math.floor(exact);
    out[i] = whole;
    rem[i] = exact - whole;
    given += whole;
  }
  let left = total - given;
  if (left <= 0) return;
  if (left >= m) { // only by float error: spread evenly
    for (let i = 0; left > 0; i = (i + 1) % m, left--) out[i]! += 1;
    return;
  }
  scratch.set(rem.subarray(0, m));
  const threshold = select(scratch, m, m - left); // the `left` largest remainders are >= threshold
  for (let i = 0; i < m && left > 0; i++) if (rem[i]! > threshold) { out[i]! += 1; left--; }
  for (let i = 0; i < m && left > 0; i++) if (rem[i] === threshold) { out[i]! += 1; left--; }
}
