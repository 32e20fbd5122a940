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
import { dailyBudget, splitValue } from './budget.js';

/** Scratch for splitValue: [MH, CH] of one pledge. */
const split = new Float64Array(2);
import { Fronts } from './fronts.js';
import type { World } from '../engine/world.js';
import { MILLI, fromMilli } from '../money/milli.js';

const MAX_LIKED = 64;
// Scratch of pick(). Hot functions copy module-level arrays into locals first: V8 reloads and rechecks
// a module binding at every use, a local once.
const heads = new Int32Array(MAX_LIKED);
const headKey = new Float64Array(MAX_LIKED);
const slotGenre = new Int32Array(MAX_LIKED);
let picks = new Int32Array(16);
/** The genres' open fronts and skip links (sim/economy/fronts.ts). */
let fronts = new Fronts(0);
/** Entries a front holds beyond `maxCampaigns` (for the pledger's own campaigns, which it skips). */
const FRONT_SPARE = 6;

export function fund(w: World): void {
  expire(w);
  w.book.admitPending();
  if (w.book.openCount === 0) return;
  const order = w.order;
  shuffle(w.rng.order, order);
  if (fronts.genres !== w.genres.k) fronts = new Fronts(w.genres.k);
  fronts.begin(w.book, w.s.demand.maxCampaigns + FRONT_SPARE);
  for (let k0 = 0; k0 < w.n; k0 += CHUNK) {
    const k1 = Math.min(w.n, k0 + CHUNK);
    touch(w, order, k0, k1);
    for (let k = k0; k < k1; k++) {
      const i = order[k]!;
      const budget = dailyBudget(w, i);
      if (budget < 1) continue;
      pledgeBudget(w, i, budget);
    }
  }
}

/** Agents per prefetch: small enough that what `touch` loads stays in cache until their visits. */
const CHUNK = 32;
let touched = 0;

/**
 * A prefetch: read what the visits of agents order[k0..k1) will read first (work window, balances,
 * floors, liked genres, in S3 the delivered flow). The agents are in random order, so in a large
 * population each read misses the cache; here the reads are independent and the processor overlaps
 * their misses, while in the visits each would wait for the last. Changes nothing: the values are only
 * summed into `touched`.
 */
function touch(w: World, order: Int32Array, k0: number, k1: number): void {
  const work = w.workDemand.sum;
  const L = w.ledger;
  const b0 = L.balance[0]!, b1 = L.balance[1]!, b2 = L.balance[2]!, f0 = L.floor[0]!, f1 = L.floor[1]!, f2 = L.floor[2]!;
  const liked = w.agents.likedGenre;
  const Lk = w.agents.liked;
  // S3: the working balance in the budget reads the agent's delivered flow (elsewhere: read work twice).
  const d0 = w.bank?.delivered[0]!.sum ?? work, d1 = w.bank?.delivered[1]!.sum ?? work;
  let sum = 0;
  for (let k = k0; k < k1; k++) {
    const i = order[k]!;
    sum += work[i]! + b0[i]! + b1[i]! + b2[i]! + f0[i]! + f1[i]! + f2[i]! + liked[i * Lk]! + d0[i]! + d1[i]!;
  }
  touched += sum;
}

/** Spread one agent's budget (milli MH-eq) over its cheapest-per-reputation candidates. */
function pledgeBudget(w: World, i: number, budget: number): void {
  const n = pick(w, i);
  if (n === 0) return;
  const book = w.book;
  const share = budget / n;
  const freeRide = w.s.demand.freeRide;
  const rng = w.rng.freeRide;
  // The agent's means are followed here, pledge by pledge, and its tokens move into escrow in one
  // posting per currency: before a release (escrow must hold what it pays out) and at the end. The
  // split of each pledge is budget.ts payValue's, from the same means (integers: the same arithmetic).
  const L = w.ledger;
  const single = w.single;
  const main = single ? CUR.cur : CUR.mh;
  let meansMain = L.means(main, i);
  let meansCh = single ? 0 : L.means(CUR.ch, i);
  const e = w.e;
  let dueMain = 0;
  let dueCh = 0;
  const chosen = picks;
  for (let k = 0; k < n; k++) {
    if (rng() < freeRide) continue;
    const c = chosen[k]!;
    const lacking = book.lacking(c);
    const value = share < lacking ? share : lacking;
    let mh: number;
    let ch: number;
    if (single) {
      const amount = Math.floor(Math.min(value, meansMain));
      mh = amount > 0 ? amount : 0;
      ch = 0;
    } else {
      splitValue(value, meansMain, meansCh, e, split);
      mh = split[0]!;
      ch = split[1]!;
    }
    if (mh + ch > 0) {
      book.addPledge(c, i, mh, ch, mh + e * ch);
      meansMain -= mh; meansCh -= ch;
      dueMain += mh; dueCh += ch;
    }
    if (book.lacking(c) <= 1) {
      if (dueMain > 0) { L.post(main, KIND.pledge, i, L.escrow, dueMain); dueMain = 0; }
      if (dueCh > 0) { L.post(CUR.ch, KIND.pledge, i, L.escrow, dueCh); dueCh = 0; }
      funded(w, c);
    }
  }
  if (dueMain > 0) L.post(main, KIND.pledge, i, L.escrow, dueMain);
  if (dueCh > 0) L.post(CUR.ch, KIND.pledge, i, L.escrow, dueCh);
}

