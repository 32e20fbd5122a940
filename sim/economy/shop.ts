/**
 * Per-copy sales (`sale: per-copy`, MODEL.md section 5; for comparison with pledges): goods are closed.
 * A completed good goes on sale the day it is made; each copy pays its producer (1 + mu) x cost / Nhat,
 * Nhat the EMA of copies per good (weight `perCopy.beta` per good), so a good that sells Nhat copies
 * earns its price: the benchmark price in S2/S3, cost plus the producer's markup in S1. Consumers take
 * up to `consumption.attention` of the day's goods in their liked genres, each only if its price fits
 * what they have saved of their daily budgets (sim/economy/budget.ts), never more than they can pay;
 * a closed good cannot be free-ridden.
 *
 * Why savings: a day's budget is about 0.9 of a day's work, a good's price about a day's work times its
 * margin, so with budgets that lapse daily a consumer can afford fewer copies than Nhat assumes; every
 * good then sells below Nhat, Nhat falls, the per-copy price rises past any day's budget and sales stop
 * (a first version did exactly that within 40 days). Saved budgets keep spending at the budget's rate.
 *
 * Nhat starts at the copies a good would get if every agent took its fill of a year of output spread
 * over the year (agents x attention / goods a day), and never falls below 1: a good never costs more
 * than its price.
 */
import { below, shuffle } from '../engine/random.js';
import { CUR, KIND } from '../money/ledger.js';
import { dailyBudget, payValue } from './budget.js';
import type { World } from '../engine/world.js';
import { MILLI, toMilli, fromMilli } from '../money/milli.js';

function grow<T extends Float64Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export class Shop {
  /** Copies per good, EMA. */
  nhat: number;
  count = 0;
  producer = new Int32Array(256);
  genre = new Int32Array(256);
  price = new Float64Array(256); // the good's price, price units (milli)
  cost = new Float64Array(256);  // its cost, price units (milli)
  copies = new Float64Array(256);
  /** Per genre, today's goods (indices into the day's pool). */
  readonly byGenre: number[][];

  constructor(genres: number, nhat0: number) {
    this.byGenre = Array.from({ length: genres }, () => []);
    this.nhat = Math.max(1, nhat0);
  }

  beginDay(): void {
    this.count = 0;
    for (const list of this.byGenre) list.length = 0;
  }

  add(producer: number, genre: number, price: number, cost: number): void {
    if (this.count === this.producer.length) {
      const size = this.count * 2;
      this.producer = grow(this.producer, size); this.genre = grow(this.genre, size);
      this.price = grow(this.price, size); this.cost = grow(this.cost, size); this.copies = grow(this.copies, size);
    }
    const k = this.count++;
    this.producer[k] = producer; this.genre[k] = genre; this.price[k] = price; this.cost[k] = cost; this.copies[k] = 0;
    this.byGenre[genre]!.push(k);
  }
}

const paid = new Float64Array(2);

/** Phase 8 under per-copy sales: agents in random order buy copies of today's goods, then Nhat learns. */
export function sellCopies(w: World): void {
  const shop = w.shop!;
  const a = w.agents;
  const g = w.genres;
  const Lk = a.liked;
  const rng = w.rng.consume;
  const st = w.stats;
  const attention = w.s.consumption.attention;
  const unit = Math.round(toMilli(w.s.consumption.replicationCh));
  const order = w.order;
  shuffle(w.rng.order, order);
  const main = w.single ? CUR.cur : CUR.mh;
  let copiesToday = 0;
  for (let k = 0; k < w.n; k++) {
    const i = order[k]!;
    let available = 0;
    for (let s = 0; s < Lk; s++) available += shop.byGenre[a.likedGenre[i * Lk + s]!]!.length;
    const reserved = a.replCh[i]!;
    let tries = Math.min(attention, available);
    if (unit > 0) tries = Math.min(tries, Math.floor(reserved / unit));
    const means = w.single ? w.ledger.means(CUR.cur, i) : w.ledger.means(CUR.mh, i) + w.e * w.ledger.means(CUR.ch, i);
    const saved = a.savings[i]! + dailyBudget(w, i);
    let budget = saved < means ? saved : Math.max(0, means);
    let copies = 0;
    for (let c = 0; c < tries; c++) {
      let u = below(rng, available);
      let good = -1;
      for (let s = 0; s < Lk; s++) {
        const list = shop.byGenre[a.likedGenre[i * Lk + s]!]!;
        if (u < list.length) { good = list[u]!; break; }
        u -= list.length;
      }
      const producer = shop.producer[good]!;
      const price = Math.ceil(shop.price[good]! / shop.nhat);
      if (producer === i || price > budget) continue;
      const value = payValue(w, i, producer, KIND.sale, price, paid);
      if (value < price - 1) { // it could not pay in full: give the part back, no copy
        if (paid[0]! > 0) w.ledger.post(main, KIND.sale, producer, i, paid[0]!);
        if (paid[1]! > 0) w.ledger.post(CUR.ch, KIND.sale, producer, i, paid[1]!);
        continue;
      }
      budget -= value;
      shop.copies[good]!++;
      copies++;
      g.downloadsToday[shop.genre[good]!]!++;
      st.flow[main]! += paid[0]!;
      st.flow[CUR.ch]! += paid[1]!;
      if (w.bank !== null) { // sales are delivered flow: the Peer Bank's new money follows them too
        w.bank.deliveredToday[main]![producer]! += paid[0]!;
        w.bank.deliveredToday[CUR.ch]![producer]! += paid[1]!;
      }
      a.receiptsToday[producer]! += value / (MILLI * w.priceUnit);
    }
    a.savings[i] = budget;
    const used = copies * unit;
    a.replCh[i] = used;
    a.idleCh[i]! += reserved - used;
    copiesToday += copies;
  }
  st.copies = copiesToday;
  learnCopies(w);
}

/** Nhat learns from every good of the day, in order; the day's sold goods feed the price metrics. */
function learnCopies(w: World): void {
  const shop = w.shop!;
  const beta = w.s.perCopy.beta;
  const st = w.stats;
  for (let k = 0; k < shop.count; k++) {
    const copies = shop.copies[k]!;
    if (copies > 0) {
      st.pricedGoods++;
      st.priceSum += fromMilli(shop.price[k]!) / w.priceUnit;
      st.priceLevelSum += shop.price[k]! / shop.cost[k]!;
      st.costFundedSum += fromMilli(shop.cost[k]!) / w.priceUnit;
    }
    shop.nhat = Math.max(1, shop.nhat + beta * (copies - shop.nhat));
  }
}
