/**
 * The loan market and its repayments (MODEL.md section 4: "peer loans in either token ... granted by
 * holders of idle balances to borrowers who invest"); the book is sim/money/loans.ts.
 *
 * Lending, daily before the hire market, per currency: a producer that cannot pay today's investment
 * (the rest of a PC upgrade it chose, sim/economy/upgrade.ts, plus a day of its R&D budget,
 * sim/markets/hire.ts) asks for the upgrade plus `loans.rndDays` days of R&D budget, less its means, up
 * to what it can carry (`loans.incomeShare` of a term of its average daily work value, counting what it
 * will owe with interest). Every agent offers `loans.lendShare` of its idle balance: what lies above the
 * balance its money keeps back from lending (`keptFromLending`, sim/money/kinds/: S2 and the merged token
 * the demurrage allowance; S3 the working balance the bank provisions, k days of its own delivered flow;
 * S1 `market.wageDays` of its own work value, as in the budget); an agent that owes a loan in that currency does not lend. The long
 * side is rationed pro rata (largest remainder). No loans during the Peer Bank's bootstrap, when nobody
 * has earned anything to lend, nor on a day without the hire market the loans would be spent in.
 *
 * Repayment, daily in the money phase before demurrage: each borrower pays what is due to date (equal
 * daily instalments) as far as its means go; arrears are paid as soon as it can. A loan still owing at
 * the end of its term is overdue and its borrower defaults (sim/money/credit.ts writeOff), which also
 * writes off its loans: the lenders lose that debt pro rata to their claims.
 */
import { KIND, CUR } from '../money/ledger.js';
import { writeOff } from '../money/credit.js';
import { rho } from '../economy/participation.js';
import { canImprove } from '../economy/invest.js';
import { shareCh } from '../economy/production.js';
import { prorata } from './prorata.js';
import { STATUS } from '../agents/table.js';
import type { World } from '../engine/world.js';
import { MILLI, toMilli } from '../money/milli.js';

let fill = new Float64Array(0);

/** Token price of an hour of CH or MH in currency units per hour: par (1), or r and w in S1. */
export function hourPrice(w: World, isCh: boolean): number {
  if (!w.single) return 1;
  return isCh ? w.e * w.wage : w.wage;
}

/**
 * Today's R&D bids, in milli-hours of CH (at [2i]) and MH (at [2i + 1]): producer i's profit
 * (reinvestShare x (rho - 1) x its mean daily work value, MH-eq a day) split by sx, CH's cost share;
 * 0 for an agent without a working PC, with rho <= 1, or that cannot lower its cost any more
 * (canImprove). Computed once a day and read by lend and hire: nothing it depends on (the rho and
 * demand windows, technique and learning, e) changes between the loan market and the hire market.
 */
export function rndBids(w: World, sx: number): Float64Array {
  const out = w.rndBid;
  if (w.rndBidDay === w.day && w.rndBidSx === sx) return out;
  w.rndBidDay = w.day;
  w.rndBidSx = sx;
  const a = w.agents;
  const share = w.s.invest.reinvestShare;
  const span = Math.max(1, w.workDemand.span);
  const work = w.workDemand.sum;
  const e = w.e;
  for (let i = 0; i < w.n; i++) {
    out[2 * i] = 0;
    out[2 * i + 1] = 0;
    if (!a.isProducer(i) || a.pcAlive[i] === 0) continue;
    const r = rho(w, i);
    if (!(r > 1) || share === 0 || !canImprove(w, i)) continue;
    const profit = share * (r - 1) * (work[i]! / span);
    out[2 * i] = Math.floor(toMilli(profit * sx) / e);
    out[2 * i + 1] = Math.floor(toMilli(profit * (1 - sx)));
  }
  return out;
}

/** Agent i's idle balance in `cur` (milli): what it holds above the balance it keeps (World.money). */
export function idleBalance(w: World, cur: number, i: number): number {
  const b = w.ledger.balance[cur]![i]!;
  if (b <= 0) return 0;
  const kept = w.money.keptFromLending(w, cur, i);
  return b > kept ? b - kept : 0;
}

