/**
 * The talk page's reinvestment: "I can also invest more man-hour tokens, i.e. hire someone with the
 * tokens ... and cpu-hour tokens, i.e. use someone else's machine ... to create more efficient
 * production processes". After the input markets, producers with rho > 1 spend `invest.reinvestShare`
 * of their profit ((rho - 1) x their average daily work value) on hours for R&D, in their recipe's
 * cost-minimising mix at the day's rate. The hours come from producers with rho < 1, who offer
 * `invest.hireShare` of their remaining own hours: selling an hour at its price pays them more than
 * producing with it. Prices: par in the two-token presets (an MH token an MH, a CH token a CH), the
 * wage and CH price in S1, one token an MH and the rate a CH with one merged token. The long side is
 * rationed pro rata; payments go through the exchange account, which ends empty. Hired hours count as
 * hours sold for the seller and as R&D inputs (sim/economy/invest.ts) and input payments for the hirer.
 */
import { prorata } from './prorata.js';
import { shareCh } from '../economy/production.js';
import { rho } from '../economy/participation.js';
import { CUR, KIND } from '../money/ledger.js';
import { bankPaysInputs } from '../money/peerBank.js';
import type { World } from '../engine/world.js';

let fill = new Float64Array(0);
let pay = new Float64Array(0);

export function hire(w: World): void {
  if (!w.hasMoney || !(w.rate > 0) || w.s.invest.hireShare === 0 || w.s.invest.reinvestShare === 0) return;
  if (bankPaysInputs(w)) return; // in the Peer Bank's bootstrap nobody has earned a profit to reinvest
  const single = w.single;
  const sx = shareCh(w.tech, w.e, w.s.goods.baseMh, w.baseCh);
  // Token prices per hour (price units per milli-hour): CH then MH.
  const priceCh = single ? w.e * w.wage : 1;
  const priceMh = single ? w.wage : 1;
  market(w, true, priceCh, sx);
  market(w, false, priceMh, 1 - sx);
}

/** One input's hire market: `mixShare` of each hirer's budget buys this input at `price`. */
function market(w: World, isCh: boolean, price: number, mixShare: number): void {
  const a = w.agents;
  const L = w.ledger;
  const cur = w.single ? CUR.cur : isCh ? CUR.ch : CUR.mh;
  const valuePerHour = isCh ? w.e : 1; // MH-equivalents
  const span = Math.max(1, w.workDemand.span);
  const buyers = w.idxA;
  const sellers = w.idxB;
  const want = w.bufA;
  let nb = 0;
  let ns = 0;
  let bids = 0;
  let asks = 0;
  for (let i = 0; i < w.n; i++) {
    if (!a.isProducer(i) || a.pcAlive[i] === 0) continue;
    const r = rho(w, i);
    if (!(r === r)) continue;
    if (r > 1) {
      const profit = w.s.invest.reinvestShare * (r - 1) * (w.workDemand.sum[i]! / span); // MH-eq a day
      const hours = Math.floor((profit * mixShare * 1000) / valuePerHour); // milli-hours of this input
      const afford = Math.floor(Math.max(0, L.means(cur, i) - 2) / price);
      const b = Math.min(hours, afford);
      if (b > 0) { want[i] = b; buyers[nb++] = i; bids += b; }
    } else if (r < 1) {
      const own = isCh ? a.availCh[i]! - a.soldCh[i]! - a.givenCh[i]! : a.availMh[i]! - a.soldMh[i]! - a.givenMh[i]!;
      const offer = Math.floor(w.s.invest.hireShare * own);
      if (offer > 0) { want[i] = offer; sellers[ns++] = i; asks += offer; }
    }
  }
  const volume = Math.min(bids, asks);
  if (volume <= 0) return;
  const m = Math.max(nb, ns);
  if (fill.length < m) { fill = new Float64Array(2 * m); pay = new Float64Array(2 * m); }
  if (bids > asks) prorata(volume, want, buyers, nb, fill);
  else for (let k = 0; k < nb; k++) fill[k] = want[buyers[k]!]!;
  const toValue = 1 / (1000 * w.priceUnit);
  let paid = 0;
  for (let k = 0; k < nb; k++) {
    const i = buyers[k]!;
    const amount = Math.round(price * fill[k]!);
    if (isCh) a.hiredCh[i]! += fill[k]!; else a.hiredMh[i]! += fill[k]!;
    if (amount > 0) L.post(cur, KIND.input, i, L.exchange, amount);
    a.inputPayToday[i]! += amount * toValue;
    paid += amount;
  }
  if (asks > bids) prorata(volume, want, sellers, ns, fill);
  else for (let k = 0; k < ns; k++) fill[k] = want[sellers[k]!]!;
  for (let k = 0; k < ns; k++) want[sellers[k]!] = fill[k]!;
  if (paid > 0) prorata(paid, want, sellers, ns, pay);
  const delivered = w.bank?.deliveredToday[cur] ?? null;
  for (let k = 0; k < ns; k++) {
    const j = sellers[k]!;
    if (isCh) a.soldCh[j]! += fill[k]!; else a.soldMh[j]! += fill[k]!;
    const amount = paid > 0 ? pay[k]! : 0;
    if (amount > 0) L.post(cur, KIND.input, L.exchange, j, amount);
    if (delivered !== null) delivered[j]! += amount;
    a.receiptsToday[j]! += amount * toValue;
  }
  w.stats.flow[cur]! += paid;
  w.stats.inputPaid[cur]! += paid;
  w.stats.hired[isCh ? 0 : 1]! += volume;
  if (isCh) w.stats.deliveredCh += volume; else w.stats.deliveredMh += volume;
}
