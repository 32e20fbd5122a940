/**
 * Order statistics without a full sort where a day needs them: median by quickselect (O(n)), or from
 * the few values near yesterday's median for a series that moves slowly (MedianBracket), and the
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

/**
 * The median of a series that moves a little from one day to the next (the producers' rho), found in
 * one pass while it stays inside a bracket around the last one: the values below the bracket are only
 * counted, the few inside it go to a quickselect. It returns exactly median(a, n) (the same k-th
 * smallest values, the same arithmetic) whatever the bracket, which only decides the speed: a median
 * outside it, or a NaN in a, falls back to median(a, n), and the bracket widens.
 */
export class MedianBracket {
  private lo = NaN;
  private hi = NaN;
  private width = NaN;
  private inside = new Float64Array(0);

  /** median(a, n); reorders a only when it falls back. */
  median(a: Float64Array, n: number): number {
    if (n === 0) return NaN;
    if (this.inside.length < n) this.inside = new Float64Array(n);
    const inside = this.inside;
    const lo = this.lo;
    const hi = this.hi;
    const kHi = n >> 1; // the upper middle rank; the lower one is kHi - 1 when n is even
    const kLo = n % 2 === 1 ? kHi : kHi - 1;
    let below = 0;
    let above = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      below += x < lo ? 1 : 0;
      above += x > hi ? 1 : 0;
      if (x >= lo && x <= hi) inside[m++] = x;
    }
    let med: number;
    if (below + m + above === n && below <= kLo && below + m > kHi) {
      const hiMid = select(inside, m, kHi - below);
      if (n % 2 === 1) med = hiMid;
      else {
        let loMid = -Infinity; // the largest of the kHi smallest, as median() finds it
        for (let i = 0; i < kHi - below; i++) if (inside[i]! > loMid) loMid = inside[i]!;
        med = (loMid + hiMid) / 2;
      }
      if (m > 64) this.width *= 0.5;
    } else {
      med = median(a, n);
      this.width = this.width > 0 && this.width < 1e300 ? this.width * 4 : Math.abs(med) * 0.01 + 1e-9; // no bracket while med is not finite
    }
    this.lo = med - this.width;
    this.hi = med + this.width;
    return med;
  }
}

let vals = new Float32Array(0);
let tmp = new Uint32Array(0);
let viewOf: Float32Array = vals;
let bits: Uint32Array = new Uint32Array(0); // viewOf's bit patterns

/**
 * Gini coefficient of the non-negative values a[0..n) (negative values count as 0); NaN when n = 0 or
 * all are 0. G = sum_i (2i - n - 1) x_(i) / (n sum x), x sorted ascending, i from 1.
 */
export function gini(a: Float64Array, n: number): number {
  if (n === 0) return NaN;
  if (vals.length < n) vals = new Float32Array(n);
  const v = vals;
  for (let i = 0; i < n; i++) v[i] = a[i]! > 0 ? a[i]! : 0;
  return giniF32(v, n);
}

/**
 * The same Gini of values already rounded to float32 in v[0..n), each written as `x > 0 ? x : 0` (so
 * none is NaN or -0: their bit patterns order like the values); sorts v in place. For a caller that
 * fills v in a pass it makes anyway, instead of a float64 copy.
 */
export function giniF32(v: Float32Array, n: number): number {
  if (n === 0) return NaN;
  if (v !== viewOf) { viewOf = v; bits = new Uint32Array(v.buffer, v.byteOffset, v.length); } // once per buffer
  radixSort(bits, n);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    total += x;
    weighted += (2 * (i + 1) - n - 1) * x;
  }
  return total > 0 ? weighted / (n * total) : NaN;
}

/** Four byte-wide digits: the four count tables fit in 4 KB, cheap to clear for the few hundred agents of a day. */
const counts = new Uint32Array(4 * 256);

/**
 * LSD radix sort of a[0..n) by four 8-bit digits, the four histograms counted in one pass; a digit that
 * all keys share (the exponent byte, often) is skipped, as its pass would not move anything.
 */
function radixSort(a: Uint32Array, n: number): void {
  if (tmp.length < n) tmp = new Uint32Array(n);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const k = a[i]!;
    counts[k & 255]!++;
    counts[256 + ((k >>> 8) & 255)]!++;
    counts[512 + ((k >>> 16) & 255)]!++;
    counts[768 + (k >>> 24)]!++;
  }
  let src: Uint32Array = a;
  let dst: Uint32Array = tmp;
  for (let shift = 0, base = 0; shift < 32; shift += 8, base += 256) {
    if (counts[base + ((src[0]! >>> shift) & 255)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 256; d++) { const c = counts[d]!; counts[d] = sum; sum += c; }
    for (let i = 0; i < n; i++) { const v = src[i]!; dst[counts[base + ((v >>> shift) & 255)]!++] = v; }
    const t = src; src = dst; dst = t;
  }
  if (src !== a) for (let i = 0; i < n; i++) a[i] = src[i]!; // an odd number of passes: the result is in tmp
}
