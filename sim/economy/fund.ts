/**
 * Phase 7, fund: campaigns past their window refund and release their good as a gift; then agents, in
 * random order, pledge to open campaigns (MODEL.md section 5).
 *
 * An agent's daily budget (sim/economy/budget.ts) follows the value of its work. It spreads it evenly
 * over the first `maxCampaigns` open campaigns of other producers in its liked genres, cheapest per unit
 * of the producer's reputation first, skipping each with probability `freeRide` (the skipped share stays
 * unspent that day). A pledge never exceeds what the campaign still lacks; a campaign is funded when its
 * pledged value is within one milli-token of its price, and escrow pays the producer at once. After each
 * campaign closes, an S1 producer's markup rises by U(0, step) if it was funded within half the window,
 * and falls by U(0, step) if it was refunded (adaptive markup).
 */
import { shuffle } from '../engine/random.js';
import { CUR, KIND } from '../money/ledger.js';
import { released } from './release.js';
import { dailyBudget, payValue } from './budget.js';
import type { World } from '../engine/world.js';

const MAX_LIKED = 64;
const heads = new Int32Array(MAX_LIKED);
const lists: number[][] = [];
const linkOf: Int32Array[] = [];
let picks = new Int32Array(16);
/**
 * Per genre, skip links over the day's ordered list: skip[h] >= h is a position at or before the next
 * open campaign after h. Campaigns funded during the day close behind a partly pledged one at the
 * front, so without links every later pledger would walk over them again; with path compression (as in
 * union-find) each closed entry is walked over about once a day.
 */
const skips: Int32Array[] = [];
const paid = new Float64Array(2);

export function fund(w: World): void {
  expire(w);
  w.book.admitPending();
  if (w.book.openCount === 0) return;
  const order = w.order;
  shuffle(w.rng.order, order);
  for (let g = 0; g < w.genres.k; g++) {
    const length = w.book.byGenre[g]!.length;
    let skip = skips[g];
    if (skip === undefined || skip.length < length + 1) skip = skips[g] = new Int32Array(2 * length + 64);
    for (let h = 0; h <= length; h++) skip[h] = h;
  }
  for (let k = 0; k < w.n; k++) {
    const i = order[k]!;
    const budget = dailyBudget(w, i);
    if (budget < 1) continue;
    pledgeBudget(w, i, budget);
  }
}

/** Spread one agent's budget (milli MH-eq) over its cheapest-per-reputation candidates. */
function pledgeBudget(w: World, i: number, budget: number): void {
  const a = w.agents;
  const book = w.book;
  const state = book.state; // no campaign opens during this phase, so the pools are stable
  const key = book.key;
  const producer = book.producer;
  const Lk = a.liked;
  const max = w.s.demand.maxCampaigns;
  if (picks.length < max) picks = new Int32Array(max);
  for (let k = 0; k < Lk; k++) {
    const g = a.likedGenre[i * Lk + k]!;
    lists[k] = book.byGenre[g]!;
    linkOf[k] = skips[g]!;
    heads[k] = 0;
  }
  let n = 0;
  while (n < max) {
    let best = -1;
    let bestKey = Infinity;
    let bestSlot = -1;
    for (let k = 0; k < Lk; k++) {
      const list = lists[k]!;
      const skip = linkOf[k]!;
      let h = nextOpen(list, skip, state, heads[k]!);
      while (h < list.length && producer[list[h]!] === i) h = nextOpen(list, skip, state, h + 1); // not its own
      heads[k] = h;
      if (h < list.length) {
        const c = list[h]!;
        if (key[c]! < bestKey) { best = c; bestKey = key[c]!; bestSlot = k; }
      }
    }
    if (best < 0) break;
    picks[n++] = best;
    heads[bestSlot]!++;
  }
  if (n === 0) return;
  const share = budget / n;
  const freeRide = w.s.demand.freeRide;
  const rng = w.rng.freeRide;
  for (let k = 0; k < n; k++) {
    if (rng() < freeRide) continue;
    const c = picks[k]!;
    const lacking = book.price[c]! - book.pledged[c]!;
    pledge(w, i, c, share < lacking ? share : lacking);
    if (book.price[c]! - book.pledged[c]! <= 1) funded(w, c);
  }
}