/**
 * What producer i would invest today in currency `cur` (milli): the loan it asks for, or 0 when it can
 * pay today's investment itself. The currency's terms are read once a day by `lend`: whether its CH
 * and MH bids (and a PC upgrade, paid in MH hours) are paid in it, an hour's price of each, the PC's
 * price in milli-MH and loans.rndDays.
 */
function investment(
  w: World, cur: number, i: number, bids: Float64Array, withCh: boolean, withMh: boolean,
  priceCh: number, priceMh: number, pcMilli: number, rndDays: number,
): number {
  const a = w.agents;
  let upgrade = 0;
  if (a.upgrading[i] === 1 && withMh) {
    const left = pcMilli - a.upgradeMh[i]!;
    if (left > 0) upgrade = left * priceMh;
  }
  let rnd = 0;
  if (withCh) rnd += bids[2 * i]! * priceCh;
  if (withMh) rnd += bids[2 * i + 1]! * priceMh;
  if (upgrade === 0 && rnd === 0) return 0; // nothing to pay today: means (>= 0) cover it
  const means = Math.max(0, w.ledger.means(cur, i));
  if (means >= upgrade + rnd) return 0; // it can pay today's investment itself
  return upgrade + rndDays * rnd - means;
}

/** The day's loan market, every currency. */
export function lend(w: World): void {
  const lo = w.s.loans;
  const book = w.loans;
  // Loans finance hours bought in the hire market: none on a day it does not open (sim/markets/hire.ts).
  if (book === null || lo.lendShare === 0 || w.money.bankPaysInputs(w) || !(w.rate > 0) || w.s.invest.hireShare === 0) return;
  const a = w.agents;
  const sx = shareCh(w.tech, w.e, w.s.goods.baseMh, w.baseCh);
  const rnd = rndBids(w, sx);
  const interest = 1 + (lo.interestRate * lo.termDays) / 365;
  const borrowers = w.idxA;
  const lenders = w.idxB;
  const want = w.bufA;
  const offer = w.bufB;
  const single = w.single;
  const priceCh = hourPrice(w, true);
  const priceMh = hourPrice(w, false);
  const pcMilli = Math.round(toMilli(w.s.pc.priceMh));
  const rndDays = lo.rndDays;
  const carried = lo.incomeShare * lo.termDays; // (incomeShare x termDays) x work value, as written out below
  const pcAlive = a.pcAlive;
  const n = w.n;
  for (const cur of w.currencies) {
    const withCh = single || cur === CUR.ch;
    const withMh = single || cur === CUR.mh;
    const perUnit = cur === CUR.ch ? w.e : 1; // work value (MH-equivalents) per unit of this currency
    let nb = 0;
    let bids = 0;
    for (let i = 0; i < n; i++) {
      if (!a.isProducer(i) || pcAlive[i] === 0 || book.has(cur, i)) continue;
      const need = investment(w, cur, i, rnd, withCh, withMh, priceCh, priceMh, pcMilli, rndDays);
      if (need <= 0) continue;
      // What it can carry: incomeShare of a term of its work value, in this currency, with interest.
      const workMilli = w.workValuePerDay(i) / perUnit;
      const most = (carried * workMilli) / interest;
      const principal = Math.floor(need < most ? need : most);
      if (principal < MILLI) continue; // less than a token is not worth a loan
      want[i] = principal;
      borrowers[nb++] = i;
      bids += principal;
    }
    if (nb === 0) continue;
    let nl = 0;
    let asks = 0;
    for (let j = 0; j < w.n; j++) {
      offer[j] = 0;
      // Out after a default, borrowing today, or owing a loan in this currency: not a lender (a borrower
      // would lend money it borrowed to invest).
      if (a.status[j] === STATUS.droppedDefault || book.has(cur, j) || isBorrower(borrowers, nb, j)) continue;
      const o = Math.floor(lo.lendShare * idleBalance(w, cur, j));
      if (o > 0) { offer[j] = o; lenders[nl++] = j; asks += o; }
    }
    const volume = Math.min(bids, asks);
    if (volume > 0) grant(w, cur, nb, nl, bids, asks, volume, interest);
  }
}

