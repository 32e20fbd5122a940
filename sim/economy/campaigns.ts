/**
 * The campaign book: threshold-pledge campaigns (the Street Performer Protocol, Kelsey and Schneier
 * 1999) with their pledges in escrow. A completed good opens a campaign with a price (milli
 * MH-equivalents) and a window; pledges accumulate until their value reaches the price (funded: escrow
 * pays the producer, the good is released) or the window ends (refunded: every pledge goes back, the
 * good is released as a gift).
 *
 * Layout, for the pledging phase, where every agent pledges to several campaigns a day:
 * - Campaigns live in growable typed-array pools with a free list. The lists of ids the book keeps
 *   (free, recycle: closed since the last admit, refunding, a genre's new campaigns) are typed-array
 *   stacks, emptied by resetting a count: a plain array emptied by `length = 0` gives up its storage,
 *   which the next pushes reallocate, every day. What a pledge reads and writes (price, pledged value,
 *   escrowed tokens, pledge count) is one record of `HOT` numbers per campaign, so a pledge touches one
 *   cache line of its campaign.
 * - Pledges are appended to a log (campaign, agent, MH, CH), written in order, never searched while
 *   pledging. A pledge is only read again if its campaign is refunded: `sweep` passes over the log once
 *   a day, refunds the pledges of the campaigns closed for a refund, and keeps those of open campaigns.
 * - Each genre keeps its open campaigns ordered by `key` (price per unit of the producer's reputation
 *   when it opened), so a pledger walks the cheapest ones first without a daily sort: a day's new
 *   campaigns are sorted and merged in. A genre's list holds, position by position, the campaign's id,
 *   key, producer and an open flag (cleared when it closes).
 */
import { sortIdsWithKeys } from './keyOrder.js';

const OPEN = 1;
/** Closed for a refund: its pledges go back at the next sweep. */
const REFUNDING = 2;
/** A campaign's hot record: price, pledged value, escrowed MH (or the one currency) and CH, pledges. */
const HOT = 8;
const PRICE = 0;
const PLEDGED = 1;
const ESCROW_MH = 2;
const ESCROW_CH = 3;
const COUNT = 4;

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

/** A stack of campaign ids in a growable Int32Array: `ids[0..length)`. */
class IdStack {
  ids = new Int32Array(64);
  length = 0;

  push(c: number): void {
    if (this.length === this.ids.length) this.ids = grow(this.ids, 2 * this.ids.length);
    this.ids[this.length++] = c;
  }

