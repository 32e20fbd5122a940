/**
 * Phase 12b, observe: write the day's metrics row (MODEL.md section 10), reading the trailing windows
 * the windows step has rolled (sim/economy/windows.ts); it changes nothing but the row. A value a preset has no use for, or that is undefined today, is
 * NaN here and an empty cell in metrics.csv. It runs every day, so each array is read once: one pass
 * over the agents gives the sums and the producers' rho, one over the balances gives money, credit and
 * the wealth Gini's values (each sum still adds the same terms in the same order).
 */
import { COL } from './columns.js';
import { gini, giniF32 } from './stats.js';
import { rho } from '../economy/participation.js';
import { CUR } from '../money/ledger.js';
import type { World } from '../engine/world.js';
import { fromMilli } from '../money/milli.js';
import { log } from '../engine/libm.js';

const C = (name: string): number => COL[name]!;
const I = {
  day: C('day'), producers: C('producers_active'), dropout: C('dropout_share'), pi: C('pi_mean'),
  completed: C('goods_completed'), released: C('goods_released'), total: C('goods_total'), copies: C('copies'),
  copiesPc: C('copies_per_capita'), diversity: C('genre_diversity'), opened: C('campaigns_opened'),
  funded: C('campaigns_funded'), refunded: C('campaigns_refunded'), fundedShare: C('funded_share'),
  daysToFund: C('days_to_fund'), costMh: C('cost_mh_per_good'), costCh: C('cost_ch_per_good'),
  costIndex: C('cost_index'), utilCh: C('utilisation_ch'), utilMh: C('utilisation_mh'),
  tradedCh: C('traded_share_ch'), tradedMh: C('traded_share_mh'), rmaxMean: C('rmax_mean'),
  capCh: C('capacity_ch'), capMh: C('capacity_mh'), rate: C('exchange_rate'), priceLevel: C('price_level'),
  priceHours: C('price_hours_per_good'), giniIncome: C('gini_income'), giniWealth: C('gini_wealth'),
  rhoMedian: C('rho_median'), rateRef: C('exchange_rate_ref'), baseCh: C('base_ch_per_good'),
  priceCh: C('price_ch_cur'), priceMh: C('price_mh_cur'), frontier: C('rmax_frontier'), dead: C('pcs_dead'), idleCh: C('idle_ch'), idleMh: C('idle_mh'),
  givenCh: C('given_ch'), givenMh: C('given_mh'), rnd: C('rnd_successes'), defaults: C('defaults'),
  learn: C('learning_factor_mean'), open: C('campaigns_open'), target: C('bank_target_days'),
  hiredCh: C('hired_ch'), hiredMh: C('hired_mh'), upgradeMh: C('pc_upgrade_mh'), upgrades: C('pc_upgrades'),
  loansOpen: C('loans_open'), costFunded: C('cost_funded_sum'), nearFloor: C('output_near_floor'),
  capped: C('demand_capped_share'),
};
const MONEY = (['ch', 'mh', 'cur'] as const).map((x) => ({
  cur: CUR[x], money: C(`money_${x}`), credit: C(`credit_${x}`), flow: C(`flow_${x}`), ema: C(`flow_ema_${x}`),
  demurrage: C(`demurrage_${x}`), defaults: C(`defaults_${x}`), velocity: C(`velocity_${x}`),
  issued: C(`issued_${x}`), burned: C(`burned_${x}`), days: C(`money_days_${x}`),
  loans: C(`loans_${x}`), granted: C(`loans_granted_${x}`), repaid: C(`loans_repaid_${x}`),
}));

const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

