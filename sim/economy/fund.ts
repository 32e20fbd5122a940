/**
 * Phase 7, fund: campaigns past their window refund and release their good as a gift; then agents, in
 * random order, pledge to open campaigns (MODEL.md v4 section 5: demand is limited by budget).
 *
 * An agent's daily budget (sim/economy/budget.ts) follows the value of its work. It walks the open
 * campaigns of other producers in its liked genres, cheapest per unit of the producer's reputation
 * first, and pledges to each what it still lacks, up to what is left of the budget (campaigns get
 * completed, not spread thin), until the budget is spent or no campaign is left. It free-rides on each
 * with probability `freeRide`: what it would have pledged there stays unspent that day, as does what it
 * cannot place (as in v3, where a skipped campaign's share of the budget stayed unspent). A campaign is funded when its
 * pledged value is within one milli-token of its price, and escrow pays the producer at once.
 * `demand.maxCampaigns` is only a guard against runaway loops: the agent-days on which it stops an agent
 * with budget and campaigns left are counted (`demand_capped_share`). After each campaign closes, an S1
 * producer's markup rises by U(0, step) if it was funded within half the window, and falls by U(0, step)
 * if it was refunded (adaptive markup).
 *
 * For speed the walk is lazy: the agent merges the heads of its genres' fronts (sim/economy/fronts.ts)
 * one campaign at a time, so its cost follows the campaigns it visits, not the guard. The campaigns it
 * funds close behind its heads; their genres' fronts are refreshed only after its walk.
 */
import { shuffle } from '../engine/random.js';
import { CUR, KIND, type Ledger } from '../money/ledger.js';
import { released } from './release.js';
import { dailyBudgetInto, splitValueIo } from './budget.js';
import { Fronts } from './fronts.js';
import type { World } from '../engine/world.js';
import { MILLI, fromMilli } from '../money/milli.js';

/** Scratch for splitValueIo: its arguments, then [MH, CH] of one pledge. */
const split = new Float64Array(4);
/** The pledger's daily budget (budget.ts dailyBudgetInto). */
const budgetOf = new Float64Array(1);
// Scratch of the walk, one entry per liked slot (grown to genres.liked in fund()). Hot functions copy
// module-level arrays into locals first: V8 reloads and rechecks a module binding at every use, a local once.
let heads = new Int32Array(8);
let headKey = new Float64Array(8);
let slotGenre = new Int32Array(8);
/** Genres whose campaigns the current pledger funded: their fronts are refreshed after its walk. */
let fundedGenres = new Int32Array(8);
let fundedGenreCount = 0;
/** The genres' open fronts and skip links (sim/economy/fronts.ts). */
let fronts = new Fronts(0);
/**
 * Entries of a genre's front. A pledger visits 1.2 to 1.4 campaigns on average (500 agents, 3 years,
 * market, two-token and peer-bank), nearly always within a genre's first few, while every funded
 * campaign refreshes its genre's front (100 to 160 a day): so a short front. With 4, about one walk in
 * 20 days goes past a front into the list; with 24, the rebuilds (before refreshes) copied 4 to 6 times
 * the entries.
 */
const FRONT_SIZE = 4;

export function fund(w: World): void {
  expire(w);
  w.book.admitPending();
  if (w.book.openCount === 0) return;
  const order = w.order;
  shuffle(w.rng.order, order);
  if (fronts.genres !== w.genres.k) fronts = new Fronts(w.genres.k);
  const liked = w.agents.liked;
  if (heads.length < liked) {
    heads = new Int32Array(liked); headKey = new Float64Array(liked);
    slotGenre = new Int32Array(liked); fundedGenres = new Int32Array(liked);
  }
  fronts.begin(w.book, FRONT_SIZE);
  const st = w.stats;
  for (let k0 = 0; k0 < w.n; k0 += CHUNK) {
    const k1 = Math.min(w.n, k0 + CHUNK);
    touch(w, order, k0, k1);
    for (let k = k0; k < k1; k++) {
      const i = order[k]!;
      dailyBudgetInto(w, i, budgetOf); // through a slot: a double returned or passed by a call is boxed
      if (budgetOf[0]! < 1) continue;
      st.pledgers++;
      if (pledgeBudget(w, i, budgetOf)) st.pledgersCapped++;
      if (w.book.openCount === 0) return;
    }
  }
}