/** Whether j is among the first nb borrowers (they are listed in increasing order: binary search). */
function isBorrower(borrowers: Int32Array, nb: number, j: number): boolean {
  let lo = 0;
  let hi = nb - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = borrowers[mid]!;
    if (v === j) return true;
    if (v < j) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

function grant(w: World, cur: number, nb: number, nl: number, bids: number, asks: number, volume: number, interest: number): void {
  const L = w.ledger;
  const book = w.loans!;
  const borrowers = w.idxA;
  const lenders = w.idxB;
  const want = w.bufA;
  const offer = w.bufB;
  const part = w.bufC;
  const m = Math.max(nb, nl);
  if (fill.length < m) fill = new Float64Array(2 * m);
  // Lenders pay in, pro rata to their offers when they offer more than is asked.
  if (asks > volume) prorata(volume, offer, lenders, nl, part);
  else for (let k = 0; k < nl; k++) part[k] = offer[lenders[k]!]!;
  for (let k = 0; k < nl; k++) if (part[k]! > 0) L.post(cur, KIND.loan, lenders[k]!, L.exchange, part[k]!);
  // Borrowers are paid out, pro rata to their asks when they ask more than is offered.
  if (bids > volume) prorata(volume, want, borrowers, nb, fill);
  else for (let k = 0; k < nb; k++) fill[k] = want[borrowers[k]!]!;
  let dueTotal = 0;
  for (let k = 0; k < nb; k++) {
    const principal = fill[k]!;
    if (principal <= 0) continue;
    const i = borrowers[k]!;
    const due = Math.round(principal * interest);
    L.post(cur, KIND.loan, L.exchange, i, principal);
    book.book(cur, i, due, w.day);
    dueTotal += due;
  }
  // The lenders' claims grow by what the new loans will repay, pro rata to what each lent.
  for (let k = 0; k < nl; k++) offer[lenders[k]!] = part[k]!;
  prorata(dueTotal, offer, lenders, nl, part);
  const claim = book.claim[cur]!;
  for (let k = 0; k < nl; k++) claim[lenders[k]!]! += part[k]!;
  w.stats.loansGranted[cur]! += volume;
}

/** The money phase: instalments due are paid and shared among the lenders; overdue loans default. */
export function repay(w: World): void {
  const book = w.loans;
  if (book === null || book.open === 0) return;
  const L = w.ledger;
  const day = w.day;
  for (const cur of w.currencies) {
    if (book.total[cur] === 0) continue;
    const issued = book.issuedDay[cur]!;
    const payers = w.idxA;
    const pays = w.bufA; // by position in `payers`
    const n = w.n;
    let m = 0;
    let repaid = 0;
    for (let i = 0; i < n; i++) {
      if (issued[i]! < 0) continue;
      const owe = book.behind(cur, i, day);
      if (owe <= 0) continue;
      const means = Math.floor(L.means(cur, i)); // its own instalment is the only posting that changes it
      const pay = owe < means ? owe : means;
      if (pay <= 0) continue;
      payers[m] = i;
      pays[m++] = pay;
      book.paid(cur, i, pay);
      repaid += pay;
    }
    L.postToOne(cur, KIND.repayment, payers, L.exchange, pays, 0, m);
    if (repaid > 0) {
      const lenders = w.idxB;
      const part = w.bufC;
      const nl = book.splitClaims(cur, repaid, lenders, part);
      L.postFromOne(cur, KIND.repayment, L.exchange, lenders, part, 0, nl);
      w.stats.loansRepaid[cur]! += repaid;
    }
  }
  for (const cur of w.currencies) {
    for (let i = 0; i < w.n; i++) if (book.overdue(cur, i, day)) writeOff(w, i);
  }
}
