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
import { affordable, settleProRata } from './settle.js';
import { CUR } from '../money/ledger.js';
import type { World } from '../engine/world.js';
import { fromMilli } from '../money/milli.js';


export function auction(w: World): void {
  if (!(w.rate > 0)) return;
  if (w.credit) {
    w.wage = 1;
    market(w, false, w.e);
    market(w, true, 1);
    return;
  }
  const L = w.ledger;
  const money = fromMilli(-L.balance[CUR.cur]![L.bank]!);
  let hours = w.hoursUsedYesterday;
  if (!(hours > 0)) {
    const a = w.agents;
    for (let i = 0; i < w.n; i++) hours += fromMilli(a.availMh[i]! + w.e * a.availCh[i]!);
  }
  if (!(hours > 0) || !(money > 0)) return;
  w.wage = money / (w.s.market.wageDays * hours);
  market(w, false, w.e * w.wage);
  market(w, true, w.wage);
}

/** One input market at `price` (cur per hour = milli-cur per milli-hour). */
function market(w: World, isMh: boolean, price: number): void {
  const a = w.agents;
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
      const afford = affordable(w, CUR.cur, i, price); // balance (+ unused credit)
      const b = Math.min(p, afford);
      if (b > 0) { want[i] = b; buyers[nb++] = i; bids += b; }
    } else if (p < 0) {
      want[i] = -p; sellers[ns++] = i; asks += -p;
    }
  }
  settleProRata(w, CUR.cur, price, nb, ns, bids, asks, bought, sold, null);
  const volume = Math.min(bids, asks);
  if (isMh) w.stats.deliveredMh += volume; else w.stats.deliveredCh += volume;
}