export function observe(w: World, row: Float64Array): void {
  const a = w.agents;
  const st = w.stats;
  const n = w.n;
  row.fill(NaN);
  let producers = 0, piSum = 0, endowCh = 0, endowMh = 0, idleCh = 0, idleMh = 0, givenCh = 0, givenMh = 0;
  let rmaxSum = 0, alive = 0;
  const rhos = w.bufC; // the producers' defined rho, for their median
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (a.isProducer(i)) {
      producers++;
      const r = rho(w, i);
      if (r === r) rhos[m++] = r;
    }
    piSum += a.pi[i]!;
    endowCh += a.endowCh[i]!; endowMh += a.endowMh[i]!;
    idleCh += a.idleCh[i]!; idleMh += a.idleMh[i]!;
    givenCh += a.givenCh[i]!; givenMh += a.givenMh[i]!;
    if (a.pcAlive[i] === 1) { rmaxSum += a.rmax[i]!; alive++; }
  }
  row[I.day] = w.day;
  row[I.producers] = producers;
  row[I.dropout] = (n - producers) / n;
  row[I.pi] = piSum / n;
  row[I.completed] = st.goodsCompleted;
  row[I.released] = st.goodsReleased;
  row[I.total] = w.goodsTotal;
  row[I.copies] = st.copies;
  row[I.copiesPc] = st.copies / n;
  row[I.diversity] = shannon(w.genres.downloadsToday, st.copies);
  row[I.costMh] = ratio(st.costMhSum, st.goodsCompleted);
  row[I.costCh] = ratio(st.costChSum, st.goodsCompleted);
  row[I.costIndex] = ratio(st.costIndexSum, st.goodsCompleted);
  row[I.utilCh] = ratio(endowCh - idleCh, endowCh);
  row[I.utilMh] = ratio(endowMh - idleMh, endowMh);
  row[I.tradedCh] = ratio(st.deliveredCh, st.productionCh);
  row[I.tradedMh] = ratio(st.deliveredMh, st.productionMh);
  row[I.rmaxMean] = ratio(rmaxSum, alive);
  row[I.capCh] = fromMilli(endowCh);
  row[I.capMh] = fromMilli(endowMh);
  row[I.rate] = w.rate > 0 && w.money.exchange ? w.rate : NaN;
  if (w.single && w.rate > 0) {
    row[I.priceMh] = w.wage;
    row[I.priceCh] = w.e * w.wage;
  }
  row[I.rateRef] = w.eRef;
  row[I.baseCh] = w.baseCh;
  row[I.frontier] = w.rmaxFrontier;
  row[I.dead] = n - alive;
  row[I.idleCh] = fromMilli(idleCh);
  row[I.idleMh] = fromMilli(idleMh);
  row[I.givenCh] = fromMilli(givenCh);
  row[I.givenMh] = fromMilli(givenMh);
  row[I.rnd] = st.rndSuccesses;
  if (w.hasMoney) {
    row[I.hiredCh] = fromMilli(st.hired[0]!);
    row[I.hiredMh] = fromMilli(st.hired[1]!);
  }
  let learn = 0;
  for (let g = 0; g < w.genres.k; g++) learn += w.genres.learn[g]!;
  row[I.learn] = learn / w.genres.k;
  row[I.rhoMedian] = w.rhoMedian.median(rhos, m); // the bracket makes it cheaper, never different
  if (w.pricing.priced) {
    if (w.shop === null) campaigns(w, row);
    row[I.priceLevel] = ratio(w.stats.priceLevelSum, w.stats.pricedGoods);
    row[I.priceHours] = ratio(w.stats.priceSum, w.stats.pricedGoods);
    row[I.costFunded] = w.stats.pricedGoods > 0 ? w.stats.costFundedSum : NaN;
    if (w.shop === null) row[I.capped] = ratio(w.stats.pledgersCapped, w.stats.pledgers);
  }
  row[I.nearFloor] = ratio(w.stats.goodsNearFloor, w.stats.goodsCompleted);
  if (w.hasMoney) money(w, row);
}

function campaigns(w: World, row: Float64Array): void {
  const st = w.stats;
  row[I.opened] = st.campaignsOpened;
  row[I.funded] = st.campaignsFunded;
  row[I.refunded] = st.campaignsRefunded;
  row[I.fundedShare] = ratio(st.campaignsFunded, st.campaignsFunded + st.campaignsRefunded);
  row[I.daysToFund] = ratio(st.daysToFundSum, st.campaignsFunded);
  row[I.open] = w.book.openCount;
}

const pos = new Float64Array(3); // per currency: sum of positive balances of the accounts before the bank
const neg = new Float64Array(3); // and of negative ones, as a positive number
let wealth = new Float32Array(0); // balance plus limit per agent, for its Gini (the values giniF32 takes)

