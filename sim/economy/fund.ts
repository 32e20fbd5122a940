/**
 * Phase 7, fund: campaigns past their window refund and release their good as a gift; then agents, in
 * random order, pledge to open campaigns (MODEL.md section 5).
 *
 * An agent's daily budget, in MH-equivalents, is incomeShare x the average daily value of its work over
 * the last 30 days (people spend what their work is worth) + balanceShare x its positive balances,
 * capped by its means (positive balance plus unused credit). It spreads the budget evenly over the first
 * `maxCampaigns` open campaigns of other producers in its liked genres, cheapest per unit of the
 * producer's reputation first, skipping each with probability `freeRide` (the skipped share stays
 * unspent that day). In S3 only the balance above the agent's working balance (bank.k days of its own
 * delivered flow, the balance the bank provisions) counts: otherwise each token issued would raise the
 * target by k x balanceShare and money would grow without bound. In S1 (one currency) budgets are in
 * currency at the day's wage, and likewise only the balance above the working balance (market.wageDays
 * days of the agent's own work value) counts: the principled cure MODEL.md names for S1's thin rho
 * margin. After each campaign closes, an S1 producer's markup rises by U(0, step) if it was funded
 * within half the window and falls by U(0, step) if it was refunded (adaptive markup). A pledge never exceeds what the campaign still lacks; a campaign is funded when its
 * pledged value is within one milli-token of its price, and escrow pays the producer at once.
 */
import { shuffle } from '../engine/random.js';
import { CUR, KIND } from '../money/ledger.js';
import { released } from './release.js';
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

export function fund(w: World): void {
  expire(w);
  w.book.admitPending();
  if (w.book.openCount === 0) return;
  const s = w.s;
  const L = w.ledger;
  const e = w.e;
  const order = w.order;
  shuffle(w.rng.order, order);
  const incomeShare = s.demand.incomeShare;
  const balanceShare = s.demand.balanceShare;
  const span = Math.max(1, w.workDemand.span);
  const unit = w.priceUnit;
  for (let g = 0; g < w.genres.k; g++) {
    const length = w.book.byGenre[g]!.length;
    let skip = skips[g];
    if (skip === undefined || skip.length < length + 1) skip = skips[g] = new Int32Array(2 * length + 64);
    for (let h = 0; h <= length; h++) skip[h] = h;
  }
  for (let k = 0; k < w.n; k++) {
    const i = order[k]!;
    const workPerDay = (w.workDemand.sum[i]! / span) * 1000 * unit; // price units (milli) a day
    let positive: number;
    let means: number;
    if (w.single) {
      const bal = L.balance[CUR.cur]![i]!;
      const working = w.credit ? 0 : s.market.wageDays * workPerDay; // S1 counts only what exceeds it
      positive = bal > working ? bal - working : 0;
      means = Math.max(0, L.means(CUR.cur, i)); // balance (+ unused credit with one merged token)
    } else {
      positive = spendable(w, CUR.mh, i, L.balance[CUR.mh]![i]!) + e * spendable(w, CUR.ch, i, L.balance[CUR.ch]![i]!); // milli MH-eq
      means = Math.max(0, L.means(CUR.mh, i)) + e * Math.max(0, L.means(CUR.ch, i));
    }
    let budget = incomeShare * workPerDay + balanceShare * positive;
    if (budget > means) budget = means;
    if (budget < 1) continue;
    pledgeBudget(w, i, budget);
  }
}

/** The balance that counts in the budget: positive balances, in S3 only above the working balance. */
function spendable(w: World, cur: number, i: number, balance: number): number {
  if (balance <= 0) return 0;
  if (w.bank === null) return balance;
  const delivered = w.bank.delivered[cur]!;
  const working = (w.s.bank.k * delivered.sum[i]!) / delivered.window;
  return balance > working ? balance - working : 0;
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

/** Pay `value` (milli MH-eq) into escrow for campaign c, first in the token the agent has more means of. */
function pledge(w: World, i: number, c: number, value: number): void {
  const L = w.ledger;
  if (w.single) { // one currency: the campaign's MH slot holds it
    const amount = Math.floor(Math.min(value, L.means(CUR.cur, i)));
    if (amount <= 0) return;
    L.post(CUR.cur, KIND.pledge, i, L.escrow, amount);
    w.book.addPledge(c, i, amount, 0, amount);
    return;
  }
  const e = w.e;
  const mhMeans = L.balance[CUR.mh]![i]! - L.floor[CUR.mh]![i]!;
  const chMeans = L.balance[CUR.ch]![i]! - L.floor[CUR.ch]![i]!;
  const meansMh = mhMeans > 0 ? mhMeans : 0;
  const meansChValue = chMeans > 0 ? e * chMeans : 0;
  let mh: number;
  let ch: number;
  if (meansMh >= meansChValue) {
    mh = Math.floor(value < meansMh ? value : meansMh);
    const rest = value - mh < meansChValue ? value - mh : meansChValue;
    ch = rest > 0 ? Math.floor(rest / e) : 0;
  } else {
    ch = Math.floor((value < meansChValue ? value : meansChValue) / e);
    const rest = value - ch * e < meansMh ? value - ch * e : meansMh;
    mh = rest > 0 ? Math.floor(rest) : 0; // ch * e may exceed value by rounding
  }
  if (mh > 0) L.post(CUR.mh, KIND.pledge, i, L.escrow, mh);
  if (ch > 0) L.post(CUR.ch, KIND.pledge, i, L.escrow, ch);
  if (mh + ch > 0) w.book.addPledge(c, i, mh, ch, mh + e * ch);
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
