/**
 * Settling a cash market for hours, pro rata (the S1 input markets and the R&D hire market): buyers'
 * bids and sellers' offers are in want[] by agent (milli-hours), listed in w.idxA / w.idxB. The long
 * side is rationed pro rata (largest remainder); each buyer pays round(price x its hours) into the
 * exchange account, which pays the sellers pro rata to the hours they deliver, so it ends empty.
 * Payments are recorded in MH-equivalents for rho (at the day's price unit). Returns the amount paid.
 */
import { prorata, splitOrCopy } from './prorata.js';
import { KIND } from '../money/ledger.js';
import type { World } from '../engine/world.js';
import { MILLI } from '../money/milli.js';

/** Milli-hours agent i can pay for at `price` (token units per milli-hour) from its means in `cur`,
 * keeping 2 milli-tokens back for the rounding of its payment. */
export function affordable(w: World, cur: number, i: number, price: number): number {
  return Math.floor(Math.max(0, w.ledger.means(cur, i) - 2) / price);
}

let fill = new Float64Array(0);
let pay = new Float64Array(0);

export function settleProRata(
  w: World, cur: number, price: number, nb: number, ns: number, bids: number, asks: number,
  bought: Float64Array, sold: Float64Array, delivered: Float64Array | null,
): number {
  const volume = Math.min(bids, asks);
  if (volume <= 0) return 0;
  const a = w.agents;
  const L = w.ledger;
  const buyers = w.idxA;
  const sellers = w.idxB;
  const want = w.bufA;
  const m = Math.max(nb, ns);
  if (fill.length < m) { fill = new Float64Array(2 * m); pay = new Float64Array(2 * m); }
  const fl = fill; // locals: V8 reloads a module binding at every use
  const py = pay;
  const inputPay = a.inputPayToday;
  const receipts = a.receiptsToday;
  const exchange = L.exchange;
  if (bids > asks) prorata(volume, want, buyers, nb, fl);
  else for (let k = 0; k < nb; k++) fl[k] = want[buyers[k]!]!;
  const toValue = 1 / (MILLI * w.priceUnit);
  let paid = 0;
  for (let k = 0; k < nb; k++) {
    const i = buyers[k]!;
    const amount = Math.round(price * fl[k]!);
    bought[i]! += fl[k]!;
    py[k] = amount;
    inputPay[i]! += amount * toValue;
    paid += amount;
  }
  // The buyers' payments in one batch: the postings one by one would make, in buyer order (postToOne
  // skips the payments of 0, as a posting per buyer did, and refuses a negative or NaN one, which a
  // posting per buyer passed over; bids are capped at what a buyer can pay); nothing above reads a balance.
  L.postToOne(cur, KIND.input, buyers, exchange, py, 0, nb);
  if (asks > bids) prorata(volume, want, sellers, ns, fl);
  else for (let k = 0; k < ns; k++) fl[k] = want[sellers[k]!]!;
  let filled = 0;
  for (let k = 0; k < ns; k++) { want[sellers[k]!] = fl[k]!; filled += fl[k]!; }
  // At par the payment is the hours filled, and each seller is paid its fill (splitOrCopy).
  if (paid > 0) splitOrCopy(paid, filled, want, sellers, ns, py);
  else py.fill(0, 0, ns);
  for (let k = 0; k < ns; k++) {
    const j = sellers[k]!;
    sold[j]! += fl[k]!;
    const amount = py[k]!;
    if (delivered !== null) delivered[j]! += amount;
    receipts[j]! += amount * toValue;
  }
  L.postFromOne(cur, KIND.input, exchange, sellers, py, 0, ns); // in seller order, as above
  w.stats.flow[cur]! += paid;
  w.stats.inputPaid[cur]! += paid;
  return paid;
}