/** The first position >= h of an open campaign in list (list.length if none), compressing the links. */
function nextOpen(list: number[], skip: Int32Array, state: Uint8Array, h: number): number {
  const length = list.length;
  let r = h;
  while (r < length && state[list[r]!] !== 1) r = skip[r]! > r ? skip[r]! : r + 1;
  for (let x = h; x < r; ) { const next = skip[x]! > x ? skip[x]! : x + 1; skip[x] = r; x = next; }
  return r;
}

/** Pay `value` (price units) into escrow for campaign c (sim/economy/budget.ts payValue). */
function pledge(w: World, i: number, c: number, value: number): void {
  const valuePaid = payValue(w, i, w.ledger.escrow, KIND.pledge, value, paid);
  if (paid[0]! + paid[1]! > 0) w.book.addPledge(c, i, paid[0]!, paid[1]!, valuePaid);
}

/** Escrow pays the producer what it holds for c; the good is released. */
function funded(w: World, c: number): void {
  const book = w.book;
  const L = w.ledger;
  const st = w.stats;
  const p = book.producer[c]!;
  const mh = book.escrowMh[c]!;
  const ch = book.escrowCh[c]!;
  const main = w.single ? CUR.cur : CUR.mh;
  if (mh > 0) L.post(main, KIND.release, L.escrow, p, mh);
  if (ch > 0) L.post(CUR.ch, KIND.release, L.escrow, p, ch);
  st.flow[main]! += mh;
  st.flow[CUR.ch]! += ch;
  if (w.s.institutions.pricing === 'markup' && w.day - book.openDay[c]! <= w.s.campaign.windowDays / 2) {
    w.agents.markup[p]! *= 1 + w.rng.markup() * w.s.market.markupStep;
  }
  if (w.bank !== null) {
    w.bank.deliveredToday[CUR.mh]![p]! += mh;
    w.bank.deliveredToday[CUR.ch]![p]! += ch;
  }
  w.agents.receiptsToday[p]! += w.single ? mh / (1000 * w.wage) : (mh + w.e * ch) / 1000;
  w.agents.funded[p]!++;
  st.campaignsFunded++;
  st.daysToFundSum += w.day - book.openDay[c]!;
  st.priceSum += book.price[c]! / 1000 / w.priceUnit; // MH-equivalents
  st.pricedGoods++;
  st.priceLevelSum += book.price[c]! / book.cost[c]!;
  const genre = book.genre[c]!;
  w.genres.fundedToday[genre]!++;
  w.genres.closedToday[genre]!++;
  released(w, p, genre, book.quality[c]!);
  book.close(c, null);
}

/** Campaigns whose window has ended refund every pledge; their goods are released as gifts. */
function expire(w: World): void {
  const book = w.book;
  const L = w.ledger;
  const window = w.s.campaign.windowDays;
  const main = w.single ? CUR.cur : CUR.mh;
  const refund = (agent: number, mh: number, ch: number): void => {
    if (mh > 0) L.post(main, KIND.refund, L.escrow, agent, mh);
    if (ch > 0) L.post(CUR.ch, KIND.refund, L.escrow, agent, ch);
  };
  for (const list of book.byGenre) {
    for (const c of list) {
      if (!book.isOpen(c) || w.day - book.openDay[c]! < window) continue;
      const p = book.producer[c]!;
      w.agents.refunded[p]!++;
      if (w.s.institutions.pricing === 'markup') w.agents.markup[p] = w.agents.markup[p]! * (1 - w.rng.markup() * w.s.market.markupStep);
      w.stats.campaignsRefunded++;
      const genre = book.genre[c]!;
      w.genres.closedToday[genre]!++;
      released(w, p, genre, book.quality[c]!);
      book.close(c, refund);
    }
  }
}
