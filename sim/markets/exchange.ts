/**
 * Phase 4, exchange: the CH/MH exchange as a daily call auction on the day's planned schedules (a
 * Walrasian clearing, MODEL.md section 4).
 *
 * Each producer with hours (availCh, availMh) plans the cost-minimising mix for the value of its own
 * hours at rate e: it wants sX(e) x (availCh + availMh / e) CH, so its planned excess CH demand is
 * d_i(e) = sX(e) availMh / e - (1 - sX(e)) availCh, and its token flows net to zero in value. Summing,
 * D(e) needs two sums only; the rate is found by bisection on log e in [e_ref/100, 100 e_ref]. Every
 * producer then fixes its plan at that rate, and the exchange swaps the planned surpluses' tokens at
 * it: bidders for CH tokens pay MH tokens, and the reverse; each side is capped by its means (balance
 * plus unused credit), filled pro rata with largest-remainder rounding, so the exchange ends empty.
 * Nobody's orders depend on yesterday's print.
 */
import { clearingRate } from './clearing.js';
import { prorata, splitOrCopy } from './prorata.js';
import { affordable } from './settle.js';
import { shareCh } from '../economy/production.js';
import { CUR, KIND } from '../money/ledger.js';
import type { World } from '../engine/world.js';

let fillBuf = new Float64Array(0);
let payBuf = new Float64Array(0);
let weightBuf = new Float64Array(0);
let chBuf = new Float64Array(0);

/** Plan phase: until a rate has cleared, values use e_ref (which follows the base recipe). */
export function referenceRateUntilCleared(w: World): void {
  if (!w.hadRate) w.e = w.eRef;
}

export function exchange(w: World): void {
  const a = w.agents;
  let sumCh = 0;
  let sumMh = 0;
  for (let i = 0; i < w.n; i++) { sumCh += a.availCh[i]!; sumMh += a.availMh[i]!; }
  const baseMh = w.s.goods.baseMh;
  const baseCh = w.baseCh;
  const excess = (e: number): number => {
    const sx = shareCh(w.tech, e, baseMh, baseCh);
    return (sx * sumMh) / e - (1 - sx) * sumCh;
  };
  const eRef = w.eRef;
  const rate = sumCh > 0 && sumMh > 0 ? clearingRate(excess, eRef / 100, eRef * 100) : NaN;
  w.rate = rate;
  if (!(rate > 0)) return; // no clearing rate in range: no trade today, the last rate stands
  w.e = rate;
  w.hadRate = true;
  fixPlans(w, rate);
  // One currency needs no swap; in the Peer Bank's bootstrap nobody pays for inputs.
  if (w.money.exchange && !w.money.bankPaysInputs(w)) swapTokens(w, rate);
}

/** Every producer's plan at the clearing rate, quantised to milli-hours. */
function fixPlans(w: World, rate: number): void {
  const a = w.agents;
  const availCh = a.availCh;
  const availMh = a.availMh;
  const planCh = a.planCh;
  const planMh = a.planMh;
  const n = w.n;
  const sx = shareCh(w.tech, rate, w.s.goods.baseMh, w.baseCh);
  for (let i = 0; i < n; i++) {
    const ch = availCh[i]!;
    const mh = availMh[i]!;
    if (ch + mh === 0) continue;
    const d = Math.round(sx * (ch + mh / rate) - ch);
    if (d > 0) {
      const sell = Math.min(mh, Math.round(rate * d));
      planCh[i] = d; planMh[i] = -sell;
    } else if (d < 0) {
      planCh[i] = Math.max(d, -ch); planMh[i] = Math.round(rate * -d);
    }
  }
}

/** Swap CH tokens for MH tokens at the rate, each side capped by its means, pro rata. */
function swapTokens(w: World, rate: number): void {
  const a = w.agents;
  const L = w.ledger;
  const planCh = a.planCh;
  const n = w.n;
  const buyers = w.idxA;
  const sellers = w.idxB;
  const bid = w.bufA; // by agent: CH tokens wanted (buyers) or offered (sellers), milli
  let nb = 0;
  let ns = 0;
  let sumBid = 0;
  let sumAsk = 0;
  for (let i = 0; i < n; i++) {
    const p = planCh[i]!;
    if (p > 0) {
      const afford = affordable(w, CUR.mh, i, rate);
      const b = Math.min(p, afford);
      if (b > 0) { bid[i] = b; buyers[nb++] = i; sumBid += b; }
    } else if (p < 0) {
      const s = Math.min(-p, Math.max(0, L.means(CUR.ch, i)));
      if (s > 0) { bid[i] = s; sellers[ns++] = i; sumAsk += s; }
    }
  }
  const volume = Math.min(sumBid, sumAsk);
  if (volume <= 0) return;
  const m = Math.max(nb, ns);
  if (fillBuf.length < m) { fillBuf = new Float64Array(m * 2); payBuf = new Float64Array(m * 2); chBuf = new Float64Array(m * 2); }
  if (weightBuf.length < w.n) weightBuf = new Float64Array(w.n);
  const fill = fillBuf; // locals: V8 reloads a module binding at every use
  const pay = payBuf;
  const weight = weightBuf;
  const chFill = chBuf;
  const exchange = L.exchange;
  const volumeMh = Math.round(rate * volume);
  // Buyers: CH tokens filled pro rata to bids (the short side gets its bids), MH paid pro rata to fills.
  splitOrCopy(volume, sumBid, bid, buyers, nb, fill);
  for (let k = 0; k < nb; k++) { weight[buyers[k]!] = fill[k]!; chFill[k] = fill[k]!; } // chFill: the buyers' CH, paid out last
  prorata(volumeMh, weight, buyers, nb, pay);
  L.postToOne(CUR.mh, KIND.exchange, buyers, exchange, pay, 0, nb);
  // Sellers: CH tokens taken pro rata to asks, MH paid out pro rata to them.
  splitOrCopy(volume, sumAsk, bid, sellers, ns, fill);
  for (let k = 0; k < ns; k++) weight[sellers[k]!] = fill[k]!;
  L.postToOne(CUR.ch, KIND.exchange, sellers, exchange, fill, 0, ns);
  prorata(volumeMh, weight, sellers, ns, pay);
  L.postFromOne(CUR.mh, KIND.exchange, exchange, sellers, pay, 0, ns);
  L.postFromOne(CUR.ch, KIND.exchange, exchange, buyers, chFill, 0, nb);
}
