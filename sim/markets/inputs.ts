/**
 * Phase 5, inputs: the par input markets (S2/S3). One CH token buys one CH delivered, one MH token one
 * MH. Sellers offer their planned surplus; buyers bid their planned shortfall, capped by the tokens they
 * can pay (balance plus unused credit). The short side is served in full; the long side is rationed at
 * random (a shuffled queue filled in turn), and buyers are matched to sellers in queue order, each match
 * one posting from buyer to seller: 1 milli-hour delivered = 1 milli-token paid (invariant 7).
 * In the Peer Bank's bootstrap the bank pays every delivered input with new tokens instead: buyers get
 * the hours as a grant, sellers earn the first money.
 */
import { shuffle } from '../engine/random.js';
import { CUR, KIND } from '../money/ledger.js';
import { prefetch } from './prefetch.js';
import type { World } from '../engine/world.js';
import { fromMilli } from '../money/milli.js';

/** Queue entries prefetched at a time. */
const BLOCK = 64;
/** Populations from which the queue's fields are prefetched: below it (5 fields x 8 bytes x 4096 agents
 * = 160 kB) they stay in cache from one visit to the next, and the prefetch only adds reads. */
const PREFETCH_AGENTS = 4096;

export function inputs(w: World): void {
  if (!(w.rate > 0)) return;
  market(w, CUR.ch);
  market(w, CUR.mh);
}

function market(w: World, cur: number): void {
  const a = w.agents;
  const L = w.ledger;
  const isCh = cur === CUR.ch;
  const planned = isCh ? a.planCh : a.planMh;
  const sold = isCh ? a.soldCh : a.soldMh;
  const bought = isCh ? a.boughtCh : a.boughtMh;
  const valuePerMilli = fromMilli(isCh ? w.e : 1); // MH-equivalents per milli-token
  const buyers = w.idxA;
  const sellers = w.idxB;
  const want = w.bufA; // by agent: bid (buyers) or offer (sellers), milli-hours
  const grant = w.money.bankPaysInputs(w);
  const delivered = w.bank?.deliveredToday[cur] ?? null;
  let nb = 0;
  let ns = 0;
  let bids = 0;
  let asks = 0;
  for (let i = 0; i < w.n; i++) {
    const p = planned[i]!;
    if (p > 0) {
      const b = grant ? p : Math.min(p, Math.max(0, L.means(cur, i)));
      if (b > 0) { want[i] = b; buyers[nb++] = i; bids += b; }
    } else if (p < 0) {
      want[i] = -p; sellers[ns++] = i; asks += -p;
    }
  }
  if (w.bank !== null) w.bank.offeredToday[cur]! += asks;
  const volume = Math.min(bids, asks);
  if (volume <= 0) return;
  // The long side in random order; both sides then walk their queues until the volume is delivered.
  if (bids > asks) shuffle(w.rng.rationing, buyers, nb);
  else if (asks > bids) shuffle(w.rng.rationing, sellers, ns);
  // The queues' fields, prefetched a block ahead on the shuffled side in a large population
  // (sim/markets/prefetch.ts; PREFETCH_AGENTS).
  const shuffled = bids > asks ? buyers : sellers;
  const fields = bids > asks ? [want, L.balance[cur]!, L.floor[cur]!, bought, a.inputPayToday] : [want, L.balance[cur]!, sold, a.receiptsToday];
  let touchedTo = w.n >= PREFETCH_AGENTS ? 0 : Infinity;
  let left = volume;
  let b = 0;
  let s = 0;
  let needB = nb > 0 ? want[buyers[0]!]! : 0;
  let haveS = ns > 0 ? want[sellers[0]!]! : 0;
  while (left > 0 && b < nb && s < ns) {
    const at = shuffled === buyers ? b : s;
    if (at >= touchedTo) { touchedTo = Math.min(at + BLOCK, shuffled === buyers ? nb : ns); prefetch(shuffled, at, touchedTo, fields); }
    const buyer = buyers[b]!;
    const seller = sellers[s]!;
    const q = Math.min(needB, haveS, left);
    if (grant) L.post(cur, KIND.issuance, L.bank, seller, q);
    else L.post(cur, KIND.input, buyer, seller, q);
    if (delivered !== null) delivered[seller]! += q;
    bought[buyer]! += q;
    sold[seller]! += q;
    if (!grant) a.inputPayToday[buyer]! += q * valuePerMilli;
    a.receiptsToday[seller]! += q * valuePerMilli;
    left -= q;
    needB -= q;
    haveS -= q;
    if (needB === 0 && ++b < nb) needB = want[buyers[b]!]!;
    if (haveS === 0 && ++s < ns) haveS = want[sellers[s]!]!;
  }
  w.stats.inputPaid[cur]! += volume - left; // what the matches delivered (all of the volume)
  w.stats.flow[cur]! += volume;
  if (grant) w.stats.issued[cur]! += volume;
  if (isCh) w.stats.deliveredCh += volume; else w.stats.deliveredMh += volume;
}
