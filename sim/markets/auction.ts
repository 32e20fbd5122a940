/**
 * Phase 5 in `market` and `market-k` (S1, MODEL.md section 4): input markets in one currency.
 *
 * The exchange phase has cleared the relative price q = r / w (a CH in MH-equivalents) on the day's
 * planned schedules, exactly as the CH/MH exchange clears e, and fixed every plan at it. The nominal
 * level follows the quantity of money with a fixed velocity: the money wage w = M / (k_w H), H =
 * yesterday's hours used in production in MH-equivalents (on day 0, today's planned hours), and r = q w.
 * So a fixed stock with growing output deflates the price per good, and a growing stock does not.
 * With one merged token as mutual credit (an ablation of the two tokens) an MH is worth one token, as at
 * par, so w = 1 and r = q: the money is created by paying, and there is no stock to scale prices.
 *
 * Hours trade at (w, r), paid from the buyer's balance: a buyer short of money cuts its bid to what it
 * can pay; the long side is rationed pro rata; sellers are paid pro rata to the hours they deliver
 * (largest remainder), through the exchange account, which ends the day empty.
 */
import { prorata } from './prorata.js';
import { CUR, KIND } from '../money/ledger.js';
import type { World } from '../engine/world.js';

let fill = new Float64Array(0);
let pay = new Float64Array(0);

export function auction(w: World): void {
  if (!(w.rate > 0)) return;
  if (w.credit) {
    w.wage = 1;
    market(w, false, w.e);
    market(w, true, 1);
    return;
  }
  const L = w.ledger;
  const money = -L.balance[CUR.cur]![L.bank]! / 1000;
  let hours = w.hoursUsedYesterday;
  if (!(hours > 0)) {
    const a = w.agents;
    for (let i = 0; i < w.n; i++) hours += (a.availMh[i]! + w.e * a.availCh[i]!) / 1000;
  }
  if (!(hours > 0) || !(money > 0)) return;
  w.wage = money / (w.s.market.wageDays * hours);
  market(w, false, w.e * w.wage);
  market(w, true, w.wage);
}

/** One input market at `price` (cur per hour = milli-cur per milli-hour). */
function market(w: World, isMh: boolean, price: number): void {
  const a = w.agents;
  const L = w.ledger;
  const planned = isMh ? a.planMh : a.planCh;
  const sold = isMh ? a.soldMh : a.soldCh;
  const bought = isMh ? a.boughtMh : a.boughtCh;
  const buyers = w.idxA;
  const sellers = w.idxB;
  const want = w.bufA;
  let nb = 0;
  let ns = 0;
  let bids = 0;
  let asks = 0;
  for (let i = 0; i < w.n; i++) {
    const p = planned[i]!;
    if (p > 0) {
      const afford = Math.floor(Math.max(0, L.means(CUR.cur, i) - 2) / price); // balance (+ unused credit)
      const b = Math.min(p, afford);
      if (b > 0) { want[i] = b; buyers[nb++] = i; bids += b; }
    } else if (p < 0) {
      want[i] = -p; sellers[ns++] = i; asks += -p;
    }
  }
  const volume = Math.min(bids, asks);
  if (volume <= 0) return;
  const m = Math.max(nb, ns);
  if (fill.length < m) { fill = new Float64Array(2 * m); pay = new Float64Array(2 * m); }
  // Buyers: their fills (pro rata if they are the long side), each paying its hours at the price.
  if (bids > asks) prorata(volume, want, buyers, nb, fill);
  else for (let k = 0; k < nb; k++) fill[k] = want[buyers[k]!]!;
  let paid = 0;
  const toMhEq = 1 / (1000 * w.wage);
  for (let k = 0; k < nb; k++) {
    const i = buyers[k]!;
    const amount = Math.round(price * fill[k]!);
    bought[i]! += fill[k]!;
    if (amount > 0) L.post(CUR.cur, KIND.input, i, L.exchange, amount);
    a.inputPayToday[i]! += amount * toMhEq;
    paid += amount;
  }
  // Sellers: hours delivered (pro rata if they are the long side), paid pro rata to them.
  if (asks > bids) prorata(volume, want, sellers, ns, fill);
  else for (let k = 0; k < ns; k++) fill[k] = want[sellers[k]!]!;
  for (let k = 0; k < ns; k++) want[sellers[k]!] = fill[k]!;
  if (paid > 0) prorata(paid, want, sellers, ns, pay);
  for (let k = 0; k < ns; k++) {
    const j = sellers[k]!;
    sold[j]! += fill[k]!;
    const amount = paid > 0 ? pay[k]! : 0;
    if (amount > 0) L.post(CUR.cur, KIND.input, L.exchange, j, amount);
    a.receiptsToday[j]! += amount * toMhEq;
  }
  w.stats.flow[CUR.cur]! += paid;
  w.stats.inputPaid[CUR.cur]! += paid;
  if (isMh) w.stats.deliveredMh += volume; else w.stats.deliveredCh += volume;
}