  pop(): number {
    return this.ids[--this.length]!;
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
  cost = new Float64Array(0);     // the good's cost per unit, milli MH-eq at opening
  openDay = new Int32Array(0);
  quality = new Float64Array(0);
  key = new Float64Array(0);
  state = new Uint8Array(0);
  /** Hot records, HOT numbers per campaign (see `price`, `pledged`, `escrowMh`, `escrowCh`, `pledges`). */
  hot = new Float64Array(0);
  private readonly free = new IdStack();
  /** Closed ids wait here until the next admit has dropped them from the genre lists: an id reused
   * earlier would sit in two lists at once. */
  private readonly recycle = new IdStack();
  /** Campaigns closed for a refund since the last sweep. */
  private readonly refunding = new IdStack();
  openCount = 0;
  /** Per genre: its campaigns ordered by key (closed ones, flagged, stay until the next admit). */
  byGenre: GenreList[];
  /** The position of each listed campaign in its genre's list. */
  pos = new Int32Array(0);
  /** Per genre, the list of the day before (its arrays are reused at the next admit). */
  private spare: GenreList[];
  private readonly pending: IdStack[];
  /** The day's new campaigns of one genre during an admit, and their keys. */
  private fresh = new Int32Array(64);
  private freshKeys = new Float64Array(64);

  // The pledge log: entries [0, logLength), in the order pledged since the last sweep kept them.
  logLength = 0;
  logCampaign = new Int32Array(0);
  logAgent = new Int32Array(0);
  logMh = new Float64Array(0);
  logCh = new Float64Array(0);
  /** Pledges held by open campaigns. */
  openPledges = 0;

  constructor(genres: number) {
    this.byGenre = Array.from({ length: genres }, () => new GenreList());
    this.spare = Array.from({ length: genres }, () => new GenreList());
    this.pending = Array.from({ length: genres }, () => new IdStack());
  }

  open(producer: number, genre: number, priceMilli: number, costMilli: number, quality: number, key: number, day: number): number {
    if (this.free.length === 0) this.growCampaigns();
    const c = this.free.pop();
    this.producer[c] = producer; this.genre[c] = genre; this.cost[c] = costMilli; this.openDay[c] = day;
    this.quality[c] = quality; this.key[c] = key; this.state[c] = OPEN;
    const r = c * HOT;
    this.hot[r + PRICE] = priceMilli; this.hot[r + PLEDGED] = 0;
    this.hot[r + ESCROW_MH] = 0; this.hot[r + ESCROW_CH] = 0; this.hot[r + COUNT] = 0;
    this.openCount++;
    this.pending[genre]!.push(c);
    return c;
  }

  isOpen(c: number): boolean {
    return this.state[c] === OPEN;
  }

  /** Its price, milli MH-eq (milli-cur with one currency). */
  price(c: number): number { return this.hot[c * HOT + PRICE]!; }
  /** The value pledged so far, valued at each pledge's day. */
  pledged(c: number): number { return this.hot[c * HOT + PLEDGED]!; }
  /** What price - pledged still lacks. */
  lacking(c: number): number { const r = c * HOT; return this.hot[r + PRICE]! - this.hot[r + PLEDGED]!; }
  /** Milli-tokens escrow holds for it: MH (or the one currency), CH. */
  escrowMh(c: number): number { return this.hot[c * HOT + ESCROW_MH]!; }
  escrowCh(c: number): number { return this.hot[c * HOT + ESCROW_CH]!; }
  /** Pledges it holds. */
  pledges(c: number): number { return this.hot[c * HOT + COUNT]!; }

  /**
   * Merge the day's new campaigns into their genre's ordered list, dropping closed ones. An entry kept
   * from the old list is copied from that list (its key and producer were copied there from the
   * campaign at its admit and do not change; it is open, since a close clears the flag of a listed
   * campaign), so only the new campaigns are read by id. The new ones are sorted with a copy of their keys.
   */
  admitPending(): void {
    const key = this.key;
    const producer = this.producer;
    const state = this.state;
    const pos = this.pos;
    for (let g = 0; g < this.byGenre.length; g++) {
      const pending = this.pending[g]!;
      const old = this.byGenre[g]!;
      const nf = pending.length;
      if (this.fresh.length < nf) { this.fresh = new Int32Array(2 * nf); this.freshKeys = new Float64Array(2 * nf); }
      const fresh = this.fresh, freshKeys = this.freshKeys;
      const pendingIds = pending.ids;
      for (let j = 0; j < nf; j++) { const c = pendingIds[j]!; fresh[j] = c; freshKeys[j] = key[c]!; }
      sortIdsWithKeys(fresh, freshKeys, nf);
      const merged = this.spare[g]!;
      merged.reserve(old.length + nf);
      const ids = merged.ids, keys = merged.keys, producers = merged.producers, open = merged.open;
      const oldIds = old.ids, oldKeys = old.keys, oldProducers = old.producers, oldOpen = old.open;
      const oldLength = old.length;
      let m = 0;
      let i = 0;
      let j = 0;
      for (;;) {
        while (i < oldLength && oldOpen[i] !== OPEN) i++;
        let c: number;
        if (i < oldLength && (j >= nf || oldKeys[i]! <= freshKeys[j]!)) {
          c = oldIds[i]!;
          ids[m] = c; keys[m] = oldKeys[i]!; producers[m] = oldProducers[i]!; open[m] = OPEN;
          i++;
        } else if (j < nf) {
          c = fresh[j]!;
          ids[m] = c; keys[m] = freshKeys[j]!; producers[m] = producer[c]!; open[m] = state[c] === OPEN ? OPEN : 0;
          j++;
        } else {
          break;
        }
        pos[c] = m;
        m++;
      }
      merged.length = m;
      this.byGenre[g] = merged;
      this.spare[g] = old;
      pending.length = 0;
    }
    const recycled = this.recycle.ids;
    for (let k = 0; k < this.recycle.length; k++) this.free.push(recycled[k]!);
    this.recycle.length = 0;
  }

  /** The ids in genre g's list, in order (closed ones included until the next admit). */
  listed(g: number): number[] {
    const list = this.byGenre[g]!;
    return Array.from(list.ids.subarray(0, list.length));
  }

  addPledge(c: number, agent: number, mh: number, ch: number, valueMilli: number): void {
    if (this.logLength === this.logAgent.length) this.growLog();
    const e = this.logLength++;
    this.logCampaign[e] = c; this.logAgent[e] = agent; this.logMh[e] = mh; this.logCh[e] = ch;
    const hot = this.hot;
    const r = c * HOT;
    hot[r + PLEDGED]! += valueMilli;
    hot[r + ESCROW_MH]! += mh;
    hot[r + ESCROW_CH]! += ch;
    hot[r + COUNT]!++;
    this.openPledges++;
  }

  /**
   * Close campaign c, funded (its escrow is paid out by the caller; its pledges are dropped) or for a
   * refund (its pledges go back to their agents at the next `sweep`). Its id is free after the next admit.
   */
  close(c: number, refund: boolean): void {
    if (this.state[c] === OPEN && this.listedAt(c)) this.byGenre[this.genre[c]!]!.open[this.pos[c]!] = 0;
    this.openPledges -= this.hot[c * HOT + COUNT]!;
    this.hot[c * HOT + COUNT] = 0;
    this.state[c] = refund ? REFUNDING : 0;
    if (refund) this.refunding.push(c);
    this.openCount--;
    this.recycle.push(c);
  }

  /**
   * One pass over the pledge log: visit(agent, mh, ch) for each pledge of a campaign closed for a
   * refund, keep the pledges of open campaigns (in order), drop the rest. Call before the next admit,
   * which frees the closed ids.
   */
  sweep(visit: (agent: number, mh: number, ch: number) => void): void {
    const state = this.state;
    const lc = this.logCampaign, la = this.logAgent, lm = this.logMh, lh = this.logCh;
    let kept = 0;
    for (let e = 0; e < this.logLength; e++) {
      const c = lc[e]!;
      const s = state[c]!;
      if (s === OPEN) {
        lc[kept] = c; la[kept] = la[e]!; lm[kept] = lm[e]!; lh[kept] = lh[e]!;
        kept++;
      } else if (s === REFUNDING) {
        visit(la[e]!, lm[e]!, lh[e]!);
      }
    }
    this.logLength = kept;
    const refunded = this.refunding.ids;
    for (let k = 0; k < this.refunding.length; k++) state[refunded[k]!] = 0;
    this.refunding.length = 0;
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
    this.cost = grow(this.cost, size); this.openDay = grow(this.openDay, size);
    this.quality = grow(this.quality, size); this.key = grow(this.key, size);
    this.state = grow(this.state, size); this.pos = grow(this.pos, size);
    this.hot = grow(this.hot, size * HOT);
    for (let c = size - 1; c >= this.capacity; c--) this.free.push(c);
    this.capacity = size;
  }

  private growLog(): void {
    const size = Math.max(4096, this.logAgent.length * 2);
    this.logCampaign = grow(this.logCampaign, size); this.logAgent = grow(this.logAgent, size);
    this.logMh = grow(this.logMh, size); this.logCh = grow(this.logCh, size);
  }
}
