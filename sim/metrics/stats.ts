/**
 * Order statistics without a full sort where a day needs them: median by quickselect (O(n)), and the
 * Gini coefficient from values sorted by a radix sort on their float32 bit patterns (O(n); non-negative
 * floats order like their bit patterns). simple-statistics has no Gini, so it is here.
 */

/** The k-th smallest of a[0..n) (0-based), reordering a. */
export function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!; a[i] = a[j]!; a[j] = t;
        i++; j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Median of a[0..n), reordering a; NaN when n = 0. */
export function median(a: Float64Array, n: number): number {
  if (n === 0) return NaN;
  const hiMid = select(a, n, n >> 1);
  if (n % 2 === 1) return hiMid;
  let loMid = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i]! > loMid) loMid = a[i]!;
  return (loMid + hiMid) / 2;
}

let keys = new Uint32Array(0);
let tmp = new Uint32Array(0);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * Gini coefficient of the non-negative values a[0..n) (negative values count as 0); NaN when n = 0 or
 * all are 0. G = sum_i (2i - n - 1) x_(i) / (n sum x), x sorted ascending, i from 1.
 */
export function gini(a: Float64Array, n: number): number {
  if (n === 0) return NaN;
  if (keys.length < n) { keys = new Uint32Array(n); tmp = new Uint32Array(n); }
  for (let i = 0; i < n; i++) {
    f32[0] = a[i]! > 0 ? a[i]! : 0;
    keys[i] = u32[0]!;
  }
  radixSort(keys, tmp, n);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    u32[0] = keys[i]!;
    const x = f32[0]!;
    total += x;
    weighted += (2 * (i + 1) - n - 1) * x;
  }
  return total > 0 ? weighted / (n * total) : NaN;
}

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const counts = new Uint32Array(DIGITS);

/** LSD radix sort of a[0..n) by three 11-bit digits (small count tables: cheap for small n too). */
function radixSort(a: Uint32Array, b: Uint32Array, n: number): void {
  let src = a;
  let dst = b;
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[i]! >>> shift) & (DIGITS - 1)]!++;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) { const c = counts[d]!; counts[d] = sum; sum += c; }
    for (let i = 0; i < n; i++) { const v = src[i]!; dst[counts[(v >>> shift) & (DIGITS - 1)]!++] = v; }
    const t = src; src = dst; dst = t;
  }
  if (src !== a) a.set(src.subarray(0, n)); // three passes: the result is in b
}