/**
 * Agent i's candidates into `picks`: up to `maxCampaigns` open campaigns of other producers in its
 * liked genres, cheapest per reputation first (ties: the earlier liked slot), merged from the heads of
 * the genres' ordered lists. Returns how many.
 */
function pick(w: World, i: number): number {
  const a = w.agents;
  const Lk = a.liked;
  const max = w.s.demand.maxCampaigns;
  if (picks.length < max) picks = new Int32Array(max);
  const F = fronts, out = picks, hd = heads, hk = headKey, gs = slotGenre;
  // No campaign opens or closes while an agent picks, so the fronts and heads stay valid.
  for (let k = 0; k < Lk; k++) {
    const g = a.likedGenre[i * Lk + k]!;
    gs[k] = g;
    F.front(g);
    seek(F, hd, hk, k, g, 0, i);
  }
  let n = 0;
  while (n < max) {
    let bestKey = Infinity;
    let bestSlot = -1;
    for (let k = 0; k < Lk; k++) { const x = hk[k]!; if (x < bestKey) { bestKey = x; bestSlot = k; } }
    if (bestSlot < 0) break;
    const g = gs[bestSlot]!;
    const h = hd[bestSlot]!;
    if (h >= 0) {
      out[n++] = F.ids[g * F.size + h]!;
      seek(F, hd, hk, bestSlot, g, h + 1, i);
    } else {
      const r = -h - 1;
      out[n++] = F.list(g).ids[r]!;
      seekDeep(F, hd, hk, bestSlot, g, r + 1, i);
    }
  }
  return n;
}

/**
 * Slot k's head: the first entry >= f of genre g's front whose producer is not agent i (its key in
 * hk[k], Infinity when none is left); past a full front, the walk goes on in the list.
 */
function seek(F: Fronts, hd: Int32Array, hk: Float64Array, k: number, g: number, f: number, i: number): void {
  const base = g * F.size;
  const len = F.len[g]!;
  const producers = F.producers;
  while (f < len && producers[base + f] === i) f++;
  if (f < len) { hd[k] = f; hk[k] = F.keys[base + f]!; return; }
  if (!F.deeper(g)) { hd[k] = f; hk[k] = Infinity; return; }
  seekDeep(F, hd, hk, k, g, F.pos[base + len - 1]! + 1, i);
}

/** Beyond the front: slot k's head is the list position r >= h, stored as -(r + 1). */
function seekDeep(F: Fronts, hd: Int32Array, hk: Float64Array, k: number, g: number, h: number, i: number): void {
  const list = F.list(g);
  let r = F.nextOpen(g, h);
  while (r < list.length && list.producers[r] === i) r = F.nextOpen(g, r + 1); // not its own
  hd[k] = -(r + 1);
  hk[k] = r < list.length ? list.keys[r]! : Infinity;
}

/** Escrow pays the producer what it holds for c; the good is released. */
function funded(w: World, c: number): void {
  const book = w.book;
  const L = w.ledger;
  const st = w.stats;
  const p = book.producer[c]!;
  const mh = book.escrowMh(c);
  const ch = book.escrowCh(c);
  const main = w.single ? CUR.cur : CUR.mh;
  if (mh > 0) L.post(main, KIND.release, L.escrow, p, mh);
  if (ch > 0) L.post(CUR.ch, KIND.release, L.escrow, p, ch);
  st.flow[main]! += mh;
  st.flow[CUR.ch]! += ch;
  if (w.pricing.ownMarkup && w.day - book.openDay[c]! <= w.s.campaign.windowDays / 2) {
    w.agents.markup[p]! *= 1 + w.rng.markup() * w.s.market.markupStep;
  }
  if (w.bank !== null) {
    w.bank.deliveredToday[CUR.mh]![p]! += mh;
    w.bank.deliveredToday[CUR.ch]![p]! += ch;
  }
  w.agents.receiptsToday[p]! += w.single ? mh / (MILLI * w.wage) : fromMilli(mh + w.e * ch);
  w.agents.funded[p]!++;
  st.campaignsFunded++;
  st.daysToFundSum += w.day - book.openDay[c]!;
  const price = book.price(c);
  st.priceSum += fromMilli(price) / w.priceUnit; // MH-equivalents
  st.pricedGoods++;
  st.priceLevelSum += price / book.cost[c]!;
  const genre = book.genre[c]!;
  fronts.invalidate(genre);
  w.genres.fundedToday[genre]!++;
  w.genres.closedToday[genre]!++;
  released(w, p, genre, book.quality[c]!);
  book.close(c, false);
}

/** Campaigns whose window has ended refund every pledge; their goods are released as gifts. Runs before
 * the day's admit, which frees the ids of the campaigns closed since the last one. */
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
    for (let h = 0; h < list.length; h++) {
      if (list.open[h] !== 1) continue;
      const c = list.ids[h]!;
      if (w.day - book.openDay[c]! < window) continue;
      const p = book.producer[c]!;
      w.agents.refunded[p]!++;
      if (w.pricing.ownMarkup) w.agents.markup[p] = w.agents.markup[p]! * (1 - w.rng.markup() * w.s.market.markupStep);
      w.stats.campaignsRefunded++;
      const genre = book.genre[c]!;
      w.genres.closedToday[genre]!++;
      released(w, p, genre, book.quality[c]!);
      book.close(c, true);
    }
  }
  book.sweep(refund); // refunds every pledge of the campaigns just closed (and drops those of funded ones)
}