/** Agents per prefetch: small enough that what `touch` loads stays in cache until their visits. */
const CHUNK = 32;
let touched = 0;

/**
 * A prefetch: read what the visits of agents order[k0..k1) will read first (work window, balances and
 * floors in the run's currencies, liked genres, in S3 the delivered flow). The agents are in random
 * order, so in a large population each read misses the cache; here the reads are independent and the
 * processor overlaps their misses, while in the visits each would wait for the last. Changes nothing:
 * the values are only summed into `touched`.
 */
function touch(w: World, order: Int32Array, k0: number, k1: number): void {
  const work = w.workDemand.sum;
  const L = w.ledger;
  // The run's currencies only: CH and MH, or the one currency (read twice).
  const c0 = w.single ? CUR.cur : CUR.ch, c1 = w.single ? CUR.cur : CUR.mh;
  const b0 = L.balance[c0]!, b1 = L.balance[c1]!, f0 = L.floor[c0]!, f1 = L.floor[c1]!;
  const liked = w.agents.likedGenre;
  const Lk = w.agents.liked;
  // S3: the working balance in the budget reads the agent's delivered flow (elsewhere: read work twice).
  const d0 = w.bank?.delivered[0]!.sum ?? work, d1 = w.bank?.delivered[1]!.sum ?? work;
  let sum = 0;
  for (let k = k0; k < k1; k++) {
    const i = order[k]!;
    sum += work[i]! + b0[i]! + b1[i]! + f0[i]! + f1[i]! + liked[i * Lk]! + d0[i]! + d1[i]!;
  }
  touched += sum;
}

/**
 * Agent i walks its candidates, cheapest per reputation first, pledging to each what it lacks up to the
 * budget left (milli MH-eq; its daily budget is budgetOf[0]). Returns whether the guard
 * `demand.maxCampaigns` stopped it with budget and campaigns left.
 */
function pledgeBudget(w: World, i: number, budgetOf: Float64Array): boolean {
  const budget = budgetOf[0]!;
  const a = w.agents;
  const Lk = a.liked;
  const F = fronts, hd = heads, hk = headKey, gs = slotGenre, fg = fundedGenres;
  for (let k = 0; k < Lk; k++) {
    const g = a.likedGenre[i * Lk + k]!;
    gs[k] = g;
    F.front(g);
    seek(F, hd, hk, k, g, 0, i);
  }
  const book = w.book;
  const freeRide = w.s.demand.freeRide;
  const max = w.s.demand.maxCampaigns;
  const rng = w.rng.freeRide;
  // The agent's means are followed here, pledge by pledge, and its tokens move into escrow in one
  // posting per currency: before a release (escrow must hold what it pays out) and at the end. The
  // split of each pledge is budget.ts splitValue's, from the same means (integers: the same arithmetic).
  const L = w.ledger;
  const single = w.single;
  const main = single ? CUR.cur : CUR.mh;
  let meansMain = L.means(main, i);
  let meansCh = single ? 0 : L.means(CUR.ch, i);
  const e = w.e;
  let dueMain = 0;
  let dueCh = 0;
  let left = budget;
  let visited = 0;
  let capped = false;
  fundedGenreCount = 0;
  for (;;) {
    // The next candidate: the smallest head key over the liked slots (ties: the earlier slot).
    let bestKey = Infinity;
    let bestSlot = -1;
    for (let k = 0; k < Lk; k++) { const x = hk[k]!; if (x < bestKey) { bestKey = x; bestSlot = k; } }
    if (bestSlot < 0) break; // no open campaign of its liked genres is left
    if (visited === max) { capped = true; break; }
    visited++;
    const g = gs[bestSlot]!;
    const h = hd[bestSlot]!;
    let c: number;
    if (h >= 0) {
      c = F.ids[g * F.size + h]!;
      seek(F, hd, hk, bestSlot, g, h + 1, i);
    } else {
      const r = -h - 1;
      c = F.list(g).ids[r]!;
      seekDeep(F, hd, hk, bestSlot, g, r + 1, i);
    }
    const lacking = book.lacking(c);
    const value = left < lacking ? left : lacking;
    if (rng() < freeRide) { // free-rides on c: what it would have pledged stays unspent today
      left -= value;
      if (left < 1) break;
      continue;
    }
    let mh: number;
    let ch: number;
    if (single) {
      const amount = Math.floor(Math.min(value, meansMain));
      mh = amount > 0 ? amount : 0;
      ch = 0;
    } else {
      const io = split;
      io[0] = value; io[1] = meansMain; io[2] = meansCh; io[3] = e;
      splitValueIo(io);
      mh = io[0]!;
      ch = io[1]!;
    }
    if (mh + ch === 0) {
      // Nothing placed: either its means are spent (stop), or what c lacks is worth less than one of
      // the only tokens it holds (a CH token at e): it goes on to the next campaign.
      if (meansMain < 1 && (single || e * meansCh < 1)) break;
      continue;
    }
    const placed = mh + e * ch;
    book.addPledge(c, i, mh, ch, placed);
    meansMain -= mh; meansCh -= ch;
    dueMain += mh; dueCh += ch;
    left -= placed;
    if (book.lacking(c) <= 1) {
      if (dueMain > 0) { L.post(main, KIND.pledge, i, L.escrow, dueMain); dueMain = 0; }
      if (dueCh > 0) { L.post(CUR.ch, KIND.pledge, i, L.escrow, dueCh); dueCh = 0; }
      funded(w, c);
    }
    if (left < 1) break; // the budget is spent
  }
  if (dueMain > 0) L.post(main, KIND.pledge, i, L.escrow, dueMain);
  if (dueCh > 0) L.post(CUR.ch, KIND.pledge, i, L.escrow, dueCh);
  // The campaigns it funded closed behind its heads; their fronts are refreshed before the next walk.
  for (let k = 0; k < fundedGenreCount; k++) F.invalidate(fg[k]!);
  return capped;
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
  st.costFundedSum += fromMilli(book.cost[c]!) / w.priceUnit; // MH-equivalents
  const genre = book.genre[c]!;
  let seen = false;
  for (let k = 0; k < fundedGenreCount; k++) seen ||= fundedGenres[k] === genre;
  if (!seen) fundedGenres[fundedGenreCount++] = genre; // its front is refreshed after the pledger's walk
  w.genres.fundedToday[genre]!++;
  w.genres.closedToday[genre]!++;
  released(w, p, genre, book.quality[c]!);
  book.close(c, false);
}

