/**
 * The open fronts of the genre lists during a day's pledging (phase 7, sim/economy/fund.ts).
 *
 * Every pledger walks the cheapest open campaigns of its liked genres, and for nearly everyone these
 * are the same few: the first open entries of each genre's list (sim/economy/campaigns.ts). So each
 * genre keeps its front, its first `size` open entries (position, id, key, producer), in small compact
 * arrays, built at its first use in a day; after campaigns of the genre close, it drops them and refills
 * from the list past its last entry (the entries it skips there were closed before); a pledger merges
 * fronts instead of walking the lists. Deeper than a front, skip links lead over closed entries:
 * skip[h] >= h is a position at or before the next open one after h, compressed on every walk (as in
 * union-find), so each closed entry is walked over about once a day. Either way a pledger sees the
 * same open campaigns in the same order.
 */
import type { CampaignBook, GenreList } from './campaigns.js';

/** `valid` of a front: not built today, current, or some of its campaigns closed since it was made current. */
const UNBUILT = 0;
const CURRENT = 1;
const STALE = 2;

export class Fronts {
  readonly genres: number;
  size = 0;
  /** Per genre g, entries [g * size, g * size + len[g]): list positions, ids, keys, producers. */
  pos = new Int32Array(0);
  ids = new Int32Array(0);
  keys = new Float64Array(0);
  producers = new Int32Array(0);
  readonly len: Int32Array;
  /** Per genre: UNBUILT, CURRENT or STALE (see `invalidate`). */
  private readonly valid: Uint8Array;
  readonly skips: Int32Array[] = [];
  private book: CampaignBook | null = null;

  constructor(genres: number) {
    this.genres = genres;
    this.len = new Int32Array(genres);
    this.valid = new Uint8Array(genres);
  }

  /** Start a day's pledging over the book's lists (after the day's admit): fronts of `size` entries. */
  begin(book: CampaignBook, size: number): void {
    this.book = book;
    if (this.size !== size) {
      this.size = size;
      const n = this.genres * size;
      this.pos = new Int32Array(n); this.ids = new Int32Array(n);
      this.keys = new Float64Array(n); this.producers = new Int32Array(n);
    }
    for (let g = 0; g < this.genres; g++) {
      const length = book.byGenre[g]!.length;
      let skip = this.skips[g];
      if (skip === undefined || skip.length < length + 1) skip = this.skips[g] = new Int32Array(2 * length + 64);
      for (let h = 0; h <= length; h++) skip[h] = h;
    }
    this.valid.fill(UNBUILT);
  }

  /** Campaigns of genre g closed: its front is refreshed before its next use. */
  invalidate(g: number): void {
    if (this.valid[g] === CURRENT) this.valid[g] = STALE;
  }

  /** Make genre g's front current; returns its first entry's index (g * size). */
  front(g: number): number {
    const v = this.valid[g]!;
    if (v !== CURRENT) { if (v === UNBUILT) this.rebuild(g); else this.refresh(g); }
    return g * this.size;
  }

  /** Whether genre g's list may hold open campaigns beyond its front (the front is full). */
  deeper(g: number): boolean {
    return this.len[g] === this.size;
  }

  /** Genre g's list. */
  list(g: number): GenreList {
    return this.book!.byGenre[g]!;
  }

  /** The first position >= h of an open campaign in genre g's list (its length if none). */
  nextOpen(g: number, h: number): number {
    const list = this.book!.byGenre[g]!;
    return nextOpen(list, this.skips[g]!, h);
  }

  /**
   * Genre g's front after some of its campaigns closed: its open entries move up, in order, and if it was
   * full, the list's next open entries past its last one fill it (those before are closed: the front
   * held the first open ones). The same front `rebuild` would build, without walking from the start.
   */
  private refresh(g: number): void {
    const list = this.book!.byGenre[g]!;
    const open = list.open;
    const base = g * this.size;
    const len = this.len[g]!;
    const pos = this.pos, ids = this.ids, keys = this.keys, producers = this.producers;
    let n = 0;
    for (let f = 0; f < len; f++) {
      if (open[pos[base + f]!] !== 1) continue;
      if (n !== f) {
        pos[base + n] = pos[base + f]!; ids[base + n] = ids[base + f]!;
        keys[base + n] = keys[base + f]!; producers[base + n] = producers[base + f]!;
      }
      n++;
    }
    if (len === this.size && n < len) {
      const skip = this.skips[g]!;
      for (let h = nextOpen(list, skip, pos[base + len - 1]! + 1); h < list.length && n < this.size; h = nextOpen(list, skip, h + 1)) {
        pos[base + n] = h; ids[base + n] = list.ids[h]!; keys[base + n] = list.keys[h]!; producers[base + n] = list.producers[h]!;
        n++;
      }
    }
    this.len[g] = n;
    this.valid[g] = CURRENT;
  }

  private rebuild(g: number): void {
    const list = this.book!.byGenre[g]!;
    const skip = this.skips[g]!;
    const base = g * this.size;
    let n = 0;
    for (let h = nextOpen(list, skip, 0); h < list.length && n < this.size; h = nextOpen(list, skip, h + 1)) {
      this.pos[base + n] = h;
      this.ids[base + n] = list.ids[h]!;
      this.keys[base + n] = list.keys[h]!;
      this.producers[base + n] = list.producers[h]!;
      n++;
    }
    this.len[g] = n;
    this.valid[g] = CURRENT;
  }
}

/** The first position >= h of an open campaign in list (list.length if none), compressing the links. */
function nextOpen(list: GenreList, skip: Int32Array, h: number): number {
  const length = list.length;
  const open = list.open;
  let r = h;
  while (r < length && open[r] !== 1) r = skip[r]! > r ? skip[r]! : r + 1;
  for (let x = h; x < r; ) { const next = skip[x]! > x ? skip[x]! : x + 1; skip[x] = r; x = next; }
  return r;
}
