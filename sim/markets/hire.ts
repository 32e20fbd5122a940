/**
 * The talk page's reinvestment: "I can also invest more man-hour tokens, i.e. hire someone with the
 * tokens ... and cpu-hour tokens, i.e. use someone else's machine ... to create more efficient
 * production processes". After the input markets, producers with rho > 1 spend `invest.reinvestShare`
 * of their profit ((rho - 1) x their average daily work value) on hours for R&D, in their recipe's
 * cost-minimising mix at the day's rate. The hours come from producers with rho < 1, who offer
 * `invest.hireShare` of their remaining own hours (a producer whose technique x learning is at the
 * floor already hires nothing: R&D could not lower its cost; without this rule, hiring went on after
 * costs hit the floor and pulled rho_median to 0.3 by year 10 under the 2020s calibration): selling an hour at its price pays them more than
 * producing with it. Prices: par in the two-token presets (an MH token an MH, a CH token a CH), the
 * wage and CH price in S1, one token an MH and the rate a CH with one merged token. The long side is
 * rationed pro rata; payments go through the exchange account, which ends empty. Hired hours count as
 * hours sold for the seller and as R&D inputs (sim/economy/invest.ts) and input payments for the hirer.
 */
import { settleProRata } from './settle.js';
import { shareCh } from '../economy/production.js';
import { rho } from '../economy/participation.js';
import { canImprove } from '../economy/invest.js';
import { CUR } from '../money/ledger.js';
import { bankPaysInputs } from '../money/peerBank.js';
import type { World } from '../engine/world.js';


export function hire(w: World): void {
  if (!w.hasMoney || !(w.rate > 0) || w.s.invest.hireShare === 0 || w.s.invest.reinvestShare === 0) return;
  if (bankPaysInputs(w)) return; // in the Peer Bank's bootstrap nobody has earned a profit to reinvest
  const single = w.single;
  const sx = shareCh(w.tech, w.e, w.s.goods.baseMh, w.baseCh);
  // Token prices per hour (price units per milli-hour): CH then MH.
  const priceCh = single ? w.e * w.wage : 1;
  const priceMh = single ? w.wage : 1;
  roles(w);
  market(w, true, priceCh, sx);
  market(w, false, priceMh, 1 - sx);
}

/**
 * Who hires and who offers hours today, the same in both markets: w.bufC[i] is 1 for a producer with
 * rho > 1 whose R&D can still lower its cost (w.bufB[i] is then its profit, MH-eq a day), -1 for a
 * producer with rho < 1, 0 otherwise.
 */
function roles(w: World): void {
  const a = w.agents;
  const role = w.bufC;
  const profit = w.bufB;
  const span = Math.max(1, w.workDemand.span);
  const share = w.s.invest.reinvestShare;
  for (let i = 0; i < w.n; i++) {
    role[i] = 0;
    if (!a.isProducer(i) || a.pcAlive[i] === 0) continue;
    const r = rho(w, i);
    if (!(r === r)) continue;
    if (r > 1 && canImprove(w, i)) { // nobody pays for R&D that cannot lower its cost any more
      role[i] = 1;
      profit[i] = share * (r - 1) * (w.workDemand.sum[i]! / span);
    } else if (r < 1) {
      role[i] = -1;
    }
  }
}

/** One input's hire market: `mixShare` of each hirer's budget buys this input at `price`. */
function market(w: World, isCh: boolean, price: number, mixShare: number): void {
  const a = w.agents;
  const L = w.ledger;
  const cur = w.single ? CUR.cur : isCh ? CUR.ch : CUR.mh;
  const valuePerHour = isCh ? w.e : 1; // MH-equivalents
  const role = w.bufC;
  const profit = w.bufB;
  const buyers = w.idxA;
  const sellers = w.idxB;
  const want = w.bufA;
  let nb = 0;
  let ns = 0;
  let bids = 0;
  let asks = 0;
  for (let i = 0; i < w.n; i++) {
    const r = role[i]!;
    if (r === 1) {
      const hours = Math.floor((profit[i]! * mixShare * 1000) / valuePerHour); // milli-hours of this input
      const afford = Math.floor(Math.max(0, L.means(cur, i) - 2) / price);
      const b = Math.min(hours, afford);
      if (b > 0) { want[i] = b; buyers[nb++] = i; bids += b; }
    } else if (r === -1) {
      const own = isCh ? a.availCh[i]! - a.soldCh[i]! - a.givenCh[i]! : a.availMh[i]! - a.soldMh[i]! - a.givenMh[i]!;
      const offer = Math.floor(w.s.invest.hireShare * own);
      if (offer > 0) { want[i] = offer; sellers[ns++] = i; asks += offer; }
    }
  }
  const bought = isCh ? a.hiredCh : a.hiredMh;
  const sold = isCh ? a.soldCh : a.soldMh;
  settleProRata(w, cur, price, nb, ns, bids, asks, bought, sold, w.bank?.deliveredToday[cur] ?? null);
  const volume = Math.min(bids, asks);
  w.stats.hired[isCh ? 0 : 1]! += volume;
  if (isCh) w.stats.deliveredCh += volume; else w.stats.deliveredMh += volume;
}