/** Campaigns whose window has ended refund every pledge; their goods are released as gifts. Runs before
 * the day's admit, which frees the ids of the campaigns closed since the last one. The scan reads only
 * each listed entry's open flag and opening day; the rest is done for the few that expire. */
function expire(w: World): void {
  const book = w.book;
  const lastOpenDay = w.day - w.s.campaign.windowDays; // opened on or before it: the window has ended
  for (const list of book.byGenre) {
    const open = list.open, ids = list.ids;
    for (let h = 0; h < list.length; h++) {
      if (open[h] !== 1) continue;
      const c = ids[h]!;
      if (book.openDay[c]! > lastOpenDay) continue;
      expireOne(w, c);
    }
  }
  refundLedger = w.ledger;
  refundMain = w.single ? CUR.cur : CUR.mh;
  book.sweep(refund); // refunds every pledge of the campaigns just closed (and drops those of funded ones)
}

/** Campaign c's window has ended: it closes for a refund and its good is released. */
function expireOne(w: World, c: number): void {
  const book = w.book;
  const p = book.producer[c]!;
  w.agents.refunded[p]!++;
  if (w.pricing.ownMarkup) w.agents.markup[p] = w.agents.markup[p]! * (1 - w.rng.markup() * w.s.market.markupStep);
  w.stats.campaignsRefunded++;
  const genre = book.genre[c]!;
  w.genres.closedToday[genre]!++;
  released(w, p, genre, book.quality[c]!);
  book.close(c, true);
}

// The sweep's visitor is one function for the run (not a closure made each day); these are its ledger
// and main currency, set before each sweep.
let refundLedger: Ledger | null = null;
let refundMain = 0;

/** Escrow pays back one pledge (milli-tokens of the main currency and CH) to its agent. */
function refund(agent: number, mh: number, ch: number): void {
  const L = refundLedger!;
  if (mh > 0) L.post(refundMain, KIND.refund, L.escrow, agent, mh);
  if (ch > 0) L.post(CUR.ch, KIND.refund, L.escrow, agent, ch);
}
