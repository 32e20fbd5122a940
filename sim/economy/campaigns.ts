/**
 * The campaign book: threshold-pledge campaigns (the Street Performer Protocol, Kelsey and Schneier
 * 1999) with their pledges in escrow. A completed good opens a campaign with a price (milli
 * MH-equivalents) and a window; pledges accumulate until their value reaches the price (funded: escrow
 * pays the producer, the good is released) or the window ends (refunded: every pledge goes back, the
 * good is released as a gift).
 *
 * Campaigns and pledges live in growable typed-array pools with free lists. Each genre keeps its open
 * campaigns ordered by `key` (price per unit of the producer's reputation when it opened), so a pledger
 * walks the cheapest ones first without a daily sort: a day's new campaigns are sorted and merged in.
 * A genre's list holds, position by position, the campaign's id, key, producer and an open flag (cleared
 * when it closes), so the day's pledgers, who all walk the fronts of the lists, read contiguous memory.
 */
const OPEN = 1;
/** A pledge record: agent, MH (or the one currency) and CH milli-tokens, next pledge. */
const PLEDGE = 4;
const MH = 1;
const CH = 2;
const NEXT = 3;

/** One genre's campaigns in key order (ties: lower id first), as parallel arrays by position. */
export class GenreList {
  length = 0;
  ids = new Int32Array(64);
  keys = new Float64Array(64);
  producers = new Int32Array(64);
  /** 1 while the campaign at this position is open. */
  open = new Uint8Array(64);

