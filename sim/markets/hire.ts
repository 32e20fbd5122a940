/**
 * The talk page's reinvestment: "I can also invest more man-hour tokens, i.e. hire someone with the
 * tokens ... and cpu-hour tokens, i.e. use someone else's machine ... to create more efficient
 * production processes". After the input markets, producers with rho > 1 spend `invest.reinvestShare`
 * of their profit ((rho - 1) x their average daily work value) on hours for R&D, in their recipe's
 * cost-minimising mix at the day's rate. The hours come from producers with rho < 1, who offer
 * `invest.hireShare` of their remaining own hours (a producer whose cost is near the incompressible
 * share, `canImprove` in invest.ts, hires nothing: R&D could save it little; without this rule, hiring
 * went on after v3's costs hit their floor and pulled rho_median to 0.3 by year 10 under the 2020s
 * calibration): selling an hour at its price pays them more than
 * producing with it. Prices: par in the two-token presets (an MH token an MH, a CH token a CH), the
 * wage and CH price in S1, one token an MH and the rate a CH with one merged token. The long side is
 * rationed pro rata; payments go through the exchange account, which ends empty. Hired hours count as
 * hours sold for the seller and as R&D inputs (sim/economy/invest.ts) and input payments for the hirer.
 * Producers upgrading their PC early (sim/economy/upgrade.ts) buy the rest of its price in MH here too,
 * before any R&D of theirs; those hours build the new PC. A producer short of tokens for either may
 * have borrowed them first (sim/markets/lend.ts).
 */
import { affordable, settleProRata } from './settle.js';
import { shareCh } from '../economy/production.js';
import { rho } from '../economy/participation.js';
import { hourPrice, rndBids } from './lend.js';
import { CUR } from '../money/ledger.js';
import type { World } from '../engine/world.js';
import { toMilli } from '../money/milli.js';


export function hire(w: World): void {
  if (!w.hasMoney || !(w.rate > 0) || w.s.invest.hireShare === 0) return;
  if (w.money.bankPaysInputs(w)) return; // in the Peer Bank's bootstrap nobody has earned a profit to reinvest
  const sx = shareCh(w.tech, w.e, w.s.goods.baseMh, w.baseCh);
  const rnd = rndBids(w, sx); // the loan market's, when it opened today
  market(w, true, hourPrice(w, true), rnd);
  market(w, false, hourPrice(w, false), rnd);
}

/** One input's hire market: each hirer's R&D bid for this input (`rndBid`, rndBids: its cost share of
 * the R&D budget) buys it at `price` (token units per milli-hour); in MH, upgraders also buy the rest
 * of their new PC's price. */
function market(w: World, isCh: boolean, price: number, rndBid: Float64Array): void {
  const a = w.agents;
  const cur = w.single ? CUR.cur : isCh ? CUR.ch : CUR.mh;
  const pcMilli = Math.round(toMilli(w.s.pc.priceMh));
  const buyers = w.idxA;
  const sellers = w.idxB;
  const want = w.bufA;
  let nb = 0;
  let ns = 0;
  let bids = 0;
  let asks = 0;
  const upgrade = w.bufB; // milli-hours of a buyer's bid that are for its new PC
  for (let i = 0; i < w.n; i++) {
    if (!a.isProducer(i) || a.pcAlive[i] === 0) continue;
    const pc = !isCh && a.upgrading[i] === 1 ? Math.max(0, pcMilli - a.upgradeMh[i]!) : 0;
    const rnd = rndBid[2 * i + (isCh ? 0 : 1)]!; // 0 for R&D that cannot lower its cost any more (rndBids)
    if (pc + rnd > 0) {
      const afford = affordable(w, cur, i, price);
      const b = Math.min(pc + rnd, afford);
      if (b > 0) { want[i] = b; upgrade[i] = Math.min(pc, b); buyers[nb++] = i; bids += b; }
      continue;
    }
    const r = rho(w, i);
    if (r < 1) {
      const own = isCh ? a.availCh[i]! - a.soldCh[i]! - a.givenCh[i]! : a.availMh[i]! - a.soldMh[i]! - a.givenMh[i]!;
      const offer = Math.floor(w.s.invest.hireShare * own);
      if (offer > 0) { want[i] = offer; sellers[ns++] = i; asks += offer; }
    }
  }
  const bought = w.bufC;
  for (let k = 0; k < nb; k++) bought[buyers[k]!] = 0;
  const sold = isCh ? a.soldCh : a.soldMh;
  settleProRata(w, cur, price, nb, ns, bids, asks, bought, sold, w.bank?.deliveredToday[cur] ?? null);
  // A buyer's hours go to its new PC first, the rest to R&D.
  const hired = isCh ? a.hiredCh : a.hiredMh;
  let forPcs = 0;
  for (let k = 0; k < nb; k++) {
    const i = buyers[k]!;
    const got = bought[i]!;
    const pc = got < upgrade[i]! ? got : upgrade[i]!;
    a.upgradeMh[i]! += pc;
    hired[i]! += got - pc;
    forPcs += pc;
  }
  const volume = Math.min(bids, asks);
  w.stats.hired[isCh ? 0 : 1]! += volume - forPcs;
  w.stats.upgradeMh += forPcs;
  if (isCh) w.stats.deliveredCh += volume; else w.stats.deliveredMh += volume;
}
