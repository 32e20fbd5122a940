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
 */
const OPEN = 1;

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
  /** Per genre: open campaign ids ordered by key (may hold closed ids until the next admit). */
  readonly byGenre: number[][];
  private readonly pending: number[][];

  // Pledge pool.
  pCapacity = 0;
  pCampaign = new Int32Array(0);
  pAgent = new Int32Array(0);
  pMh = new Float64Array(0);
  pCh = new Float64Array(0);
  pNext = new Int32Array(0);
  private pFree: number[] = [];
  openPledges = 0;

  constructor(genres: number) {
    this.byGenre = Array.from({ length: genres }, () => []);
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
    for (let g = 0; g < this.byGenre.length; g++) {
      const fresh = this.pending[g]!;
      const old = this.byGenre[g]!;
      const key = this.key;
      fresh.sort((a, b) => key[a]! - key[b]! || a - b);
      const merged: number[] = [];
      let i = 0;
      let j = 0;
      while (i < old.length || j < fresh.length) {
        const a = old[i];
        const b = fresh[j];
        if (a !== undefined && this.state[a] !== OPEN) { i++; continue; }
        if (b === undefined || (a !== undefined && key[a]! <= key[b]!)) { merged.push(a!); i++; }
        else { merged.push(b); j++; }
      }
      this.byGenre[g] = merged;
      fresh.length = 0;
    }
    for (const c of this.recycle) this.free.push(c);
    this.recycle.length = 0;
  }

  addPledge(c: number, agent: number, mh: number, ch: number, valueMilli: number): void {
    if (this.pFree.length === 0) this.growPledges();
    const p = this.pFree.pop()!;
    this.pCampaign[p] = c; this.pAgent[p] = agent; this.pMh[p] = mh; this.pCh[p] = ch;
    this.pNext[p] = this.firstPledge[c]!;
    this.firstPledge[c] = p;
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
    for (let p = this.firstPledge[c]!; p >= 0; ) {
      if (visit !== null) visit(this.pAgent[p]!, this.pMh[p]!, this.pCh[p]!);
      const next = this.pNext[p]!;
      this.pFree.push(p);
      this.openPledges--;
      p = next;
    }
    this.firstPledge[c] = -1;
    this.state[c] = 0;
    this.openCount--;
    this.recycle.push(c);
  }

  private growCampaigns(): void {
    const size = Math.max(1024, this.capacity * 2);
    this.producer = grow(this.producer, size); this.genre = grow(this.genre, size);
    this.price = grow(this.price, size); this.pledged = grow(this.pledged, size);
    this.escrowMh = grow(this.escrowMh, size); this.escrowCh = grow(this.escrowCh, size);
    this.cost = grow(this.cost, size); this.openDay = grow(this.openDay, size);
    this.quality = grow(this.quality, size); this.key = grow(this.key, size);
    this.firstPledge = grow(this.firstPledge, size); this.state = grow(this.state, size);
    for (let c = size - 1; c >= this.capacity; c--) this.free.push(c);
    this.capacity = size;
  }

  private growPledges(): void {
    const size = Math.max(4096, this.pCapacity * 2);
    this.pCampaign = grow(this.pCampaign, size); this.pAgent = grow(this.pAgent, size);
    this.pMh = grow(this.pMh, size); this.pCh = grow(this.pCh, size); this.pNext = grow(this.pNext, size);
    for (let p = size - 1; p >= this.pCapacity; p--) this.pFree.push(p);
    this.pCapacity = size;
  }
}
