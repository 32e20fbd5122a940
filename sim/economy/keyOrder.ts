/**
 * The order of a genre's campaigns: by key (price per unit of the producer's reputation), equal keys by
 * id. A day's new campaigns are sorted with it before they are merged into their genre's list
 * (sim/economy/campaigns.ts): a quicksort on the ids with the comparison written out, since a comparator
 * closure costs a call per comparison and a sort of plain arrays allocates.
 */
/** Sort ids[0..n) by (key, id) ascending: insertion sort for short runs inside a quicksort. */
export function sortByKey(ids: Int32Array, n: number, key: Float64Array): void {
  quick(ids, 0, n - 1, key);
}

function before(a: number, b: number, key: Float64Array): boolean {
  const ka = key[a]!;
  const kb = key[b]!;
  return ka < kb || (ka === kb && a < b);
}

function quick(ids: Int32Array, lo: number, hi: number, key: Float64Array): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot, moved to hi - 1.
    if (before(ids[mid]!, ids[lo]!, key)) swap(ids, mid, lo);
    if (before(ids[hi]!, ids[lo]!, key)) swap(ids, hi, lo);
    if (before(ids[hi]!, ids[mid]!, key)) swap(ids, hi, mid);
    swap(ids, mid, hi - 1);
    const pivot = ids[hi - 1]!;
    let i = lo;
    let j = hi - 1;
    for (;;) {
      while (before(ids[++i]!, pivot, key));
      while (before(pivot, ids[--j]!, key));
      if (i >= j) break;
      swap(ids, i, j);
    }
    swap(ids, i, hi - 1);
    if (i - lo < hi - i) { quick(ids, lo, i - 1, key); lo = i + 1; }
    else { quick(ids, i + 1, hi, key); hi = i - 1; }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = ids[i]!;
    let j = i - 1;
    while (j >= lo && before(x, ids[j]!, key)) { ids[j + 1] = ids[j]!; j--; }
    ids[j + 1] = x;
  }
}

function swap(ids: Int32Array, i: number, j: number): void {
  const t = ids[i]!;
  ids[i] = ids[j]!;
  ids[j] = t;
}
