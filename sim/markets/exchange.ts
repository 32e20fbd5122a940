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
import { prorata } from './prorata.js';
import { affordable } from './settle.js';
import { shareCh } from '../economy/production.js';
import { CUR, KIND } from '../money/ledger.js';
import type { World } from '../engine/world.js';

let fillBuf = new Float64Array(0);
let payBuf = new Float64Array(0);
let weightBuf = new Float64Array(0);

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
  const sx = shareCh(w.tech, rate, w.s.goods.baseMh, w.baseCh);
  for (let i = 0; i < w.n; i++) {
    const ch = a.availCh[i]!;
    const mh = a.availMh[i]!;
    if (ch + mh === 0) continue;
    const d = Math.round(sx * (ch + mh / rate) - ch);
    if (d > 0) {
      const sell = Math.min(mh, Math.round(rate * d));
      a.planCh[i] = d; a.planMh[i] = -sell;
    } else if (d < 0) {
      a.planCh[i] = Math.max(d, -ch); a.planMh[i] = Math.round(rate * -d);
    }
  }
}

/** Swap CH tokens for MH tokens at the rate, each side capped by its means, pro rata. */
function swapTokens(w: World, rate: number): void {
  const a = w.agents;
  const L = w.ledger;
  const buyers = w.idxA;
  const sellers = w.idxB;
  const bid = w.bufA; // by agent: CH tokens wanted (buyers) or offered (sellers), milli
  let nb = 0;
  let ns = 0;
  let sumBid = 0;
  let sumAsk = 0;
  for (let i = 0; i < w.n; i++) {
    const p = a.planCh[i]!;
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
  if (fillBuf.length < m) { fillBuf = new Float64Array(m * 2); payBuf = new Float64Array(m * 2); }
  if (weightBuf.length < w.n) weightBuf = new Float64Array(w.n);
  const volumeMh = Math.round(rate * volume);
  // Buyers: CH tokens filled pro rata to bids, MH paid pro rata to fills.
  prorata(volume, bid, buyers, nb, fillBuf);
  for (let k = 0; k < nb; k++) weightBuf[buyers[k]!] = fillBuf[k]!;
  prorata(volumeMh, weightBuf, buyers, nb, payBuf);
  for (let k = 0; k < nb; k++) if (payBuf[k]! > 0) L.post(CUR.mh, KIND.exchange, buyers[k]!, L.exchange, payBuf[k]!);
  for (let k = 0; k < nb; k++) bid[buyers[k]!] = fillBuf[k]!; // keep buyers' CH fills for the pay-out
  // Sellers: CH tokens taken pro rata to asks, MH paid out pro rata to them.
  prorata(volume, bid, sellers, ns, fillBuf);
  for (let k = 0; k < ns; k++) { weightBuf[sellers[k]!] = fillBuf[k]!; if (fillBuf[k]! > 0) L.post(CUR.ch, KIND.exchange, sellers[k]!, L.exchange, fillBuf[k]!); }
  prorata(volumeMh, weightBuf, sellers, ns, payBuf);
  for (let k = 0; k < ns; k++) if (payBuf[k]! > 0) L.post(CUR.mh, KIND.exchange, L.exchange, sellers[k]!, payBuf[k]!);
  for (let k = 0; k < nb; k++) { const i = buyers[k]!; if (bid[i]! > 0) L.post(CUR.ch, KIND.exchange, L.exchange, i, bid[i]!); }
}