  reserve(size: number): void {
    if (this.ids.length >= size) return;
    const n = Math.max(size, 2 * this.ids.length);
    this.ids = new Int32Array(n); this.keys = new Float64Array(n);
    this.producers = new Int32Array(n); this.open = new Uint8Array(n);
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export class CampaignBook {
  capacity = 0;
  producer = new Int32Array(0);
  genre = new Uint16Array(0);
  price = new Float64Array(0);    // milli MH-eq
  pledged = new Float64Array(0);  // milli MH-eq, valued at each pledge's day
  escrowMh = new Float64Array(0); // milli-tokens held for it
  escrowCh = new Float64Array(0);
  cost = new Float64Array(0);     // the good's cost per unit, milli MH-eq at opening
  openDay = new Int32Array(0);
  quality = new Float64Array(0);
  key = new Float64Array(0);
  firstPledge = new Int32Array(0);
  state = new Uint8Array(0);
  private free: number[] = [];
  /** Closed ids wait here until the next admit has dropped them from the genre lists: an id reused
   * earlier would sit in two lists at once. */
  private recycle: number[] = [];
  openCount = 0;
  /** Per genre: its campaigns ordered by key (closed ones, flagged, stay until the next admit). */
  byGenre: GenreList[];
  /** The position of each listed campaign in its genre's list. */
  pos = new Int32Array(0);
  /** Per genre, the list of the day before (its arrays are reused at the next admit). */
  private spare: GenreList[];
  private readonly pending: number[][];
  private fresh = new Int32Array(64);

  /** Per campaign: its oldest pledge (the end of its chain) and how many it holds. */
  lastPledge = new Int32Array(0);
  pledgeCount = new Int32Array(0);

  // Pledge pool: one record per pledge (agent, MH, CH, the next pledge of its campaign or of the free
  // list), so writing a pledge touches one cache line. A campaign's pledges form a chain from
  // firstPledge (newest) to lastPledge; closing a campaign joins its whole chain to the free list.
  pCapacity = 0;
  pledges = new Float64Array(0);
  private pFreeHead = -1;
  openPledges = 0;

  constructor(genres: number) {
    this.byGenre = Array.from({ length: genres }, () => new GenreList());
    this.spare = Array.from({ length: genres }, () => new GenreList());
    this.pending = Array.from({ length: genres }, () => []);
  }

  open(producer: number, genre: number, priceMilli: number, costMilli: number, quality: number, key: number, day: number): number {
    if (this.free.length === 0) this.growCampaigns();
    const c = this.free.pop()!;
    this.producer[c] = producer; this.genre[c] = genre; this.price[c] = priceMilli; this.pledged[c] = 0;
    this.escrowMh[c] = 0; this.escrowCh[c] = 0; this.cost[c] = costMilli; this.openDay[c] = day;
    this.quality[c] = quality; this.key[c] = key; this.firstPledge[c] = -1; this.state[c] = OPEN;
    this.openCount++;
    this.pending[genre]!.push(c);
    return c;
  }

  isOpen(c: number): boolean {
    return this.state[c] === OPEN;
  }

  /** Merge the day's new campaigns into their genre's ordered list, dropping closed ones. */
  admitPending(): void {
    const key = this.key;
    const producer = this.producer;
    const pos = this.pos;
    for (let g = 0; g < this.byGenre.length; g++) {
      const pending = this.pending[g]!;
      const old = this.byGenre[g]!;
      const nf = pending.length;
      if (this.fresh.length < nf) this.fresh = new Int32Array(2 * nf);
      const fresh = this.fresh;
      for (let j = 0; j < nf; j++) fresh[j] = pending[j]!;
      sortByKey(fresh, nf, key);
      const merged = this.spare[g]!;
      merged.reserve(old.length + nf);
      const ids = merged.ids, keys = merged.keys, producers = merged.producers, open = merged.open;
      let m = 0;
      let i = 0;
      let j = 0;
      while (i < old.length || j < nf) {
        if (i < old.length && old.open[i] !== OPEN) { i++; continue; }
        let c: number;
        if (j >= nf || (i < old.length && old.keys[i]! <= key[fresh[j]!]!)) c = old.ids[i++]!;
        else c = fresh[j++]!;
        ids[m] = c; keys[m] = key[c]!; producers[m] = producer[c]!; open[m] = this.state[c]!;
        pos[c] = m;
        m++;
      }
      merged.length = m;
      this.byGenre[g] = merged;
      this.spare[g] = old;
      pending.length = 0;
    }
    for (const c of this.recycle) this.free.push(c);
    this.recycle.length = 0;
  }

  /** The ids in genre g's list, in order (closed ones included until the next admit). */
  listed(g: number): number[] {
    const list = this.byGenre[g]!;
    return Array.from(list.ids.subarray(0, list.length));
  }

  addPledge(c: number, agent: number, mh: number, ch: number, valueMilli: number): void {
    if (this.pFreeHead < 0) this.growPledges();
    const p = this.pFreeHead;
    const r = p * PLEDGE;
    const pledges = this.pledges;
    this.pFreeHead = pledges[r + NEXT]!;
    const first = this.firstPledge[c]!;
    pledges[r] = agent; pledges[r + MH] = mh; pledges[r + CH] = ch; pledges[r + NEXT] = first;
    if (first < 0) this.lastPledge[c] = p;
    this.firstPledge[c] = p;
    this.pledgeCount[c]!++;
    this.escrowMh[c]! += mh;
    this.escrowCh[c]! += ch;
    this.pledged[c]! += valueMilli;
    this.openPledges++;
  }

  /**
   * Close campaign c: calls visit(agent, mh, ch) for each of its pledges (to refund them, or nothing
   * when funded), frees them, and frees the campaign.
   */
  close(c: number, visit: ((agent: number, mh: number, ch: number) => void) | null): void {
    const pledges = this.pledges;
    const first = this.firstPledge[c]!;
    if (visit !== null) {
      for (let p = first; p >= 0; p = pledges[p * PLEDGE + NEXT]!) {
        visit(pledges[p * PLEDGE]!, pledges[p * PLEDGE + MH]!, pledges[p * PLEDGE + CH]!);
      }
    }
    if (first >= 0) {
      pledges[this.lastPledge[c]! * PLEDGE + NEXT] = this.pFreeHead;
      this.pFreeHead = first;
      this.openPledges -= this.pledgeCount[c]!;
    }
    this.pledgeCount[c] = 0;
    this.firstPledge[c] = -1;
    if (this.state[c] === OPEN && this.listedAt(c)) this.byGenre[this.genre[c]!]!.open[this.pos[c]!] = 0;
    this.state[c] = 0;
    this.openCount--;
    this.recycle.push(c);
  }

  /** Whether campaign c has been admitted to its genre's list (it opened before the last admit). */
  private listedAt(c: number): boolean {
    const list = this.byGenre[this.genre[c]!]!;
    const p = this.pos[c]!;
    return p < list.length && list.ids[p] === c;
  }

  private growCampaigns(): void {
    const size = Math.max(1024, this.capacity * 2);
    this.producer = grow(this.producer, size); this.genre = grow(this.genre, size);
    this.price = grow(this.price, size); this.pledged = grow(this.pledged, size);
    this.escrowMh = grow(this.escrowMh, size); this.escrowCh = grow(this.escrowCh, size);
    this.cost = grow(this.cost, size); this.openDay = grow(this.openDay, size);
    this.quality = grow(this.quality, size); this.key = grow(this.key, size);
    this.firstPledge = grow(this.firstPledge, size); this.state = grow(this.state, size);
    this.pos = grow(this.pos, size);
    this.lastPledge = grow(this.lastPledge, size); this.pledgeCount = grow(this.pledgeCount, size);
    for (let c = size - 1; c >= this.capacity; c--) this.free.push(c);
    this.capacity = size;
  }

  private growPledges(): void {
    const size = Math.max(4096, this.pCapacity * 2);
    this.pledges = grow(this.pledges, size * PLEDGE);
    for (let p = size - 1; p >= this.pCapacity; p--) { this.pledges[p * PLEDGE + NEXT] = this.pFreeHead; this.pFreeHead = p; }
    this.pCapacity = size;
  }
}

/** Sort ids[0..n) by (key, id) ascending: insertion sort for short runs inside a quicksort. */
function sortByKey(ids: Int32Array, n: number, key: Float64Array): void {
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