function money(w: World, row: Float64Array): void {
  const st = w.stats;
  const n = w.n;
  if (wealth.length < n) wealth = new Float32Array(n);
  balances(w, wealth);
  for (const m of MONEY) {
    if ((m.cur === CUR.cur) !== w.single) continue; // tokens (ch, mh) or the one currency (cur)
    const flow = st.flow[m.cur]!;
    row[m.money] = fromMilli(pos[m.cur]!);
    row[m.credit] = fromMilli(neg[m.cur]!);
    row[m.flow] = fromMilli(flow);
    row[m.ema] = fromMilli(w.flowEma[m.cur]!);
    if (w.credit || w.bank !== null) row[m.demurrage] = fromMilli(st.demurrage[m.cur]!); // S1 has no demurrage
    row[m.defaults] = fromMilli(st.writtenOff[m.cur]!);
    const book = w.loans!;
    row[m.loans] = fromMilli(book.total[m.cur]!);
    row[m.granted] = fromMilli(st.loansGranted[m.cur]!);
    row[m.repaid] = fromMilli(st.loansRepaid[m.cur]!);
    row[m.velocity] = ratio(w.payments365[m.cur]!.sum, w.money365[m.cur]!.mean);
    if (w.single && !w.credit) row[m.issued] = fromMilli(st.issued[m.cur]!);
    if (w.bank !== null) {
      row[m.issued] = fromMilli(st.issued[m.cur]!);
      row[m.burned] = fromMilli(st.burned[m.cur]!);
      row[m.ema] = fromMilli(w.bank.flowEma[m.cur]!); // the bank's own EMA, the one its rule uses
    }
    row[m.days] = ratio(row[m.money]!, row[m.ema]!);
  }
  if (w.bank !== null) row[I.target] = w.s.bank.k;
  row[I.defaults] = st.defaults;
  row[I.upgrades] = st.upgrades;
  row[I.upgradeMh] = fromMilli(st.upgradeMh);
  row[I.loansOpen] = w.loans!.open;
  // Gini of 30-day receipts and of balance plus limit, in MH-equivalents.
  row[I.giniIncome] = gini(w.receipts30.sum, n);
  row[I.giniWealth] = giniF32(wealth, n);
}

/**
 * One pass over the balances of the day's currencies (ch and mh, or cur): pos and neg of each, summed
 * account by account in account order, and each agent's balance plus limit in MH-equivalents, as
 * float32 clamped at 0, into `out`.
 */
function balances(w: World, out: Float32Array): void {
  const L = w.ledger;
  const n = w.n;
  const bank = L.bank; // the last account: every account before it holds money
  if (w.single) {
    const b = L.balance[CUR.cur]!, f = L.floor[CUR.cur]!;
    const wage = w.wage;
    let p = 0, q = 0;
    for (let i = 0; i < n; i++) {
      const v = b[i]!;
      if (v > 0) p += v; else q -= v;
      const x = (v - f[i]!) / wage;
      out[i] = x > 0 ? x : 0;
    }
    for (let acc = n; acc < bank; acc++) { const v = b[acc]!; if (v > 0) p += v; else q -= v; }
    pos[CUR.cur] = p; neg[CUR.cur] = q;
    return;
  }
  const bm = L.balance[CUR.mh]!, bc = L.balance[CUR.ch]!, fm = L.floor[CUR.mh]!, fc = L.floor[CUR.ch]!;
  const e = w.e;
  let pc = 0, qc = 0, pm = 0, qm = 0;
  for (let i = 0; i < n; i++) {
    const c = bc[i]!;
    const m = bm[i]!;
    if (c > 0) pc += c; else qc -= c;
    if (m > 0) pm += m; else qm -= m;
    const x = m - fm[i]! + e * (c - fc[i]!);
    out[i] = x > 0 ? x : 0;
  }
  for (let acc = n; acc < bank; acc++) {
    const c = bc[acc]!;
    const m = bm[acc]!;
    if (c > 0) pc += c; else qc -= c;
    if (m > 0) pm += m; else qm -= m;
  }
  pos[CUR.ch] = pc; neg[CUR.ch] = qc; pos[CUR.mh] = pm; neg[CUR.mh] = qm;
}

/** Shannon index (nats) of the day's downloads over genres; NaN without downloads. */
function shannon(downloads: Float64Array, total: number): number {
  if (total <= 0) return NaN;
  let h = 0;
  for (let g = 0; g < downloads.length; g++) {
    const p = downloads[g]! / total;
    if (p > 0) h -= p * log(p);
  }
  return h;
}
