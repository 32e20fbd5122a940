/**
 * The order of a genre's campaigns: by key (price per unit of the producer's reputation), equal keys by
 * id. A day's new campaigns are sorted with it before they are merged into their genre's list
 * (sim/economy/campaigns.ts): a quicksort with the comparison written out, since a comparator closure
 * costs a call per comparison and a sort of plain arrays allocates. It sorts ids together with a copy
 * of their keys, so a comparison reads two adjacent numbers instead of a key found through each id.
 */
let scratch = new Float64Array(64);

/** Sort ids[0..n) by (key[id], id) ascending. */
export function sortByKey(ids: Int32Array, n: number, key: Float64Array): void {
  if (scratch.length < n) scratch = new Float64Array(2 * n);
  const keys = scratch;
  for (let j = 0; j < n; j++) keys[j] = key[ids[j]!]!;
  sortIdsWithKeys(ids, keys, n);
}

/**
 * Sort ids[0..n) by (keys, id) ascending, keys[j] being the key of ids[j]: each key moves with its id,
 * so keys[0..n) ends in order too. Insertion sort for short runs inside a quicksort.
 */
export function sortIdsWithKeys(ids: Int32Array, keys: Float64Array, n: number): void {
  quick(ids, keys, 0, n - 1);
}

function before(ka: number, a: number, kb: number, b: number): boolean {
  return ka < kb || (ka === kb && a < b);
}

function quick(ids: Int32Array, keys: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot, moved to hi - 1.
    if (before(keys[mid]!, ids[mid]!, keys[lo]!, ids[lo]!)) swap(ids, keys, mid, lo);
    if (before(keys[hi]!, ids[hi]!, keys[lo]!, ids[lo]!)) swap(ids, keys, hi, lo);
    if (before(keys[hi]!, ids[hi]!, keys[mid]!, ids[mid]!)) swap(ids, keys, hi, mid);
    swap(ids, keys, mid, hi - 1);
    const pivot = ids[hi - 1]!;
    const pivotKey = keys[hi - 1]!;
    let i = lo;
    let j = hi - 1;
    for (;;) {
      do i++; while (before(keys[i]!, ids[i]!, pivotKey, pivot));
      do j--; while (before(pivotKey, pivot, keys[j]!, ids[j]!));
      if (i >= j) break;
      swap(ids, keys, i, j);
    }
    swap(ids, keys, i, hi - 1);
    if (i - lo < hi - i) { quick(ids, keys, lo, i - 1); lo = i + 1; }
    else { quick(ids, keys, i + 1, hi); hi = i - 1; }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = ids[i]!;
    const kx = keys[i]!;
    let j = i - 1;
    while (j >= lo && before(kx, x, keys[j]!, ids[j]!)) { ids[j + 1] = ids[j]!; keys[j + 1] = keys[j]!; j--; }
    ids[j + 1] = x;
    keys[j + 1] = kx;
  }
}

function swap(ids: Int32Array, keys: Float64Array, i: number, j: number): void {
  const t = ids[i]!;
  ids[i] = ids[j]!;
  ids[j] = t;
  const k = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = k;
}
